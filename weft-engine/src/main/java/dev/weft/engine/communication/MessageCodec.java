package dev.weft.engine.communication;

/**
 * Turns the messages of one channel into bytes and back, for channels whose messages must leave
 * the sender's memory (serializing mode; later, other processes). Safe to call from any thread.
 *
 * @param <T> the message type
 */
public interface MessageCodec<T> {

    /** Encodes {@code message}; the message itself is not modified. */
    byte[] encode(T message);

    /** Decodes a message encoded by {@link #encode}. */
    T decode(byte[] bytes);
}
