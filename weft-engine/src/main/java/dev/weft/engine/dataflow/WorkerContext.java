package dev.weft.engine.dataflow;

import dev.weft.engine.communication.Allocator;
import dev.weft.engine.communication.MessageCodec;

/**
 * What a dataflow needs from the worker that runs it: identity, channels, key routing, timers,
 * wake-ups from other threads, and limits. Implemented by the worker; every method is called on
 * the worker's own thread unless it says otherwise.
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

    /** Runs {@code activation} on the worker thread once {@code delayNanos} have passed. */
    void activateAfter(long delayNanos, Runnable activation);

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
