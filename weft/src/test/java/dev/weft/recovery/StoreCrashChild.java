package dev.weft.recovery;

import static dev.weft.recovery.Stores.bytes;

import java.nio.file.Path;

/**
 * A writer process for {@link StoreCrashTest}: completes epochs 1 to 3 of execution 0 (a
 * snapshot in every partition, then progress, then garbage collection without a backup
 * interval), then arms the crash point named by its second argument and writes epoch 4, which
 * halts it. With a third argument {@code small} it writes {@link #SMALL_KEYS} short values, so that
 * SQLite never checkpoints the WAL after the store was created. It halts too as soon as its parent (the test JVM) is gone.
 */
public final class StoreCrashChild {

    static final int COMPLETED = 3;
    static final int KEYS = 20_000;
    static final int SMALL_KEYS = 100;

    private StoreCrashChild() {
    }

    /** {@code DIR CRASH_POINT [small]}. */
    public static void main(String... args) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(
                () -> Runtime.getRuntime().halt(137)));
        boolean small = args.length > 2 && args[2].equals("small");
        try (RecoveryStore store = RecoveryStore.open(Path.of(args[0]))) {
            store.beginExecution(0, 1, 0);
            for (int epoch = 1; epoch <= COMPLETED + 1; epoch++) {
                if (epoch == COMPLETED + 1) {
                    System.setProperty(CrashPoint.PROPERTY, args[1]);
                }
                SnapshotWriter snapshot = store.snapshot(epoch);
                for (int k = 0; k < (small ? SMALL_KEYS : KEYS); k++) {
                    snapshot.putState("count", k % store.layout().keyGroups(), bytes("key-" + k),
                            small ? bytes("small") : value(k, epoch));
                }
                snapshot.putPosition("lines", "input.txt", bytes("offset " + epoch));
                snapshot.commit();
                store.recordProgress(0, 0, epoch);
                store.discardBefore(epoch);
            }
        }
        System.exit(3); // the crash point was not reached
    }

    static byte[] value(int key, int epoch) {
        // Long enough that a partition's rows of one epoch (over 3 MB) outgrow SQLite's 2 MB page cache: a
        // transaction halted before its commit has already written pages to the WAL.
        return bytes("value of key " + key + " at epoch " + epoch + " ".repeat(400));
    }
}
