package dev.weft.engine.dataflow;

/**
 * An operator threw: carries the operator's full name and the worker it ran on, with the cause
 * chained. Thrown out of the worker's step and reported by the execution.
 */
public final class OperatorFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operator;
    private final int worker;

    /**
     * Wraps {@code cause}, thrown by {@code operator} on {@code worker}.
     *
     * @param operator the operator's dotted name
     * @param worker the worker's index
     * @param cause what the operator threw
     */
    public OperatorFailure(String operator, int worker, Throwable cause) {
        super("operator '" + operator + "' failed on worker " + worker + ": " + cause, cause);
        this.operator = operator;
        this.worker = worker;
    }

    /** The dotted name of the operator that failed. */
    public String operator() {
        return operator;
    }

    /** The index of the worker it ran on. */
    public int worker() {
        return worker;
    }
}
