package dev.weft.io.file;

import dev.weft.KeyValue;
import dev.weft.io.PartitionedSink;
import dev.weft.io.SinkPartition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes a keyed stream's values to one file: each value's {@code String} form, then a line end
 * ({@code "\n"} unless told otherwise), in UTF-8. The keys are ignored; one worker writes the file.
 *
 * <p>One partition, named by the path as given. Without resume state the file is truncated to 0
 * at the first write, so a run without recovery replaces it (as Bytewax does); missing parent
 * directories are created.
 *
 * <p><b>Exactly-once with recovery</b>: the resume state is the byte position after the last write
 * ({@code Long}); the file is forced to disk at every snapshot, and a resumed partition first
 * truncates the file to the snapshot's position, so the output of replayed epochs replaces what
 * was written after the snapshot instead of being appended twice. Readers tailing the file may
 * see output that is later truncated away. Resuming fails if the file has become shorter than the
 * position.
 *
 * <pre>{@code
 * counts.mapValue("format", n -> "count " + n).output("out", new FileSink<>(outFile));
 * }</pre>
 *
 * @param <K> the key type (ignored)
 * @param <V> the value type
 */
public final class FileSink<K, V> implements PartitionedSink<K, V, Long> {

    private final Path path;
    private final String end;

    /**
     * Writes to {@code path}, each value followed by {@code "\n"}.
     *
     * @param path the file; its {@code toString()} names the partition
     */
    public FileSink(Path path) {
        this(path, "\n");
    }

    /**
     * Writes to {@code path}, each value followed by {@code end}.
     *
     * @param path the file; its {@code toString()} names the partition
     * @param end what to write after each value
     */
    public FileSink(Path path, String end) {
        this.path = Objects.requireNonNull(path, "path");
        this.end = Objects.requireNonNull(end, "end");
    }

    /** The single partition: the path as given. */
    @Override
    public List<String> listPartitions() {
        return List.of(path.toString());
    }

    /** Always 0: there is one partition. */
    @Override
    public int partitionFor(K key, int partitionCount) {
        return 0;
    }

    @Override
    public SinkPartition<KeyValue<K, V>, Long> buildPartition(String partition, Long resumeState) {
        if (!partition.equals(path.toString())) {
            throw new IllegalArgumentException("a file sink writing '" + path + "' cannot open partition '"
                    + partition + "'; a snapshot can only resume the file it was taken from");
        }
        return open(path, resumeState, end);
    }

    @Override
    public String toString() {
        return "FileSink[" + path + "]";
    }

    static <K, V> SinkPartition<KeyValue<K, V>, Long> open(Path file, Long resumeState, String end) {
        try {
            return new FileSinkPartition<>(file, resumeState, end);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open '" + file + "' for writing: " + e.getMessage(), e);
        }
    }
}
