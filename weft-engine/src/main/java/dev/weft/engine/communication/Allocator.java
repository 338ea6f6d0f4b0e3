package dev.weft.engine.communication;

import java.util.function.IntConsumer;

/**
 * One worker's access to the communication layer: channels to every worker, and the events that
 * say which channels received messages.
 *
 * <p>Called only by its worker's thread, except {@link #signal()}, which other threads use to wake
 * the worker.
 */
public interface Allocator {

    /** This worker's index, 0 to {@code peers() - 1}. */
    int index();

    /** The number of workers in the execution. */
    int peers();

    /**
     * Allocates channel {@code channelId}. Every worker allocates the same channels with the same
     * ids, in the same order.
     *
     * @param channelId the channel's id, unique within the execution
     * @param codec how messages are encoded when they must be (serializing mode, other processes);
     *     never used for messages moved by reference
     * @param <T> the message type
     * @return the channel's endpoints on this worker
     */
    <T> Channel<T> allocate(int channelId, MessageCodec<T> codec);

    /**
     * Passes to {@code channelIds} the id of every channel that received a message since the last
     * call (an id may be passed more than once).
     */
    void drainEvents(IntConsumer channelIds);

    /** Whether some channel received a message not yet reported by {@link #drainEvents}. */
    boolean hasEvents();

    /** The signal other threads use to wake this worker when it parks. */
    WorkerSignal signal();
}
