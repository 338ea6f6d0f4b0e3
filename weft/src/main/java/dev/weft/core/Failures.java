package dev.weft.core;

import dev.weft.StepException;

/**
 * Locates a user function's failure at the core step and worker that ran it, as the
 * {@link StepException} a runner throws. Internal: for core operators and the runtime.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * {@code failure} located at {@code stepId} on {@code worker}: a {@link FunctionFailure} keeps
     * its role and key, a {@link StepException} already located stays as it is, anything else is
     * the failure of the function playing {@code role}.
     *
     * @param stepId the core step's full id
     * @param worker the worker's index
     * @param role the role of the function the step called
     * @param failure what was thrown
     * @return the exception to throw
     */
    public static StepException at(String stepId, int worker, StepException.Role role, Throwable failure) {
        return at(stepId, worker, role, null, failure);
    }

    /**
     * As {@link #at(String, int, StepException.Role, Throwable)}, for a source or sink partition.
     *
     * @param stepId the core step's full id
     * @param worker the worker's index
     * @param role the role of the function the step called
     * @param partition the partition's name, or {@code null}
     * @param failure what was thrown
     * @return the exception to throw
     */
    public static StepException at(String stepId, int worker, StepException.Role role, String partition,
            Throwable failure) {
        if (failure instanceof StepException located) {
            return located;
        }
        if (failure instanceof FunctionFailure f) {
            return ApiAccess.api().stepException(stepId, worker, f.role(), partition, f.key(), f.keyed(),
                    f.getCause());
        }
        return ApiAccess.api().stepException(stepId, worker, role, partition, null, false, failure);
    }

    /**
     * {@code failure} for {@code key}, located at {@code stepId} on {@code worker}.
     *
     * @param stepId the core step's full id
     * @param worker the worker's index
     * @param role the role of the function the step called
     * @param key the key being processed
     * @param failure what was thrown
     * @return the exception to throw
     */
    public static StepException forKey(String stepId, int worker, StepException.Role role, Object key,
            Throwable failure) {
        return at(stepId, worker, role, FunctionFailure.forKey(role, key, failure));
    }
}
