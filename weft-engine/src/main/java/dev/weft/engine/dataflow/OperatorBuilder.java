package dev.weft.engine.dataflow;

import dev.weft.engine.progress.PathSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds a general operator: any number of inputs and outputs, the path summaries between them
 * (identity by default), and logic that runs on every activation.
 *
 * <pre>{@code
 * OperatorBuilder b = scope.operator("double");
 * InputHandle<Long> in = b.input(numbers, Pact.pipeline());
 * OutputHandle<Long> out = b.output();
 * b.build(capabilities -> {
 *     capabilities.get(0).drop();                 // sends only at input times
 *     return () -> in.forEach(batch -> {
 *         for (int i = 0; i < batch.size(); i++) batch.set(i, batch.get(i) * 2);
 *         out.send(batch);
 *     });
 * });
 * }</pre>
 *
 * <p>The constructor receives one capability per output at the minimum time; it keeps, delays or
 * drops them. The logic it returns runs on the worker thread whenever the operator is activated:
 * when data arrived, an input frontier changed (unless {@link #notifyOnFrontier(boolean)} is
 * off), a timer fired or a wake-up came from another thread.
 */
public final class OperatorBuilder {

    private final OperatorCore core;
    private final List<SummaryOverride> overrides = new ArrayList<>();
    private boolean built;

    OperatorBuilder(Scope scope, String name) {
        this.core = new OperatorCore(scope, name);
    }

    /** Adds an input reading {@code stream} under {@code pact}. */
    public <T> InputHandle<T> input(Stream<T> stream, Pact<T> pact) {
        requireNotBuilt();
        InputHandle<T> input = new InputHandle<>(core);
        stream.connect(input, core, pact);
        return input;
    }

    /** Adds an input that will be connected later (by a feedback edge). */
    <T> InputHandle<T> unconnectedInput() {
        requireNotBuilt();
        return new InputHandle<>(core);
    }

    /** Adds an output. */
    public <T> OutputHandle<T> output() {
        requireNotBuilt();
        return new OutputHandle<>(core);
    }

    /**
     * Declares the least that going from {@code input} to {@code output} does to a time (an
     * antichain of summaries; none at all means the input cannot cause output there).
     */
    public OperatorBuilder summary(int input, int output, PathSummary... antichain) {
        requireNotBuilt();
        overrides.add(new SummaryOverride(input, output, antichain.clone()));
        return this;
    }

    private record SummaryOverride(int input, int output, PathSummary[] antichain) {
    }

    /** Whether a change of an input frontier activates the operator (default true). */
    public OperatorBuilder notifyOnFrontier(boolean notify) {
        requireNotBuilt();
        core.setNotifyOnFrontier(notify);
        return this;
    }

    /**
     * Finishes the operator.
     *
     * @param constructor receives one capability per output, at the minimum time, and returns the
     *     logic to run on each activation
     */
    public void build(Function<List<Capability>, Runnable> constructor) {
        requireNotBuilt();
        built = true;
        int inputs = core.inputCount();
        int outputs = core.outputCount();
        PathSummary identity = PathSummary.identity(core.scope().domain());
        PathSummary[][][] summary = new PathSummary[inputs][outputs][];
        for (int i = 0; i < inputs; i++) {
            for (int o = 0; o < outputs; o++) {
                summary[i][o] = new PathSummary[] {identity};
            }
        }
        for (SummaryOverride o : overrides) {
            summary[o.input()][o.output()] = o.antichain();
        }
        core.setSummary(summary);
        List<Capability> capabilities = new ArrayList<>();
        for (int o = 0; o < outputs; o++) {
            capabilities.add(new Capability(core, o, core.scope().domain().minimum(), true));
        }
        core.setLogic(constructor.apply(capabilities));
    }

    /**
     * An action that schedules this operator to run again (from its own worker's thread), for logic
     * that wakes itself, for example from a timer made by {@link WorkerContext#timer(String, Runnable)}.
     */
    public Runnable activator() {
        return core::activate;
    }

    OperatorCore core() {
        return core;
    }

    private void requireNotBuilt() {
        if (built) {
            throw new IllegalStateException("operator '" + core.name() + "' is already built");
        }
    }
}
