package dev.weft.io;

/**
 * Thrown by a source partition to stop the whole execution at once, as a crash would: no
 * end-of-input handlers run and nothing more is written. The testing source throws it at its
 * ABORT marker to simulate a crash; the run itself then returns normally.
 */
public final class AbortExecution extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An abort with the given reason. */
    public AbortExecution(String reason) {
        super(reason, null, false, false);
    }
}
