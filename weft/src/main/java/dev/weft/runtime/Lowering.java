package dev.weft.runtime;

import dev.weft.Dataflow;
import dev.weft.StepException;
import dev.weft.codec.CodecRegistry;
import dev.weft.core.ApiAccess;
import dev.weft.core.CoreOperators;
import dev.weft.core.CoreStep;
import dev.weft.core.Failures;
import dev.weft.core.Graph;
import dev.weft.engine.dataflow.BatchStage;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a dataflow's core steps as engine operators in one worker's root scope.
 *
 * <p>Consecutive {@code flatMapBatch} and {@code inspectDebug} steps, each the only reader of the
 * stream before it, are fused into one engine operator named {@code fused(a, b, ...)}: a chain of
 * maps and filters then costs one operator activation per batch and one call per item per step.
 */
final class Lowering {

    private final Scope scope;
    private final Graph graph;
    private final Duration epochInterval;
    private final boolean restoreStateEveryBatch;
    private final CodecRegistry codecs;
    private final Runnable abort;
    /** Each stream id: an engine stream, or a chain not yet built. */
    private final Map<String, Object> streams = new LinkedHashMap<>();

    private Lowering(Scope scope, Dataflow flow, Duration epochInterval, boolean restoreStateEveryBatch,
            CodecRegistry codecs, Runnable abort) {
        this.scope = scope;
        this.graph = ApiAccess.graph(flow);
        this.epochInterval = epochInterval;
        this.restoreStateEveryBatch = restoreStateEveryBatch;
        this.codecs = codecs;
        this.abort = abort;
    }

    /**
     * Builds {@code flow} in {@code scope}.
     *
     * @param epochInterval how long each input epoch lasts
     * @param restoreStateEveryBatch for tests: rebuild every key's logic from its encoded snapshot
     *     after each callback, to prove that state survives a round trip
     * @param codecs the registry for state round trips
     * @param abort stops the execution when a source aborts
     */
    static void build(Scope scope, Dataflow flow, Duration epochInterval, boolean restoreStateEveryBatch,
            CodecRegistry codecs, Runnable abort) {
        new Lowering(scope, flow, epochInterval, restoreStateEveryBatch, codecs, abort).lower();
    }

    private record Pending(Stream<Object> upstream, BatchStage<Object, Object> stage, List<String> names) {
    }

    private void lower() {
        int worker = scope.worker().index();
        for (CoreStep step : graph.steps()) {
            if (step instanceof CoreStep.Input s) {
                streams.put(s.down(), CoreOperators.input(scope, s, epochInterval, abort));
            } else if (step instanceof CoreStep.Output s) {
                CoreOperators.output(scope, s, materialize(s.up()));
            } else if (step instanceof CoreStep.FlatMapBatch s) {
                fuse(s.up(), s.down(), s.stepId(), CoreOperators.flatMapBatch(s, worker));
            } else if (step instanceof CoreStep.InspectDebug s) {
                fuse(s.up(), s.down(), s.stepId(), (batch, downstream) -> {
                    for (int i = 0; i < batch.size(); i++) {
                        try {
                            s.inspector().inspect(s.stepId(), batch.get(i), batch.time(), worker);
                        } catch (RuntimeException e) {
                            throw Failures.at(s.stepId(), worker, StepException.Role.INSPECTOR, e);
                        }
                    }
                    downstream.accept(batch);
                });
            } else if (step instanceof CoreStep.StatefulBatch s) {
                streams.put(s.down(), CoreOperators.statefulBatch(scope, s, materialize(s.up()),
                        restoreStateEveryBatch, codecs));
            } else if (step instanceof CoreStep.Branch s) {
                List<Stream<Object>> outs = CoreOperators.branch(scope, s, materialize(s.up()));
                streams.put(s.trues(), outs.get(0));
                streams.put(s.falses(), outs.get(1));
            } else if (step instanceof CoreStep.Merge s) {
                List<Stream<Object>> ups = new ArrayList<>();
                for (String up : s.ups()) {
                    ups.add(materialize(up));
                }
                @SuppressWarnings("unchecked")
                Stream<Object>[] array = ups.toArray(new Stream[0]);
                streams.put(s.down(), Operators.concat(s.stepId(), array));
            } else if (step instanceof CoreStep.Redistribute s) {
                long[] next = {worker};
                streams.put(s.down(), Operators.chain(materialize(s.up()), s.stepId(),
                        Pact.exchange(item -> next[0]++), (batch, downstream) -> downstream.accept(batch)));
            } else {
                throw new IllegalStateException("unknown core step " + step);
            }
        }
        // Chains nobody reads still run (an inspect at the end of a flow has side effects).
        for (String id : new ArrayList<>(streams.keySet())) {
            materialize(id);
        }
    }

    private void fuse(String up, String down, String stepId, BatchStage<Object, Object> stage) {
        Object upstream = streams.get(up);
        if (upstream instanceof Pending pending && graph.readersOf(up) == 1) {
            List<String> names = new ArrayList<>(pending.names());
            names.add(stepId);
            streams.put(up, null);
            streams.put(down, new Pending(pending.upstream(), pending.stage().then(stage), names));
        } else {
            streams.put(down, new Pending(materialize(up), stage, List.of(stepId)));
        }
    }

    @SuppressWarnings("unchecked")
    private Stream<Object> materialize(String id) {
        Object s = streams.get(id);
        if (s instanceof Pending pending) {
            String name = pending.names().size() == 1 ? pending.names().get(0)
                    : "fused(" + String.join(", ", pending.names()) + ")";
            Stream<Object> built = Operators.chain(pending.upstream(), name, Pact.pipeline(), pending.stage());
            streams.put(id, built);
            return built;
        }
        if (s == null && !streams.containsKey(id)) {
            throw new IllegalStateException("stream '" + id + "' is read before it is built");
        }
        return (Stream<Object>) s;
    }
}
