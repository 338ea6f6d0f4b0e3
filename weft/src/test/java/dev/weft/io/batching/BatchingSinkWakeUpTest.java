package dev.weft.io.batching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.Testing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime calls a batching writer when its buffer falls due even if the stream has gone quiet:
 * here the input does not end until the writer has received the first items, so only the
 * time-based flush can let the dataflow finish.
 */
@Timeout(60)
class BatchingSinkWakeUpTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldHandOverAPartialBatchOnTimeWhenTheStreamGoesQuiet(int workers) {
        List<List<Integer>> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch written = new CountDownLatch(1);
        Dataflow flow = new Dataflow("quiet");
        flow.input("queue", new QueueSource<Integer>(16, 16, Duration.ofHours(1), (worker, count, feed) -> {
            Thread client = new Thread(() -> {
                try {
                    if (worker == 0) {
                        feed.put(1);
                        feed.put(2);
                        feed.put(3);
                        written.await(50, TimeUnit.SECONDS); // quiet until the sink wrote
                    }
                    feed.end();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            client.setDaemon(true);
            client.start();
            return () -> { };
        })).output("batched", BatchingSink.calling(100, Duration.ofMillis(50), batch -> {
            calls.add(batch);
            written.countDown();
        }));

        Testing.run(flow, RunConfig.defaults(workers).withEpochInterval(Duration.ofHours(1)));

        assertThat(written.getCount()).isZero();
        assertThat(calls.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrder(1, 2, 3);
    }
}
