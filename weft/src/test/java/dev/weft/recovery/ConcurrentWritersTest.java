package dev.weft.recovery;

import static dev.weft.recovery.Stores.bytes;
import static dev.weft.recovery.Stores.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ConcurrentWritersTest {

    private static final int THREADS = 4;
    private static final int EPOCHS = 30;
    private static final int KEYS = 200;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryWriteOfThreadsWritingToDifferentPartitionsAndToTheSameOnes() throws Exception {
        RecoveryStore.init(dir, THREADS, 4 * THREADS);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            store.beginExecution(0, THREADS, 0);
            CyclicBarrier epochStart = new CyclicBarrier(THREADS + 1);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int worker = t;
                writers.add(threads.submit(() -> {
                    for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                        epochStart.await(60, TimeUnit.SECONDS);
                        SnapshotWriter snapshot = store.snapshot(epoch);
                        for (int k = 0; k < KEYS; k++) {
                            // Worker t's key groups 4t..4t+3 all live in partition t.
                            snapshot.putState("count", 4 * worker + k % 4, bytes("k" + k), bytes(worker + ":" + epoch));
                        }
                        snapshot.commit();
                        store.recordProgress(0, worker, epoch);
                    }
                    return null;
                }));
            }
            // A fifth thread writes positions, which hash over every partition, at the same time.
            writers.add(threads.submit(() -> {
                for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                    epochStart.await(60, TimeUnit.SECONDS);
                    SnapshotWriter snapshot = store.snapshot(epoch);
                    for (int p = 0; p < 20; p++) {
                        snapshot.putPosition("lines", "file-" + p, bytes("offset " + epoch));
                    }
                    snapshot.commit();
                }
                return null;
            }));
            for (Future<?> writer : writers) {
                writer.get(100, TimeUnit.SECONDS);
            }

            Map<String, String> expected = new TreeMap<>();
            for (int t = 0; t < THREADS; t++) {
                for (int k = 0; k < KEYS; k++) {
                    expected.put("count/" + (4 * t + k % 4) + "/k" + k, t + ":" + EPOCHS);
                }
            }
            assertThat(store.resumePoint().epoch()).isEqualTo(EPOCHS);
            assertThat(state(store, EPOCHS)).isEqualTo(expected);
            assertThat(Stores.positions(store, EPOCHS)).hasSize(20).allSatisfy((name, offset) ->
                    assertThat(offset).isEqualTo("offset " + EPOCHS));
        } finally {
            threads.shutdownNow();
        }
    }
}
