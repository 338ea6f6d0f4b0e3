package dev.weft.recovery;

import static dev.weft.recovery.Stores.put;
import static dev.weft.recovery.Stores.sql;
import static dev.weft.recovery.Stores.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of {@link RecoveryStore#open} on a real store damaged as users damage them. */
@Timeout(60)
class StoreValidationTest {

    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> opening(Path store) {
        return assertThatThrownBy(() -> RecoveryStore.open(store).close()).isInstanceOf(RecoveryStoreException.class);
    }

    /** A store of 3 partitions with state in every partition, completed up to {@code epochs}. */
    private Path storeWithData(String name, int epochs) {
        Path store = dir.resolve(name);
        RecoveryStore.init(store, 3, 6);
        try (RecoveryStore open = RecoveryStore.open(store)) {
            open.beginExecution(0, 1, 0);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                write(open, epoch);
            }
        }
        return store;
    }

    private static void write(RecoveryStore store, int epoch) {
        SnapshotWriter snapshot = store.snapshot(epoch);
        for (int i = 0; i < 300; i++) {
            snapshot.putState("count", i % 6, Stores.bytes("key-" + i), Stores.bytes("value " + i + " at " + epoch));
        }
        snapshot.commit();
        store.recordProgress(0, 0, epoch);
    }

    @Test
    void shouldRefuseAMissingDirectory() {
        opening(dir.resolve("nowhere")).hasMessage("recovery directory " + dir.resolve("nowhere") + " does not exist;"
                + " create a store with 'weft recovery init " + dir.resolve("nowhere") + " PARTITIONS' first");
    }

    @Test
    void shouldRefuseAnEmptyDirectoryOrOneWithoutPartitions() throws Exception {
        opening(dir).hasMessageStartingWith("recovery directory " + dir + " holds no recovery partitions"
                + " (part-N.sqlite3): it is empty. Create a store with 'weft recovery init " + dir + " PARTITIONS'");

        Files.writeString(dir.resolve("notes.txt"), "hello");
        opening(dir).hasMessageContaining("holds no recovery partitions (part-N.sqlite3); it holds notes.txt");
    }

    @Test
    void shouldRefuseAMissingPartition() throws Exception {
        Path store = storeWithData("s", 1);
        Files.delete(store.resolve("part-1.sqlite3"));

        opening(store).hasMessageStartingWith("recovery store " + store + " has 3 partitions but part-1.sqlite3 is"
                + " missing. Restore it from a backup; Weft does not start over while recovery data exists");
    }

    @Test
    void shouldRefuseAnExtraPartition() throws Exception {
        Path store = storeWithData("s", 1);
        Files.copy(store.resolve("part-2.sqlite3"), store.resolve("part-3.sqlite3"));

        opening(store).hasMessage("recovery store " + store + " has 3 partitions (part-0 to part-2) but also holds"
                + " part-3.sqlite3, which does not belong to it. Move it out of the directory");
    }

    @Test
    void shouldRefuseARenamedPartition() throws Exception {
        Path store = storeWithData("s", 1);
        Files.move(store.resolve("part-0.sqlite3"), dir.resolve("zero"));
        Files.move(store.resolve("part-1.sqlite3"), store.resolve("part-0.sqlite3"));
        Files.move(dir.resolve("zero"), store.resolve("part-1.sqlite3"));

        opening(store).hasMessageContaining("part-0.sqlite3 holds partition 1 of the store, not the one its name"
                + " says: it was renamed. Give it back its name, part-1.sqlite3");
    }

    @Test
    void shouldRefuseAPartitionOfAnotherStore() throws Exception {
        Path store = storeWithData("s", 1);
        Path other = storeWithData("other", 1);
        Files.copy(other.resolve("part-1.sqlite3"), store.resolve("part-1.sqlite3"), StandardCopyOption.REPLACE_EXISTING);

        opening(store).hasMessageStartingWith("recovery directory " + store + " mixes partitions of 2 different stores:")
                .hasMessageContaining("part-1.sqlite3 of store ").hasMessageContaining("part-0.sqlite3, part-2.sqlite3 of store ")
                .hasMessageEndingWith("A partition was copied from another store: put back this store's own file"
                        + " (from a backup)");
    }

    @Test
    void shouldRefuseAFileThatIsNotSqliteAndLeaveItAlone() throws Exception {
        Path store = storeWithData("s", 1);
        byte[] garbage = new byte[8192];
        new Random(18).nextBytes(garbage);
        Path part = store.resolve("part-1.sqlite3");
        Files.write(part, garbage);

        opening(store).hasMessageStartingWith("recovery partition " + part + " cannot be read: ")
                .hasMessageContaining("It is not a SQLite database, or is truncated or damaged. Restore it from a"
                        + " backup; Weft does not start over while recovery data exists");
        assertThat(Files.readAllBytes(part)).isEqualTo(garbage);
    }

    @Test
    void shouldRefuseATruncatedPartition() throws Exception {
        Path store = storeWithData("s", 20);
        Path part = store.resolve("part-2.sqlite3");
        long size = Files.size(part);
        assertThat(size).as("enough pages to cut in half").isGreaterThan(8 * 4096);
        try (RandomAccessFile file = new RandomAccessFile(part.toFile(), "rw")) {
            file.setLength(size / 2);
        }

        opening(store).hasMessageContaining("recovery partition " + part)
                .hasMessageContaining("Restore it from a backup");
    }

    @Test
    void shouldRefuseAnEmptyFileOrAnotherSqliteDatabase() throws Exception {
        Path store = storeWithData("s", 1);
        Path part = store.resolve("part-0.sqlite3");
        Files.write(part, new byte[0]);

        opening(store).hasMessageStartingWith("recovery partition " + part + " is not a Weft recovery partition: it is"
                + " a SQLite database with application_id 0 and user_version 0");

        Files.delete(part);
        sql(part, "CREATE TABLE notes (text TEXT)");
        opening(store).hasMessageContaining("is not a Weft recovery partition");
    }

    @Test
    void shouldRefuseAFormatFromANewerWeft() throws Exception {
        Path store = storeWithData("s", 1);
        sql(store.resolve("part-2.sqlite3"), "PRAGMA user_version = 2");

        opening(store).hasMessage("recovery partition " + store.resolve("part-2.sqlite3") + " is in format 2, written"
                + " by a newer Weft; this Weft reads formats up to 1. Run the newer Weft that wrote it (a store is"
                + " never converted back)");
    }

    @Test
    void shouldRefuseAStoreMadeWithAnotherKeyGroupCount() {
        Path store = storeWithData("s", 1);

        assertThatThrownBy(() -> RecoveryStore.open(store, 256).close()).isInstanceOf(RecoveryStoreException.class)
                .hasMessage("recovery store " + store + " was made with 6 key groups, but this run uses 256. The"
                        + " key-group count is fixed for the life of a store: run with 6 key groups, or create a new"
                        + " store");
    }

    @Test
    void shouldRefuseAPartitionRolledBackBehindSnapshotsTheOthersDiscarded() throws Exception {
        Path store = storeWithData("s", 2);
        Path backup = dir.resolve("part-1.backup");
        Files.copy(store.resolve("part-1.sqlite3"), backup);
        try (RecoveryStore open = RecoveryStore.open(store)) {
            for (int epoch = 3; epoch <= 5; epoch++) {
                write(open, epoch);
                open.discardBefore(epoch); // no backup interval
            }
        }
        Files.copy(backup, store.resolve("part-1.sqlite3"), StandardCopyOption.REPLACE_EXISTING);

        opening(store).hasMessage("the partitions of recovery store " + store + " are inconsistent: part-1.sqlite3"
                + " (execution 0) records progress only up to epoch 2, but part-0.sqlite3 has already discarded the"
                + " snapshots before epoch 5. A partition was rolled back (restored from an older backup than the"
                + " others, or its -wal file was lost). Restore the partitions from one backup (or from backups no"
                + " further apart than the backup interval), or delete the whole store to start from scratch");
    }

    @Test
    void shouldResumeFromAnOlderPartitionsPointWhenTheBackupIntervalKeptIt() throws Exception {
        Path store = storeWithData("s", 3);
        Map<String, String> atThree;
        try (RecoveryStore open = RecoveryStore.open(store)) {
            atThree = state(open, 3);
        }
        Path backup = dir.resolve("part-1.backup");
        Files.copy(store.resolve("part-1.sqlite3"), backup);
        try (RecoveryStore open = RecoveryStore.open(store)) {
            for (int epoch = 4; epoch <= 5; epoch++) {
                write(open, epoch);
                open.discardBefore(epoch - 2); // a backup interval of two epochs
            }
        }
        Files.copy(backup, store.resolve("part-1.sqlite3"), StandardCopyOption.REPLACE_EXISTING);

        try (RecoveryStore open = RecoveryStore.open(store)) {
            ResumePoint resume = open.resumePoint();
            assertThat(resume.epoch()).isEqualTo(3);
            assertThat(resume.behind()).isEqualTo(List.of(1));
            assertThat(state(open, 3)).isEqualTo(atThree);
        }
    }

    @Test
    void shouldCreateNothingWhenOpeningFails() throws Exception {
        Path store = storeWithData("s", 1);
        Files.delete(store.resolve("part-2.sqlite3"));

        opening(store);

        assertThat(store.resolve("part-2.sqlite3")).doesNotExist();
    }
}
