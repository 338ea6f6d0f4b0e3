package dev.weft;

import dev.weft.core.ApiAccess;
import dev.weft.core.Graph;

/** What this package offers the layers under the public API, through {@link ApiAccess}. */
final class ApiBridge implements ApiAccess.Api {

    @Override
    public Graph graph(Dataflow flow) {
        return flow.graph();
    }

    @Override
    public StepException stepException(String stepId, int worker, StepException.Role role, String partition,
            Object key, boolean keyed, Throwable cause) {
        return new StepException(stepId, worker, role, partition, key, keyed, cause);
    }
}
