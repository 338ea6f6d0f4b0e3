package dev.weft.io;

import java.time.Instant;
import java.util.List;

/**
 * One partition of a {@link PartitionedSource}, read by one worker.
 *
 * <p>Called only by its worker's thread. {@link #nextBatch()} must not block for long: when
 * nothing is available it returns an empty list, and {@link #nextAwake()} says when to call again,
 * so an idle source does not spin.
 *
 * @param <T> the item type
 * @param <S> the type of the resume state
 */
public interface SourcePartition<T, S> extends AutoCloseable {

    /**
     * The items available now, possibly none; {@code null} when the partition has ended for good.
     *
     * @throws Exception when reading fails; the dataflow fails with the step and partition named
     */
    List<T> nextBatch() throws Exception;

    /**
     * When to call {@link #nextBatch()} next: {@code null} (the default) means as soon as
     * possible if the last batch was not empty, and after a pause if it was: 10 ms, doubling with
     * every further empty batch up to 1 s, so a quiet partition costs almost no CPU. A partition
     * that must react sooner names a time here or runs its wake-up ({@link #setWakeUp}).
     */
    default Instant nextAwake() {
        return null;
    }

    /**
     * The position to resume from after everything returned so far: an immutable value
     * encodable by the codec registry.
     */
    S snapshot();

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

    /**
     * Releases resources (stops client threads, closes files and connections); called once, on the
     * worker's thread, when the partition ends or, at the latest, when the run stops for any reason
     * (a failure on any worker, a cancel, an abort). An exception fails the run, naming the step.
     */
    @Override
    default void close() throws Exception {
    }
}
