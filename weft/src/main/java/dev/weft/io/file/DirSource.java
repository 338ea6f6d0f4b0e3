package dev.weft.io.file;

import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads every file in a directory whose path matches a glob, line by line, as {@link FileSource}
 * reads one file.
 *
 * <p>One partition per matching file, named by its path relative to the directory with {@code /}
 * separators ({@code "2024/jan.log"}), listed in sorted order. Partitions are spread over the
 * workers, so files are read in parallel and lines of different files interleave; the lines of
 * one file stay in order. The set of files is fixed when the run starts.
 *
 * <p>The glob is a {@link java.nio.file.FileSystem#getPathMatcher} glob matched against the
 * relative path: {@code "*"} (the default) matches every file directly in the directory,
 * {@code "*.csv"} the CSV files there, {@code "**}{@code /*.log"} log files in its subdirectories.
 * Only regular files match.
 *
 * <p><b>Resume state</b>: per file, the byte offset of the next line ({@code Long}), as for
 * {@link FileSource}. <b>Errors</b>: a missing directory fails the run when it starts; a
 * directory without matching files is an input that ends at once.
 *
 * <pre>{@code
 * Stream<String> lines = flow.input("logs", new DirSource(logDir, "*.log"));
 * }</pre>
 */
public final class DirSource implements PartitionedSource<String, Long> {

    private final Path dir;
    private final String glob;
    private final PathMatcher matcher;
    private final int batchSize;

    /**
     * Reads every file directly in {@code dir}.
     *
     * @param dir the directory
     */
    public DirSource(Path dir) {
        this(dir, "*");
    }

    /**
     * Reads the files under {@code dir} whose relative path matches {@code glob}.
     *
     * @param dir the directory
     * @param glob the glob the relative paths must match
     */
    public DirSource(Path dir, String glob) {
        this(dir, glob, FileSource.DEFAULT_BATCH_SIZE);
    }

    /**
     * Reads the files under {@code dir} whose relative path matches {@code glob}, in batches of at
     * most {@code batchSize} lines.
     *
     * @param dir the directory
     * @param glob the glob the relative paths must match
     * @param batchSize the most lines per batch, at least 1
     * @throws IllegalArgumentException if {@code batchSize} is below 1 or the glob is malformed
     */
    public DirSource(Path dir, String glob, int batchSize) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.glob = Objects.requireNonNull(glob, "glob");
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        this.batchSize = FileSource.checkBatchSize(batchSize);
    }

    /** One partition per matching file: its relative path, sorted. */
    @Override
    public List<String> listPartitions() {
        if (!Files.isDirectory(dir)) {
            String why = Files.exists(dir) ? "is not a directory" : "does not exist";
            throw new UncheckedIOException("directory source: '" + dir + "' " + why + " (absolute path "
                    + dir.toAbsolutePath() + "); check the path", new NoSuchFileException(dir.toString()));
        }
        // "*" cannot match across a separator, so only a glob naming one needs the whole tree.
        int depth = glob.contains("/") || glob.contains("**") ? Integer.MAX_VALUE : 1;
        List<String> names = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir, depth)) {
            paths.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .filter(matcher::matches)
                    .forEach(relative -> names.add(slashed(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException("directory source: cannot list '" + dir + "': " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    @Override
    public SourcePartition<String, Long> buildPartition(String partition, Long resumeState) {
        return FileSource.openLines(dir.resolve(partition), resumeState, batchSize);
    }

    @Override
    public String toString() {
        return "DirSource[" + dir + ", " + glob + "]";
    }

    private static String slashed(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path part : relative) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }
}
