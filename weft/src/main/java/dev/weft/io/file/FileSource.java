package dev.weft.io.file;

import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a UTF-8 text file line by line: each item is one line without its terminator
 * ({@code \n} or {@code \r\n}; a last line without one is still a line).
 *
 * <p>One partition, named by the path as given ({@code path.toString()}: keep it the same across
 * restarts, or recovery cannot match the snapshot to it), so one worker reads the whole file; use
 * {@link DirSource} to read several files in parallel. The file is read to its end as it is when
 * reached, in batches of at most {@code batchSize} lines; then the input ends (no tailing).
 *
 * <p><b>Resume state</b>: the byte offset of the next line, as a {@code Long}. A partition resumed
 * from a snapshot reads again exactly from there, so with recovery each line is emitted once per
 * snapshot, and the source supports exactly-once processing. Resuming fails if the file has become
 * shorter than the offset.
 *
 * <p><b>Errors</b>: a missing file fails the run when it starts (in {@code listPartitions}); bytes
 * that are not UTF-8 fail it with the file and the line's offset.
 *
 * <pre>{@code
 * Stream<String> lines = flow.input("lines", new FileSource(logFile));
 * }</pre>
 */
public final class FileSource implements PartitionedSource<String, Long> {

    /** Lines per batch unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final Path path;
    private final int batchSize;

    /**
     * Reads {@code path} in batches of {@value #DEFAULT_BATCH_SIZE} lines.
     *
     * @param path the file; its {@code toString()} names the partition
     */
    public FileSource(Path path) {
        this(path, DEFAULT_BATCH_SIZE);
    }

    /**
     * Reads {@code path} in batches of at most {@code batchSize} lines.
     *
     * @param path the file; its {@code toString()} names the partition
     * @param batchSize the most lines per batch, at least 1
     * @throws IllegalArgumentException if {@code batchSize} is below 1
     */
    public FileSource(Path path, int batchSize) {
        this.path = Objects.requireNonNull(path, "path");
        this.batchSize = checkBatchSize(batchSize);
    }

    /** The single partition: the path as given. */
    @Override
    public List<String> listPartitions() {
        requireRegularFile(path, "file source");
        return List.of(path.toString());
    }

    @Override
    public SourcePartition<String, Long> buildPartition(String partition, Long resumeState) {
        if (!partition.equals(path.toString())) {
            throw new IllegalArgumentException("a file source reading '" + path + "' cannot open partition '"
                    + partition + "'; a snapshot can only resume the file it was taken from");
        }
        return openLines(path, resumeState, batchSize);
    }

    @Override
    public String toString() {
        return "FileSource[" + path + "]";
    }

    static SourcePartition<String, Long> openLines(Path file, Long resumeState, int batchSize) {
        try {
            LineReader lines = new LineReader(file, resumeState == null ? 0 : resumeState);
            return new OffsetPartition<>(new RecordReader<>() {
                @Override
                public String next() throws IOException {
                    return lines.readLine();
                }

                @Override
                public long offset() {
                    return lines.offset();
                }

                @Override
                public void close() throws IOException {
                    lines.close();
                }
            }, batchSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open '" + file + "' for reading: " + e.getMessage(), e);
        }
    }

    static int checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1; got " + batchSize);
        }
        return batchSize;
    }

    static void requireRegularFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            String why = Files.exists(file) ? "is not a regular file" : "does not exist";
            throw new UncheckedIOException(what + ": '" + file + "' " + why + " (absolute path "
                    + file.toAbsolutePath() + "); check the path", new NoSuchFileException(file.toString()));
        }
    }
}
