package dev.weft.engine.dataflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What a source's logic sees on each activation: its capability and output, flow control, and
 * ways to be woken again.
 *
 * <p>A source holds a capability for its current time and emits at it; it downgrades the
 * capability to advance time (closing earlier epochs) and drops it when its input ends. A source
 * that has nothing to emit now returns and asks to be woken ({@link #wakeAt(Instant)} on the run's
 * {@link #clock()}, or a {@link #syncActivator()} for another thread); it never spins.
 *
 * @param <T> the record type
 */
public interface SourceContext<T> {

    /** The source's capability, or {@code null} once dropped. */
    Capability capability();

    /** Where records go. */
    OutputHandle<T> output();

    /**
     * Whether the source may emit now. False while too many records are in flight downstream; the
     * source should then return, and is activated again once the backlog has halved.
     */
    boolean mayEmit();

    /** Runs the source again at the next opportunity. */
    void activate();

    /** The run's clock: processing time. */
    Clock clock();

    /**
     * Runs the source again once the run's clock reaches {@code at}. The source has one such
     * wake-up: a later call replaces an earlier one that has not fired yet.
     */
    void wakeAt(Instant at);

    /** Same as {@link #wakeAt(Instant)} at {@code delay} from now on the run's clock (saturating). */
    void activateAfter(Duration delay);

    /** A handle another thread can use to wake this source. */
    SyncActivator syncActivator();

    /** This worker's index. */
    int workerIndex();

    /** The number of workers. */
    int peers();
}
