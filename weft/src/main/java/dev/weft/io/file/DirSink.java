package dev.weft.io.file;

import dev.weft.KeyValue;
import dev.weft.codec.StableHash;
import dev.weft.io.PartitionedSink;
import dev.weft.io.SinkPartition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Writes a keyed stream's values to {@code fileCount} files {@code part_0} ...
 * {@code part_<fileCount-1>} in a directory, routing each item by its key; each file is a
 * partition, written by one worker, exactly as {@link FileSink} writes its file (value's
 * {@code String} form plus a line end, truncation to 0 at the first write without resume state,
 * truncation to the snapshot's position on resume: exactly-once with recovery).
 *
 * <p><b>Routing</b>: {@link #partitionFor} returns {@code floorMod(assigner(key), fileCount)}, the
 * assigner being the key's {@link StableHash} unless told otherwise, and that number is an index
 * into the <em>sorted</em> file names, as in Bytewax: with 11 or more files index 2 is
 * {@code part_10}, not {@code part_2}. The same key always goes to the same file, in every run and
 * every cluster shape. The directory is created if missing.
 *
 * <pre>{@code
 * counts.mapValue("format", n -> "count " + n).output("out", new DirSink<>(outDir, 4));
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class DirSink<K, V> implements PartitionedSink<K, V, Long> {

    private final Path dir;
    private final int fileCount;
    private final ToLongFunction<? super K> assigner;
    private final String end;

    /**
     * Writes {@code fileCount} files in {@code dir}, routing keys by their stable hash.
     *
     * @param dir the directory, created if missing
     * @param fileCount the number of files, at least 1
     */
    public DirSink(Path dir, int fileCount) {
        this(dir, fileCount, StableHash::hash, "\n");
    }

    /**
     * Writes {@code fileCount} files in {@code dir}, each value followed by {@code end}, routing a
     * key to the sorted file name at index {@code floorMod(assigner(key), fileCount)}.
     *
     * @param dir the directory, created if missing
     * @param fileCount the number of files, at least 1
     * @param assigner a deterministic function, the same in every process and run (never
     *     {@code Object.hashCode()} of an arbitrary object); it must be safe to call from several threads
     * @param end what to write after each value
     * @throws IllegalArgumentException if {@code fileCount} is below 1
     */
    public DirSink(Path dir, int fileCount, ToLongFunction<? super K> assigner, String end) {
        this.dir = Objects.requireNonNull(dir, "dir");
        if (fileCount < 1) {
            throw new IllegalArgumentException("a directory sink needs at least 1 file; got " + fileCount);
        }
        this.fileCount = fileCount;
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.end = Objects.requireNonNull(end, "end");
    }

    /** The file names {@code part_0} ... {@code part_<fileCount-1>}, sorted as strings. */
    @Override
    public List<String> listPartitions() {
        List<String> names = new ArrayList<>(fileCount);
        for (int i = 0; i < fileCount; i++) {
            names.add("part_" + i);
        }
        names.sort(null);
        return names;
    }

    /** {@code floorMod(assigner(key), partitionCount)}: an index into the sorted file names. */
    @Override
    public int partitionFor(K key, int partitionCount) {
        return Math.floorMod(assigner.applyAsLong(key), partitionCount);
    }

    @Override
    public SinkPartition<KeyValue<K, V>, Long> buildPartition(String partition, Long resumeState) {
        return FileSink.open(dir.resolve(partition), resumeState, end);
    }

    @Override
    public String toString() {
        return "DirSink[" + dir + ", " + fileCount + " files]";
    }
}
