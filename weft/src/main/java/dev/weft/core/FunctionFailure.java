package dev.weft.core;

import dev.weft.StepException;
import java.util.Objects;

/**
 * A user function's failure as a derived operator reports it, before the core step that ran it
 * knows where: the function's role and, for keyed steps, the key. The core step turns it into a
 * {@link StepException} with {@link Failures#at}. Internal: never reaches a user.
 */
public final class FunctionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final StepException.Role role;
    private final transient Object key;
    private final boolean keyed;

    private FunctionFailure(StepException.Role role, Object key, boolean keyed, Throwable cause) {
        super(null, cause, false, false);
        this.role = Objects.requireNonNull(role, "role");
        this.key = key;
        this.keyed = keyed;
    }

    /**
     * The failure of the function playing {@code role}; an inner operator's failure passes through.
     *
     * @param role the function's role
     * @param cause what it threw
     * @return the failure to throw
     */
    public static RuntimeException calling(StepException.Role role, Throwable cause) {
        if (cause instanceof FunctionFailure || cause instanceof StepException) {
            return (RuntimeException) cause;
        }
        return new FunctionFailure(role, null, false, cause);
    }

    /**
     * The failure of the function playing {@code role} for {@code key}; an inner operator's failure
     * passes through, given the key if it had none.
     *
     * @param role the function's role
     * @param key the key being processed
     * @param cause what it threw
     * @return the failure to throw
     */
    public static RuntimeException forKey(StepException.Role role, Object key, Throwable cause) {
        if (cause instanceof FunctionFailure inner) {
            return inner.keyed ? inner : new FunctionFailure(inner.role, key, true, inner.getCause());
        }
        if (cause instanceof StepException located) {
            return located;
        }
        return new FunctionFailure(role, key, true, cause);
    }

    /** The function's role. */
    public StepException.Role role() {
        return role;
    }

    /** Whether the failure names a key. */
    public boolean keyed() {
        return keyed;
    }

    /** The key, if {@link #keyed()}. */
    public Object key() {
        return key;
    }
}
