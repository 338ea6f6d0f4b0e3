package dev.weft.recovery;

import static dev.weft.recovery.Stores.positions;
import static dev.weft.recovery.Stores.state;
import static dev.weft.recovery.Stores.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer in a child JVM (this test's {@code java} and class path, dying with this JVM) halted by
 * a crash point in the middle of a snapshot: the store opens, and resumes from the last epoch the
 * writer completed, with its state exactly.
 */
@Timeout(120)
class StoreCrashTest {

    @TempDir
    Path dir;

    @Test
    void shouldResumeFromThePreviousSnapshotAfterAHaltInsideATransaction() throws Exception {
        crash(CrashPoint.SNAPSHOT_BEFORE_COMMIT);

        try (RecoveryStore store = RecoveryStore.open(dir)) {
            assertResumesFromTheLastCompletedEpoch(store);
            assertThat(state(store, 4)).as("nothing of epoch 4 was committed").isEqualTo(expectedState());
        }
    }

    @Test
    void shouldResumeFromThePreviousSnapshotAfterAHaltBetweenTwoPartitionsCommits() throws Exception {
        crash(CrashPoint.SNAPSHOT_BETWEEN_PARTITIONS);

        try (RecoveryStore store = RecoveryStore.open(dir)) {
            assertResumesFromTheLastCompletedEpoch(store);
            assertThat(state(store, 4)).as("partition 0 committed epoch 4").isNotEqualTo(expectedState());
            ResumePoint resume = store.resumePoint();
            store.beginExecution(resume.nextExecution(), 2, resume.epoch());
            assertThat(state(store, 4)).as("the next execution discards it").isEqualTo(expectedState());
        }
    }

    @Test
    void shouldRefuseAPartitionWhoseWalWasDeletedAfterTheCrash() throws Exception {
        crash(CrashPoint.SNAPSHOT_BETWEEN_PARTITIONS, "small"); // so everything after init is in the WAL
        Path wal = dir.resolve("part-1.sqlite3-wal");
        assertThat(wal).exists();
        Files.delete(wal);

        assertThatThrownBy(() -> RecoveryStore.open(dir).close()).isInstanceOf(RecoveryStoreException.class)
                .hasMessageContaining("part-1.sqlite3 (which records no execution at all) records progress only up to"
                        + " epoch 0, but part-0.sqlite3 has already discarded the snapshots before epoch 3")
                .hasMessageContaining("or its -wal file was lost");
    }

    private static void assertResumesFromTheLastCompletedEpoch(RecoveryStore store) {
        ResumePoint resume = store.resumePoint();
        assertThat(resume.latestExecution()).hasValue(0);
        assertThat(resume.epoch()).isEqualTo(StoreCrashChild.COMPLETED);
        assertThat(resume.behind()).isEqualTo(List.of());
        assertThat(state(store, resume.epoch())).isEqualTo(expectedState());
        assertThat(positions(store, resume.epoch())).isEqualTo(Map.of("lines/input.txt", "offset 3"));
    }

    private static Map<String, String> expectedState() {
        Map<String, String> state = new TreeMap<>();
        for (int k = 0; k < StoreCrashChild.KEYS; k++) {
            state.put("count/" + k % 16 + "/key-" + k, text(StoreCrashChild.value(k, StoreCrashChild.COMPLETED)));
        }
        return state;
    }

    private void crash(CrashPoint point, String... options) throws Exception {
        RecoveryStore.init(dir, 3, 16);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                StoreCrashChild.class.getName(), dir.toString(), point.name()));
        command.addAll(List.of(options));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile())
                .start();
        try {
            assertThat(child.waitFor(100, TimeUnit.SECONDS)).as("child ended").isTrue();
            assertThat(child.exitValue()).as("halted at " + point + "; log: "
                    + Files.readString(dir.resolveSibling(dir.getFileName() + ".log"))).isEqualTo(CrashPoint.HALT_STATUS);
        } finally {
            child.destroyForcibly();
        }
    }
}
