package dev.weft.io.stdio;

import dev.weft.io.DynamicSource;
import dev.weft.io.StatelessSourcePartition;
import dev.weft.io.batching.QueueSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Reads standard input line by line, as UTF-8: each item is one line without its terminator
 * ({@code \n}, {@code \r\n} or {@code \r}). The input ends at the end of the stream.
 *
 * <p>Only worker 0 reads (the stream is {@link System#in} as it is when the run starts); the other
 * workers' readers end at once, so use {@code redistribute} to spread the lines. Reading blocks, so
 * a daemon thread of worker 0 reads ahead into a bounded queue (four batches) that the worker
 * drains without blocking, looking again every 10 ms while it is empty; a read error fails the
 * dataflow once the lines before it are emitted. Nothing is resumed after a restart.
 *
 * <pre>{@code
 * Stream<String> lines = flow.input("stdin", new StdInSource()).redistribute("spread");
 * }</pre>
 */
public final class StdInSource implements DynamicSource<String> {

    /** Lines per batch unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    /** A safety net only: every line read wakes the worker at once. */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final QueueSource<String> queue;

    /** Reads standard input in batches of up to {@value #DEFAULT_BATCH_SIZE} lines. */
    public StdInSource() {
        this(DEFAULT_BATCH_SIZE);
    }

    /**
     * Reads standard input in batches of up to {@code batchSize} lines.
     *
     * @param batchSize the most lines per batch, at least 1
     * @throws IllegalArgumentException if {@code batchSize} is below 1
     */
    public StdInSource(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1; got " + batchSize);
        }
        this.queue = new QueueSource<>(4 * batchSize, batchSize, POLL_INTERVAL, (worker, workers, feed) -> {
            if (worker != 0) {
                feed.end();
                return () -> { };
            }
            Thread reader = new Thread(() -> readLines(System.in, feed), "weft-stdin");
            reader.setDaemon(true);
            reader.start();
            // A read on System.in cannot be interrupted; the daemon thread ends with the stream or the JVM.
            return reader::interrupt;
        });
    }

    @Override
    public StatelessSourcePartition<String> build(int workerIndex, int workerCount) {
        return queue.build(workerIndex, workerCount);
    }

    @Override
    public String toString() {
        return "StdInSource";
    }

    private static void readLines(InputStream in, QueueSource.Feed<String> feed) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            for (String line = lines.readLine(); line != null && !feed.isClosed(); line = lines.readLine()) {
                feed.put(line);
            }
            feed.end();
        } catch (IOException e) {
            feed.fail(new IOException("cannot read standard input: " + e.getMessage(), e));
        } catch (InterruptedException | CancellationException e) {
            // The reader closed: nobody is listening any more.
        }
    }
}
