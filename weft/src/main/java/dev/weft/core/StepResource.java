package dev.weft.core;

import dev.weft.StepException;
import dev.weft.engine.dataflow.Owned;
import dev.weft.engine.dataflow.Scope;

/**
 * A connector's partition or writer that a step opened, owned by the step's worker: it is closed
 * exactly once, when the step is done with it ({@link #close()}) or, at the latest, when the worker
 * ends, however the run ends. A failing close is a {@link StepException} naming the step, the
 * worker and what was being closed.
 */
final class StepResource {

    private final Owned owned;

    private StepResource(Owned owned) {
        this.owned = owned;
    }

    /**
     * Hands {@code resource} to {@code scope}'s worker.
     *
     * @param partition the partition's name, or {@code null} for a dynamic source's or sink's
     */
    static StepResource own(Scope scope, String stepId, String partition, AutoCloseable resource) {
        int worker = scope.worker().index();
        return new StepResource(scope.worker().own(() -> {
            try {
                resource.close();
            } catch (Exception | Error e) {
                throw Failures.at(stepId, worker, StepException.Role.CLOSE, partition, e);
            }
        }));
    }

    /**
     * Closes the resource now, unless it was closed already.
     *
     * @throws StepException if its close failed
     */
    void close() {
        try {
            owned.close();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            // The closeable given to the worker wraps every failure in a StepException.
            throw new IllegalStateException(e);
        }
    }
}
