package dev.weft.engine.communication;

/**
 * Sends messages to one worker on one channel. Ownership of a message passes to the receiver:
 * the sender must not touch it afterwards. Never blocks. Called only by the sending worker's thread.
 *
 * @param <T> the message type
 */
public interface Pusher<T> {

    /** Sends {@code message}, and makes sure the receiver will notice it. */
    void push(T message);
}
