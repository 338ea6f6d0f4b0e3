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

    /**
     * Called once by the runtime, before {@link #setWakeUp} and the first {@link #nextBatch()}, with
     * the run's clock. A partition that reads the time (to pace itself, to stamp items, to name its
     * {@link #nextAwake()}) reads this clock, so a test's {@code TestClock} drives it. The default
     * ignores it.
     */
    default void setClock(java.time.Clock clock) {
    }

    /**
     * Called once, before the first {@link #nextBatch()}, with an action that any thread may run to
     * have this partition polled again promptly. A partition fed by another thread (a client callback,
     * a reader thread) runs it whenever it has queued something, and can then name a distant
     * {@link #nextAwake()} instead of polling in a loop. The default ignores it.
     */
    default void setWakeUp(Runnable wakeUp) {
    }

    /** Releases resources; called once, as for {@link SourcePartition#close()}. */
    @Override
    default void close() throws Exception {
    }
}
