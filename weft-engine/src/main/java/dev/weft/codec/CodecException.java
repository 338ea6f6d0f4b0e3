package dev.weft.codec;

/**
 * Thrown when a value cannot be encoded or decoded: an unregistered type, an unknown stable name in the input,
 * truncated or malformed bytes, or a registration that conflicts with an earlier one.
 *
 * <p>The message says what was being done, where (the caller's context such as {@code "exchange in step
 * 'wc.count'"}, or the position in the input), what was found, and how to fix it. The exception is unchecked:
 * a codec failure is a bug or a configuration error, never a condition to retry.
 */
public final class CodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a complete message.
     *
     * @param message what failed, where, what was found and how to fix it
     */
    public CodecException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a complete message and the failure that caused it.
     *
     * @param message what failed, where, what was found and how to fix it
     * @param cause the underlying failure, for example an exception thrown by a record's constructor
     */
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
