package dev.weft.engine.dataflow;

import dev.weft.engine.communication.Allocator;
import dev.weft.engine.communication.MessageCodec;
import java.time.Clock;

/**
 * What a dataflow needs from the worker that runs it: identity, channels, key routing, the run's
 * clock and timers, wake-ups from other threads, and limits. Implemented by the worker; every
 * method is called on the worker's own thread unless it says otherwise.
 */
public interface WorkerContext {

    /** This worker's index. */
    int index();

    /** The number of workers. */
    int peers();

    /** The worker's communication endpoints. */
    Allocator allocator();

    /** The routing table from keys to workers. */
    KeyGroups keyGroups();

    /** The next channel id; every worker hands out the same ids in the same order. */
    int nextChannelId();

    /** Runs {@code activation} whenever channel {@code channelId} receives a message. */
    void onChannelEvent(int channelId, Runnable activation);

    /**
     * The run's clock: processing time, for every operator and source of the run. The system clock
     * unless the run was given another one ({@code ExecutionConfig.withClock}), such as a manual
     * clock in tests. Safe to read from any thread.
     */
    Clock clock();

    /**
     * A timer handle that runs {@code activation} on this worker's thread when the run's clock
     * reaches the time it is set to ({@link WakeupTimer#wakeAt}). Each handle has at most one
     * pending entry in the worker's timer queue.
     *
     * <p>For stall detection, a pending timer counts as a possible source of progress only while
     * the operator named {@code owner} holds a capability or has records waiting at an input:
     * otherwise firing it could change no frontier, and a run that is otherwise stuck is reported
     * as stalled, naming the timer. Pass the operator's name exactly as given to
     * {@link Scope#operator(String)}; a timer whose owner names no operator always counts as
     * possible progress.
     *
     * @param owner the name of the operator the timer wakes, for stall detection and reports
     * @param activation what to run, usually the operator's {@link OperatorBuilder#activator()}
     * @return a new handle with nothing pending
     */
    WakeupTimer timer(String owner, Runnable activation);

    /**
     * A handle that any thread may use to run {@code activation} on this worker's thread; while it
     * is open the worker counts as possibly receiving outside work (so it is never declared stalled).
     * The worker owns it: if it is still open when the worker ends, the worker closes it, after
     * which {@link SyncActivator#activate()} does nothing.
     */
    SyncActivator syncActivator(Runnable activation);

    /**
     * Takes ownership of {@code resource} (a connector's partition or writer, a client): it is
     * closed exactly once, either early through the returned handle or when this worker ends,
     * however it ends (every dataflow finished, an operator on any worker failed, the execution
     * was cancelled), newest first. A close that fails when the worker ends fails the execution if
     * nothing else did, and is otherwise attached as suppressed to the failure that ended it.
     *
     * @param resource what to close
     * @return the handle that closes it early
     */
    Owned own(AutoCloseable resource);

    /** The codec for batches on an exchange or broadcast channel described by {@code context}. */
    <T> MessageCodec<Batch<T>> batchCodec(String context);

    /**
     * Whether every exchanged batch must go through its codec, even one that stays on this worker
     * (serializing mode: single-JVM runs then exercise the codecs exactly as processes would).
     */
    boolean serializing();

    /** The most records that may be in flight before sources are held back. */
    long maxRecordsInFlight();

    /** Called when the root scope of a dataflow has work to do. */
    void rootActivated(Scope root);
}
