package dev.weft.engine.communication;

/**
 * Receives one worker's messages on one channel, from every sender, each sender's in the order
 * sent. Called only by the receiving worker's thread.
 *
 * @param <T> the message type
 */
public interface Puller<T> {

    /** The next message, or {@code null} if none is available now. */
    T pull();
}
