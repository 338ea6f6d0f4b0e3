package dev.weft.cli;

/**
 * The command line's flow reference could not be turned into a dataflow. Its message says what
 * was expected; {@link #exitCode()} tells a wrong reference ({@link Weft#USAGE}) from the user's
 * code failing while it built the dataflow ({@link Weft#FAILED}, with the failure as the cause).
 */
final class FlowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private FlowException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The reference names no usable class or method. */
    static FlowException badReference(String message) {
        return new FlowException(message, Weft.USAGE, null);
    }

    /** The user's code threw (or returned nothing) while building the dataflow. */
    static FlowException failed(String message, Throwable cause) {
        return new FlowException(message, Weft.FAILED, cause);
    }

    /** The exit code {@code weft} ends with. */
    int exitCode() {
        return exitCode;
    }
}
