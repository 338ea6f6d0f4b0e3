package dev.weft.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataflow's core steps in creation order, with who reads each stream and which step a user
 * created each of them for: what the runtime lowers onto the engine and the visualizer draws.
 * Built by {@code dev.weft.Dataflow}; reached through {@link ApiAccess#graph}. Internal.
 */
public final class Graph {

    private final String flowId;
    private final List<CoreStep> steps = new ArrayList<>();
    private final Map<String, Integer> readers = new HashMap<>();
    private final Map<String, String> userStepIds = new HashMap<>();

    /**
     * An empty graph.
     *
     * @param flowId the dataflow's id
     */
    public Graph(String flowId) {
        this.flowId = flowId;
    }

    /**
     * Adds a core step.
     *
     * @param step the step
     * @param userStepId the id of the step the user created, which failures of {@code step} name: its
     *     own id, or that of the built-in operator that made it as one of its parts
     */
    public void add(CoreStep step, String userStepId) {
        steps.add(step);
        userStepIds.put(step.stepId(), userStepId);
        for (String up : step.ups()) {
            readers.merge(up, 1, Integer::sum);
        }
    }

    /** The core steps, in creation order. */
    public List<CoreStep> steps() {
        return Collections.unmodifiableList(steps);
    }

    /**
     * How many steps read a stream.
     *
     * @param streamId the stream's id
     * @return the number of its readers
     */
    public int readersOf(String streamId) {
        return readers.getOrDefault(streamId, 0);
    }

    /**
     * The id of the step a user created that {@code stepId} is, or is part of.
     *
     * @param stepId a core step's full id (or any other id, returned as it is)
     * @return the user's step id
     */
    public String userStepId(String stepId) {
        return userStepIds.getOrDefault(stepId, stepId);
    }

    /**
     * Checks that the dataflow can run: it has an input, and an output or an inspecting step.
     *
     * @throws IllegalStateException naming what is missing
     */
    public void validate() {
        boolean hasInput = steps.stream().anyMatch(s -> s instanceof CoreStep.Input);
        boolean hasOutput = steps.stream()
                .anyMatch(s -> s instanceof CoreStep.Output || s instanceof CoreStep.InspectDebug);
        if (!hasInput) {
            throw new IllegalStateException("dataflow '" + flowId + "' has no input; add one with flow.input(...)");
        }
        if (!hasOutput) {
            throw new IllegalStateException("dataflow '" + flowId
                    + "' has no output; add one with stream.output(...) or stream.inspect(...)");
        }
    }
}
