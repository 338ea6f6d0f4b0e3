package dev.weft.engine.dataflow;

/**
 * Wakes an operator from another thread (a file poller, a network reader, a timer thread).
 *
 * <p>{@link #activate()} is thread-safe and never blocks: it queues the activation for the
 * operator's worker and unparks the worker if it sleeps. While the activator is open, the worker
 * counts as waiting for outside work, so an idle dataflow is not reported as stalled; close it
 * when no more wake-ups will come.
 */
public interface SyncActivator extends AutoCloseable {

    /** Schedules the operator on its worker. Safe from any thread. */
    void activate();

    /** Declares that no more wake-ups will come from this handle. Idempotent. */
    @Override
    void close();
}
