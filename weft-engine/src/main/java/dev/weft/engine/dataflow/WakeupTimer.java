package dev.weft.engine.dataflow;

import java.time.Instant;

/**
 * An operator's engine timer: wakes the operator on its worker's thread once the run's clock
 * reaches a time. Made by {@link WorkerContext#timer(String, Runnable)}.
 *
 * <p>A handle holds at most one pending wake-up: {@link #wakeAt(Instant)} schedules it or moves
 * it to another time, so the worker's timer queue never holds more than one entry per handle, however
 * often the time moves. {@link #cancel()} removes the pending wake-up; {@link #close()} removes it
 * for good. Every method must be called on the worker's own thread.
 *
 * <p>A pending wake-up keeps a run from being reported as stalled only while its operator could
 * still make progress (it holds a capability or has input waiting); see
 * {@link WorkerContext#timer(String, Runnable)}.
 */
public interface WakeupTimer extends AutoCloseable {

    /**
     * Runs the activation once the run's clock reaches {@code at} (at once, on the worker's next
     * step, if it already has). Replaces any wake-up this handle had pending.
     *
     * @param at when to wake the operator
     * @throws IllegalStateException if the handle is closed
     */
    void wakeAt(Instant at);

    /** Removes the pending wake-up, if any. */
    void cancel();

    /** The time of the pending wake-up, or {@code null} if none is pending. */
    Instant pendingAt();

    /** Removes the pending wake-up and refuses further {@link #wakeAt(Instant)} calls. Idempotent. */
    @Override
    void close();
}
