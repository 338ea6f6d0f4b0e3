package dev.weft;

/**
 * A step failed while the dataflow ran: a user function threw, or returned something Weft cannot
 * use. Names the step, the worker and, for keyed steps, the key; the cause is chained.
 *
 * <p>Derived operators that call user functions per key throw {@link #forKey} so the key is
 * known; the runtime then fills in where it happened with {@link #at}.
 */
public final class StepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final transient Object key;
    private final boolean keyed;
    private final String stepId;
    private final int worker;

    private StepException(String function, Object key, boolean keyed, String stepId, int worker, Throwable cause) {
        super(describe(function, key, keyed, stepId, worker, cause), cause);
        this.function = function;
        this.key = key;
        this.keyed = keyed;
        this.stepId = stepId;
        this.worker = worker;
    }

    /**
     * A failure of the user function playing {@code function}'s role ("predicate", "key function"),
     * before the runtime knows where it ran.
     */
    public static StepException calling(String function, Throwable cause) {
        return new StepException(function, null, false, null, -1, cause);
    }

    /** A failure of {@code function} for {@code key}, before the runtime knows where it ran. */
    public static StepException forKey(String function, Object key, Throwable cause) {
        return new StepException(function, key, true, null, -1, cause);
    }

    /**
     * This failure (or any other exception, as the failure of {@code function}) located at step
     * {@code stepId} on {@code worker}.
     */
    public static StepException at(String stepId, int worker, String function, Throwable failure) {
        if (failure instanceof StepException e) {
            return new StepException(e.function, e.key, e.keyed, stepId, worker, e.getCause());
        }
        return new StepException(function, null, false, stepId, worker, failure);
    }

    /** The failing step's full id, or {@code null} if not yet known. */
    public String stepId() {
        return stepId;
    }

    /** The worker it ran on, or -1 if not yet known. */
    public int worker() {
        return worker;
    }

    /** The key being processed, or {@code null} for a step without keys. */
    public Object key() {
        return key;
    }

    private static String describe(String function, Object key, boolean keyed, String stepId, int worker,
            Throwable cause) {
        StringBuilder out = new StringBuilder("error calling ").append(function);
        if (stepId != null) {
            out.append(" in step '").append(stepId).append("' on worker ").append(worker);
        }
        if (keyed) {
            out.append(" for key ").append(key instanceof String ? "'" + key + "'" : String.valueOf(key));
        }
        return out.append(": ").append(cause).toString();
    }
}
