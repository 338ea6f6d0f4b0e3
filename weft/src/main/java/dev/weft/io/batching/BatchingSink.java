package dev.weft.io.batching;

import dev.weft.io.DynamicSink;
import dev.weft.io.StatelessSinkPartition;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sink that collects items into batches of up to {@code maxSize} before handing them to another
 * sink, or to a function: for clients that want few, large calls (bulk inserts, HTTP batch APIs).
 *
 * <p>Each worker's writer buffers what its worker receives and hands over a batch when it holds
 * {@code maxSize} items, when items arrive and the oldest buffered item has waited
 * {@code maxDelay} or more, and at close (end of input), so nothing is lost at the end. Batches
 * are never empty, keep the arrival order, and are fresh lists the receiver may keep.
 *
 * <p><b>Time limit</b>: {@link Writer#nextAwake()} tells the runtime when the buffer falls due, and
 * the runtime calls the writer then with no new items, so a partial batch goes out on time even
 * when the stream has gone quiet.
 *
 * <p>Not for partitioned sinks: a batch held back would not be covered by the partition's snapshot.
 *
 * <pre>{@code
 * events.output("db", BatchingSink.calling(500, Duration.ofSeconds(1), batch -> db.insertAll(batch)));
 * }</pre>
 *
 * @param <T> the item type
 */
public final class BatchingSink<T> implements DynamicSink<T> {

    private final int maxSize;
    private final Duration maxDelay;
    private final DynamicSink<T> downstream;

    /**
     * Batches items for {@code downstream}.
     *
     * @param maxSize the most items in one batch, at least 1
     * @param maxDelay how long the oldest item may wait when more items arrive; zero hands over
     *     whatever is buffered after every write
     * @param downstream the sink that receives the batches; its writer is built on each worker
     * @throws IllegalArgumentException if {@code maxSize} is below 1 or {@code maxDelay} is negative
     */
    public BatchingSink(int maxSize, Duration maxDelay, DynamicSink<T> downstream) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1; got " + maxSize);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("max delay must not be negative; got " + maxDelay);
        }
        this.maxSize = maxSize;
        this.maxDelay = maxDelay;
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /**
     * Batches items for {@code writer}, a function called by every worker with that worker's
     * batches: it must be safe to call from several threads at once.
     *
     * @param maxSize the most items in one batch, at least 1
     * @param maxDelay how long the oldest item may wait when more items arrive
     * @param writer the function that writes a batch
     * @param <T> the item type
     * @return the sink
     * @see #BatchingSink(int, Duration, DynamicSink)
     */
    public static <T> BatchingSink<T> calling(int maxSize, Duration maxDelay, BatchWriter<T> writer) {
        Objects.requireNonNull(writer, "writer");
        return new BatchingSink<>(maxSize, maxDelay, (worker, workers) -> writer::write);
    }

    @Override
    public Writer<T> build(int workerIndex, int workerCount) {
        return new Writer<>(maxSize, maxDelay, downstream.build(workerIndex, workerCount));
    }

    /**
     * One worker's buffer in front of the downstream writer; used only by that worker's thread.
     *
     * @param <T> the item type
     */
    @SuppressWarnings("try") // close() throws what the downstream writer's close() throws; no try-with-resources here
    public static final class Writer<T> implements StatelessSinkPartition<T> {
        private final int maxSize;
        private final Duration maxDelay;
        private final StatelessSinkPartition<T> downstream;
        private Clock clock = Clock.systemUTC();
        private List<T> pending = new ArrayList<>();
        private Instant due;

        Writer(int maxSize, Duration maxDelay, StatelessSinkPartition<T> downstream) {
            this.maxSize = maxSize;
            this.maxDelay = maxDelay;
            this.downstream = downstream;
        }

        /** Takes the run's clock for its deadlines, and hands it to the downstream writer. */
        @Override
        public void setClock(Clock runClock) {
            clock = Objects.requireNonNull(runClock, "clock");
            downstream.setClock(runClock);
        }

        /** Buffers {@code items}, handing over every full batch, and the rest if it is due. */
        @Override
        public void writeBatch(List<T> items) throws Exception {
            if (items.isEmpty() && pending.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            for (T item : items) {
                if (pending.isEmpty()) {
                    due = now.plus(maxDelay);
                }
                pending.add(item);
                if (pending.size() == maxSize) {
                    flush();
                }
            }
            if (!pending.isEmpty() && !now.isBefore(due)) {
                flush();
            }
        }

        /**
         * When the buffered items fall due; the runtime calls {@link #writeBatch} with no items then.
         *
         * @return the time, or {@code null} when nothing is buffered
         */
        @Override
        public Instant nextAwake() {
            return pending.isEmpty() ? null : due;
        }

        /** Hands over what is buffered, then closes the downstream writer. */
        @Override
        public void close() throws Exception {
            try {
                if (!pending.isEmpty()) {
                    flush();
                }
            } finally {
                downstream.close();
            }
        }

        private void flush() throws Exception {
            List<T> batch = pending;
            pending = new ArrayList<>();
            due = null;
            downstream.writeBatch(batch);
        }
    }
}
