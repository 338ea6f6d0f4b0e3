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

    /** Flushes and releases resources; called once. */
    @Override
    default void close() throws Exception {
    }
}
