package dev.weft.bench.recovery;

import dev.weft.bench.harness.Workload;
import dev.weft.recovery.RecoveryStore;
import dev.weft.recovery.SnapshotWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A snapshot of {@code keys} keys (8-byte keys, 16-byte values, spread over 256 key groups) in a
 * fresh recovery store of {@code partitions} partitions. {@link Mode#WRITE}: each run writes a new
 * epoch's snapshot of every key in one writer (a transaction per partition), records progress and
 * discards the previous snapshot (garbage collection without a backup interval), as a run with
 * recovery does at each snapshot. {@link Mode#READ}: each run reads the state of every key back,
 * as a resume does.
 */
public final class StoreWorkload implements Workload {

    /** What each run does. */
    public enum Mode {
        /** Write a snapshot of every key, record progress, collect garbage. */
        WRITE,
        /** Read every key's state as of the latest snapshot. */
        READ
    }

    private static final int KEY_GROUPS = 256;

    private final Mode mode;
    private final int keys;
    private final int partitions;
    private Path directory;
    private RecoveryStore store;
    private long epoch;
    private long bytes;

    /** A workload of {@code keys} keys in {@code partitions} partition files. */
    public StoreWorkload(Mode mode, int keys, int partitions) {
        this.mode = mode;
        this.keys = keys;
        this.partitions = partitions;
    }

    @Override
    public void setup() throws IOException {
        directory = Files.createTempDirectory("weft-store-bench");
        RecoveryStore.init(directory, partitions, KEY_GROUPS);
        store = RecoveryStore.open(directory);
        store.beginExecution(0, 1, 0);
        writeSnapshot();
    }

    @Override
    public long run() {
        if (mode == Mode.WRITE) {
            writeSnapshot();
            return keys;
        }
        AtomicLong read = new AtomicLong();
        store.readState(epoch, (step, group, key, value) -> {
            if (ByteBuffer.wrap(value).getLong() != epoch) {
                throw new IllegalStateException("store bench: a value of epoch " + ByteBuffer.wrap(value).getLong()
                        + " read as of epoch " + epoch);
            }
            read.incrementAndGet();
        });
        if (read.get() != keys) {
            throw new IllegalStateException("store bench: read " + read.get() + " keys, expected " + keys);
        }
        return keys;
    }

    private void writeSnapshot() {
        epoch++;
        SnapshotWriter snapshot = store.snapshot(epoch);
        for (int k = 0; k < keys; k++) {
            long hash = k * 0x9E3779B97F4A7C15L;
            byte[] key = ByteBuffer.allocate(8).putLong(hash).array();
            byte[] value = ByteBuffer.allocate(16).putLong(epoch).putLong(k).array();
            snapshot.putState("count", (int) Long.remainderUnsigned(hash, KEY_GROUPS), key, value);
        }
        long rows = snapshot.commit();
        if (rows != keys) {
            throw new IllegalStateException("store bench: wrote " + rows + " rows, expected " + keys);
        }
        store.recordProgress(0, 0, epoch);
        store.discardBefore(epoch);
    }

    @Override
    public String detail() {
        bytes = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                bytes += Files.size(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return partitions + " partitions, " + (bytes >> 20) + " MiB on disk after epoch " + epoch;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
