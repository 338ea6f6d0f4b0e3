package dev.weft.recovery;

/**
 * A recovery store cannot be created, opened or used as asked: the message says what is wrong,
 * in which file, what was found and what to do. Nothing was started from scratch.
 */
public final class RecoveryStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with its message. */
    public RecoveryStoreException(String message) {
        super(message);
    }

    /** A refusal with its message and the error that caused it. */
    public RecoveryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
