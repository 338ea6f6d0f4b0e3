package dev.weft.io;

import java.util.List;

/**
 * A worker's writer of a {@link DynamicSink}, used only by that worker's thread.
 *
 * @param <T> the item type
 */
public interface StatelessSinkPartition<T> extends AutoCloseable {

    /**
     * Writes items, in order.
     *
     * @throws Exception when writing fails
     */
    void writeBatch(List<T> items) throws Exception;

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

    /** Flushes and releases resources; called once, as for {@link SinkPartition#close()}. */
    @Override
    default void close() throws Exception {
    }
}
