package dev.weft.engine.worker;

/**
 * An execution could not finish and nothing could ever wake it: every worker was idle, with no
 * message in flight, no timer and no open activator, yet some frontier was not empty. The message
 * lists the outstanding pointstamps and the operators holding them.
 */
public final class StalledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A stall described by {@code message}. */
    public StalledException(String message) {
        super(message);
    }
}
