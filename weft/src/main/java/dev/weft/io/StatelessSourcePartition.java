package dev.weft.io;

import java.time.Instant;
import java.util.List;

/**
 * A worker's reader of a {@link DynamicSource}. Same contract as {@link SourcePartition}, without
 * resume state.
 *
 * @param <T> the item type
 */
public interface StatelessSourcePartition<T> extends AutoCloseable {

    /**
     * The items available now, possibly none; {@code null} when this reader has ended for good.
     *
     * @throws Exception when reading fails
     */
    List<T> nextBatch() throws Exception;

    /** When to call {@link #nextBatch()} next; {@code null} as for {@link SourcePartition#nextAwake()}. */
    default Instant nextAwake() {
        return null;
    }

    /** Releases resources; called once. */
    @Override
    default void close() throws Exception {
    }
}
