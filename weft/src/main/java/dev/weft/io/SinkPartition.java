package dev.weft.io;

import java.util.List;

/**
 * One partition of a {@link PartitionedSink}, written by one worker's thread.
 *
 * @param <T> the item type
 * @param <S> the type of the resume state
 */
public interface SinkPartition<T, S> extends AutoCloseable {

    /**
     * Writes items, in order.
     *
     * @throws Exception when writing fails; the dataflow fails with the step and partition named
     */
    void writeBatch(List<T> items) throws Exception;

    /** The position to resume from: everything written so far is covered. */
    S snapshot();

    /**
     * When to call {@link #writeBatch} again even if no item arrives (with an empty list), for a
     * writer that holds items back until a time (a batching writer); {@code null}, the default,
     * means only when items arrive.
     */
    default java.time.Instant nextAwake() {
        return null;
    }

    /**
     * Called once by the runtime, before the first {@link #writeBatch}, with the run's clock. A
     * writer that reads the time (for a deadline it names in {@code nextAwake()}) reads this clock,
     * so a test's {@code TestClock} drives it. The default ignores it.
     */
    default void setClock(java.time.Clock clock) {
    }

    /**
     * Flushes and releases resources; called once, on the worker's thread, when the input ends or,
     * at the latest, when the run stops for any reason (a failure on any worker, a cancel, an
     * abort). An exception fails the run, naming the step.
     */
    @Override
    default void close() throws Exception {
    }
}
