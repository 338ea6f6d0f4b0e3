package dev.weft.recovery;

import static dev.weft.recovery.Stores.bytes;
import static dev.weft.recovery.Stores.positions;
import static dev.weft.recovery.Stores.put;
import static dev.weft.recovery.Stores.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RecoveryStoreTest {

    @TempDir
    Path dir;

    @Test
    void shouldCreatePartitionFilesThatOpenWithTheirLayout() {
        StoreLayout created = RecoveryStore.init(dir.resolve("store"), 3, 16);

        assertThat(created.file(0)).exists();
        assertThat(created.file(2)).exists();
        assertThat(dir.resolve("store/part-3.sqlite3")).doesNotExist();
        try (RecoveryStore store = RecoveryStore.open(dir.resolve("store"), 16)) {
            assertThat(store.layout()).isEqualTo(created);
            assertThat(store.layout().formatVersion()).isEqualTo(RecoveryStore.FORMAT_VERSION);
            assertThat(store.resumePoint()).isEqualTo(new ResumePoint(OptionalLong.empty(), 0, 0, List.of()));
            assertThat(store.resumePoint().nextExecution()).isZero();
        }
    }

    @Test
    void shouldPlaceKeyGroupsInContiguousRangesAndPositionsByName() {
        StoreLayout layout = RecoveryStore.init(dir, 3, 256);

        assertThat(layout.partitionOfKeyGroup(0)).isZero();
        assertThat(layout.partitionOfKeyGroup(85)).isZero();
        assertThat(layout.partitionOfKeyGroup(86)).isEqualTo(1);
        assertThat(layout.partitionOfKeyGroup(255)).isEqualTo(2);
        assertThat(layout.partitionOfPosition("part-7")).isEqualTo(layout.partitionOfPosition("part-7"))
                .isBetween(0, 2);
        assertThatThrownBy(() -> layout.partitionOfKeyGroup(256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key group 256 is not in [0, 256)");
    }

    @Test
    void shouldResumeFromTheEpochEveryWorkerOfTheLatestExecutionCompleted() {
        RecoveryStore.init(dir, 2, 8);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            store.beginExecution(0, 3, 0);
            store.recordProgress(0, 0, 5);
            store.recordProgress(0, 1, 7);
            store.recordProgress(0, 2, 6);
            store.recordProgress(0, 1, 4); // never goes back

            assertThat(store.resumePoint()).isEqualTo(new ResumePoint(OptionalLong.of(0), 3, 5, List.of()));

            store.beginExecution(1, 1, 5);
            store.recordProgress(1, 0, 9);
            assertThat(store.resumePoint()).isEqualTo(new ResumePoint(OptionalLong.of(1), 1, 9, List.of()));

            store.beginExecution(2, 4, 9); // four workers now, two of them make progress
            store.recordProgress(2, 0, 12);
            store.recordProgress(2, 3, 11);
            assertThat(store.resumePoint().epoch()).isEqualTo(9);
            store.recordProgress(2, 1, 10);
            store.recordProgress(2, 2, 13);
            assertThat(store.resumePoint()).isEqualTo(new ResumePoint(OptionalLong.of(2), 4, 10, List.of()));
            assertThat(store.resumePoint().nextExecution()).isEqualTo(3);
        }
    }

    @Test
    void shouldResumeFromThePreviousResumeEpochWhenAnExecutionCrashedBeforeAnyProgress() {
        RecoveryStore.init(dir, 2, 8);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            store.beginExecution(0, 2, 0);
            store.recordProgress(0, 0, 3);
            store.recordProgress(0, 1, 3);
            store.beginExecution(1, 5, 3);
            store.recordProgress(1, 4, 8); // worker 4 only; workers 0 to 3 crashed before their first progress
        }
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            assertThat(store.resumePoint()).isEqualTo(new ResumePoint(OptionalLong.of(1), 5, 3, List.of()));
            store.beginExecution(2, 2, 3); // and crashed again before any progress
        }
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            assertThat(store.resumePoint()).isEqualTo(new ResumePoint(OptionalLong.of(2), 2, 3, List.of()));
        }
    }

    @Test
    void shouldReadEachKeysLatestStateAtOrBeforeAnEpochWithDeletesHidingOlderValues() {
        RecoveryStore.init(dir, 2, 4);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            SnapshotWriter one = store.snapshot(1);
            one.putState("count", 0, bytes("a"), bytes("1"));
            one.putState("count", 3, bytes("b"), bytes("1"));
            one.putState("max", 3, bytes("a"), bytes("9"));
            assertThat(one.commit()).isEqualTo(3);
            SnapshotWriter two = store.snapshot(2);
            two.putState("count", 0, bytes("a"), bytes("2"));
            two.deleteState("count", 3, bytes("b"));
            two.commit();
            SnapshotWriter four = store.snapshot(4);
            four.putState("count", 3, bytes("b"), bytes("1"));
            four.putState("count", 0, bytes("a"), bytes("3"));
            four.putState("count", 0, bytes("a"), bytes("4")); // the last write of a key wins
            four.commit();

            assertThat(state(store, 0)).isEmpty();
            assertThat(state(store, 1)).isEqualTo(Map.of("count/0/a", "1", "count/3/b", "1", "max/3/a", "9"));
            assertThat(state(store, 3)).isEqualTo(Map.of("count/0/a", "2", "max/3/a", "9"));
            assertThat(state(store, 4)).isEqualTo(Map.of("count/0/a", "4", "count/3/b", "1", "max/3/a", "9"));
            assertThat(store.stepIds(4)).containsExactly("count", "max");
        }
    }

    @Test
    void shouldReadEachPositionAtOrBeforeAnEpoch() {
        RecoveryStore.init(dir, 3, 8);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            SnapshotWriter one = store.snapshot(1);
            one.putPosition("lines", "a.txt", bytes("10"));
            one.putPosition("lines", "b.txt", bytes("20"));
            one.putPosition("out", "out.txt", bytes("5"));
            one.commit();
            SnapshotWriter three = store.snapshot(3);
            three.putPosition("lines", "a.txt", bytes("15"));
            three.commit();

            assertThat(positions(store, 2)).isEqualTo(Map.of("lines/a.txt", "10", "lines/b.txt", "20", "out/out.txt", "5"));
            assertThat(positions(store, 3)).containsEntry("lines/a.txt", "15").hasSize(3);
            assertThat(store.readPositions(3)).filteredOn(p -> p.partition().equals("a.txt"))
                    .singleElement().extracting(SourcePosition::epoch).isEqualTo(3L);
            assertThat(store.stepIds(0)).isEmpty();
            assertThat(store.stepIds(1)).containsExactly("lines", "out");
        }
    }

    @Test
    void shouldDiscardWhatACrashedExecutionWroteAfterTheResumePointWhenTheNextBegins() {
        RecoveryStore.init(dir, 2, 4);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            store.beginExecution(0, 1, 0);
            put(store, 1, "count", 1, "a", "1");
            store.recordProgress(0, 0, 1);
            put(store, 2, "count", 1, "a", "2"); // epoch 2 never completed: no progress
            put(store, 2, "count", 3, "z", "9");
            SnapshotWriter positions = store.snapshot(2);
            positions.putPosition("lines", "a.txt", bytes("99"));
            positions.commit();

            ResumePoint resume = store.resumePoint();
            assertThat(resume.epoch()).isEqualTo(1);
            store.beginExecution(resume.nextExecution(), 1, resume.epoch());
            // The new execution does not touch key z in its epoch 2: the crashed run's write must not come back.
            put(store, 2, "count", 1, "a", "2");
            store.recordProgress(1, 0, 2);

            assertThat(state(store, 2)).isEqualTo(Map.of("count/1/a", "2"));
            assertThat(store.readPositions(2)).isEmpty();
        }
    }

    @Test
    void shouldRefuseToBeginAnExecutionThatIsAlreadyRecorded() {
        RecoveryStore.init(dir, 1, 4);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            store.beginExecution(0, 1, 0);

            assertThatThrownBy(() -> store.beginExecution(0, 1, 0)).isInstanceOf(RecoveryStoreException.class)
                    .hasMessageContaining("cannot begin execution 0").hasMessageContaining("already records execution 0");
        }
    }

    @Test
    void shouldCollectGarbageSupersededBeforeTheEpochKeepingWhatThatEpochAndLaterRead() throws Exception {
        RecoveryStore.init(dir, 2, 4);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            store.beginExecution(0, 1, 0);
            for (int epoch = 1; epoch <= 6; epoch++) {
                SnapshotWriter snapshot = store.snapshot(epoch);
                snapshot.putState("count", 0, bytes("a"), bytes("a" + epoch));
                if (epoch == 2) {
                    snapshot.putState("count", 3, bytes("gone"), bytes("x"));
                }
                if (epoch == 3) {
                    snapshot.deleteState("count", 3, bytes("gone"));
                }
                if (epoch <= 2) {
                    snapshot.putPosition("lines", "a.txt", bytes("p" + epoch));
                }
                snapshot.commit();
                store.recordProgress(0, 0, epoch);
            }
            Map<String, String> atFour = state(store, 4);
            Map<String, String> atSix = state(store, 6);

            store.discardBefore(4); // a backup interval of 2 epochs behind epoch 6

            assertThat(rows(store, "state")).isEqualTo(3); // a4, a5, a6; nothing of the deleted key
            assertThat(rows(store, "positions")).isEqualTo(1);
            assertThat(state(store, 4)).isEqualTo(atFour);
            assertThat(state(store, 6)).isEqualTo(atSix).doesNotContainKey("count/3/gone");
            assertThat(positions(store, 4)).isEqualTo(Map.of("lines/a.txt", "p2"));

            store.discardBefore(6); // no backup interval: only the resume point is kept
            assertThat(rows(store, "state")).isEqualTo(1);
            assertThat(state(store, 6)).isEqualTo(atSix);
            assertThatThrownBy(() -> store.discardBefore(7)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("can only resume from epoch 6");
        }
    }

    /** Rows of {@code table} in every partition. */
    private long rows(RecoveryStore store, String table) throws Exception {
        long rows = 0;
        for (int i = 0; i < store.layout().partitions(); i++) {
            try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.layout().file(i));
                    var count = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                count.next();
                rows += count.getLong(1);
            }
        }
        return rows;
    }

    @Test
    void shouldKeepEverythingWrittenAfterAReopen() {
        RecoveryStore.init(dir, 2, 4);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            store.beginExecution(0, 1, 0);
            put(store, 1, "count", 2, "k", "v");
            store.recordProgress(0, 0, 1);
        }
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            assertThat(store.resumePoint().epoch()).isEqualTo(1);
            assertThat(state(store, 1)).isEqualTo(Map.of("count/2/k", "v"));
        }
        assertThat(dir.resolve("part-0.sqlite3-wal")).satisfiesAnyOf(
                wal -> assertThat(wal).doesNotExist(), wal -> assertThat(Files.size(wal)).isZero());
    }

    @Test
    void shouldRefuseAWriteOfAKeyGroupOutsideTheStore() {
        RecoveryStore.init(dir, 2, 4);
        try (RecoveryStore store = RecoveryStore.open(dir)) {
            SnapshotWriter snapshot = store.snapshot(1);

            assertThatThrownBy(() -> snapshot.putState("count", 4, bytes("k"), bytes("v")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key group 4 is not in [0, 4)");
            assertThatThrownBy(() -> store.snapshot(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("epochs from 1");
        }
    }
}
