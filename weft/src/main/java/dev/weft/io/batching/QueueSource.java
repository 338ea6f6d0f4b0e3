package dev.weft.io.batching;

import dev.weft.io.DynamicSource;
import dev.weft.io.StatelessSourcePartition;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * A source fed by a client's own threads (an asynchronous client's callbacks, a blocking reader on
 * a thread of its own): the client puts items into a bounded {@link Feed}, and the worker drains
 * it without blocking.
 *
 * <p>On every worker, {@link Client#start} is called once with a fresh feed; the client puts items
 * into it from any thread, then calls {@link Feed#end()} when it has no more, or
 * {@link Feed#fail(Throwable)}. A worker that should read nothing (all but one, for a single
 * stream) ends its feed at once. The worker drains up to {@code batchSize} items per call. Every
 * put, end or failure wakes the worker at once through the runtime's thread-safe wake-up; when the
 * feed is empty the reader also asks to be looked at again after {@code pollInterval}, only as a
 * safety net, so an idle source neither spins nor polls often. Items queued before an end or a failure are all emitted first; a failure then fails
 * the dataflow with the client's exception as cause. When the reader closes (after its feed
 * ended, or when the run stops for any reason: a failure on any worker, a cancel), the handle that
 * {@code start} returned is closed, and later puts throw {@link CancellationException}.
 *
 * <p>The feed holds at most {@code capacity} items: {@link Feed#put} blocks the client's thread
 * while it is full, which is how flow control reaches the client. Nothing is resumed after a
 * restart (at-most-once, as every dynamic source).
 *
 * <pre>{@code
 * QueueSource<String> source = new QueueSource<>(10_000, 1000, Duration.ofMillis(10), (worker, workers, feed) -> {
 *     // readAll puts each message into the feed, then ends it (or fails it).
 *     Thread reader = new Thread(() -> client.readAll(worker, workers, feed));
 *     reader.start();
 *     return reader::interrupt;
 * });
 * }</pre>
 *
 * @param <T> the item type
 */
public final class QueueSource<T> implements DynamicSource<T> {

    private final int capacity;
    private final int batchSize;
    private final Duration pollInterval;
    private final Client<T> client;

    /**
     * A source whose items {@code client} puts into a feed on every worker.
     *
     * @param capacity the most items a feed holds, at least 1
     * @param batchSize the most items emitted per call, at least 1
     * @param pollInterval how long to wait before looking again at an empty feed, positive
     * @param client starts feeding a worker's feed
     * @throws IllegalArgumentException if a number is out of range
     */
    public QueueSource(int capacity, int batchSize, Duration pollInterval, Client<T> client) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batch size must be at least 1; got " + capacity + " and "
                    + batchSize);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive; got " + pollInterval);
        }
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public StatelessSourcePartition<T> build(int workerIndex, int workerCount) {
        Feed<T> feed = new Feed<>(capacity);
        AutoCloseable handle;
        try {
            handle = client.start(workerIndex, workerCount, feed);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the queue source's client failed to start on worker " + workerIndex
                    + ": " + e, e);
        }
        return new Reader<>(feed, handle == null ? () -> { } : handle, batchSize, pollInterval);
    }

    /**
     * Starts a client feeding one worker's feed.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Client<T> {

        /**
         * Starts feeding {@code feed}, without blocking: put items into it from the client's own
         * threads, and end or fail it when done.
         *
         * @param workerIndex the worker's index
         * @param workerCount the number of workers
         * @param feed this worker's feed, safe to use from any thread
         * @return a handle closed (on the worker's thread) when the reader closes; {@code () -> {}} if
         *     there is nothing to stop
         * @throws Exception if the client cannot start; the dataflow fails
         */
        AutoCloseable start(int workerIndex, int workerCount, Feed<T> feed) throws Exception;
    }

    /**
     * The bounded, thread-safe queue between a client and a worker.
     *
     * @param <T> the item type
     */
    public static final class Feed<T> {
        private final BlockingQueue<T> queue;
        private volatile boolean ended;
        private volatile Throwable failure;
        private volatile boolean closed;
        private volatile Runnable wakeUp = () -> { };

        Feed(int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        /**
         * Adds an item, waiting while the feed is full.
         *
         * @param item the item, not null
         * @throws InterruptedException if the calling thread is interrupted while waiting
         * @throws CancellationException if the reader has closed: stop feeding
         * @throws IllegalStateException if the feed was ended or failed
         */
        public void put(T item) throws InterruptedException {
            checkOpen();
            queue.put(Objects.requireNonNull(item, "item"));
            wakeUp.run();
        }

        /**
         * Adds an item if there is room now.
         *
         * @param item the item, not null
         * @return {@code false} if the feed is full and the item was not added
         * @throws CancellationException if the reader has closed: stop feeding
         * @throws IllegalStateException if the feed was ended or failed
         */
        public boolean offer(T item) {
            checkOpen();
            boolean added = queue.offer(Objects.requireNonNull(item, "item"));
            if (added) {
                wakeUp.run();
            }
            return added;
        }

        /** No more items will come: the reader ends once it has emitted the queued ones. */
        public void end() {
            ended = true;
            wakeUp.run();
        }

        /**
         * The client failed: the dataflow fails with {@code cause} once the queued items are emitted.
         *
         * @param cause what went wrong
         */
        public void fail(Throwable cause) {
            failure = Objects.requireNonNull(cause, "cause");
            wakeUp.run();
        }

        /**
         * Whether the reader has closed (the dataflow ended or stopped): a client may stop feeding.
         *
         * @return {@code true} once closed
         */
        public boolean isClosed() {
            return closed;
        }

        private void checkOpen() {
            if (closed) {
                throw new CancellationException("the queue source's reader has closed; stop feeding it");
            }
            if (ended || failure != null) {
                throw new IllegalStateException("put after the feed was " + (ended ? "ended" : "failed"));
            }
        }

        void close() {
            closed = true;
            // Makes room, so that a client blocked in put() returns and sees the feed closed next time.
            queue.clear();
        }
    }

    /** One worker's reader: drains the feed. */
    @SuppressWarnings("try") // close() throws what the client's handle throws; no try-with-resources here
    private static final class Reader<T> implements StatelessSourcePartition<T> {
        private final Feed<T> feed;
        private final AutoCloseable handle;
        private final int batchSize;
        private final Duration pollInterval;
        private Instant nextAwake;
        private java.time.Clock clock = java.time.Clock.systemUTC();

        Reader(Feed<T> feed, AutoCloseable handle, int batchSize, Duration pollInterval) {
            this.feed = feed;
            this.handle = handle;
            this.batchSize = batchSize;
            this.pollInterval = pollInterval;
        }

        @Override
        public List<T> nextBatch() throws Exception {
            // Read before draining: the client queues its last items before ending or failing.
            boolean ended = feed.ended;
            Throwable failure = feed.failure;
            List<T> batch = new ArrayList<>(Math.min(batchSize, feed.queue.size()));
            feed.queue.drainTo(batch, batchSize);
            if (!batch.isEmpty()) {
                nextAwake = null;
                return batch;
            }
            if (failure != null) {
                if (failure instanceof Exception e) {
                    throw e;
                }
                throw new IOException("the queue source's client failed: " + failure, failure);
            }
            if (ended) {
                return null;
            }
            nextAwake = clock.instant().plus(pollInterval);
            return batch;
        }

        @Override
        public Instant nextAwake() {
            return nextAwake;
        }

        @Override
        public void setClock(java.time.Clock runClock) {
            clock = runClock;
        }

        @Override
        public void setWakeUp(Runnable wakeUp) {
            feed.wakeUp = wakeUp;
        }

        @Override
        public void close() throws Exception {
            feed.close();
            handle.close();
        }
    }
}
