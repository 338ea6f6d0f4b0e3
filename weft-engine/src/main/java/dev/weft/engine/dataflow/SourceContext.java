package dev.weft.engine.dataflow;

import java.time.Duration;

/**
 * What a source's logic sees on each activation: its capability and output, flow control, and
 * ways to be woken again.
 *
 * <p>A source holds a capability for its current time and emits at it; it downgrades the
 * capability to advance time (closing earlier epochs) and drops it when its input ends. A source
 * that has nothing to emit now returns and asks to be woken ({@link #activateAfter(Duration)}, or
 * a {@link #syncActivator()} for another thread); it never spins.
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

    /** Runs the source again after {@code delay}. */
    void activateAfter(Duration delay);

    /** A handle another thread can use to wake this source. */
    SyncActivator syncActivator();

    /** This worker's index. */
    int workerIndex();

    /** The number of workers. */
    int peers();
}
