package dev.weft.engine.simulation;

import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.Feedback;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.SourceContext;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.progress.TimeDomain;
import dev.weft.engine.simulation.DataflowSpec.ScopeSpec;
import dev.weft.engine.simulation.DataflowSpec.SourceSpec;
import dev.weft.engine.simulation.DataflowSpec.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A {@link DataflowSpec} built on one worker: replays the spec's {@link DataflowSpec#steps()}
 * (the same on every worker) into the engine's scopes, with a {@link SpecOperator} per operator,
 * and keeps the handles by spec id for the run's checks. How each source runs is the run's choice
 * ({@link SourceBuilder}); {@link #selfDrivenSource} is one that activates itself.
 */
final class SpecDataflow {

    /** Builds the engine operator for a source of the spec and returns its stream. */
    @FunctionalInterface
    interface SourceBuilder {
        Stream<Long> build(SpecDataflow graph, Scope root, SourceSpec source);
    }

    final DataflowSpec spec;
    final int worker;
    final int peers;
    final RunHooks hooks;
    private final Map<Integer, TimeDomain> domains = new HashMap<>();
    private final Map<Integer, Stream<Long>> streams = new HashMap<>();
    private final Map<Integer, Feedback<Long>> feedbacks = new HashMap<>();
    private final Map<Integer, InputHandle<Long>> inputs = new HashMap<>();
    private final List<SpecOperator> ops = new ArrayList<>();

    private SpecDataflow(DataflowSpec spec, int worker, int peers, RunHooks hooks) {
        this.spec = spec;
        this.worker = worker;
        this.peers = peers;
        this.hooks = hooks;
    }

    /** Builds {@code spec} in {@code root}, the root scope of a dataflow on worker {@code worker} of {@code peers}. */
    static SpecDataflow build(DataflowSpec spec, Scope root, int worker, int peers, RunHooks hooks,
            SourceBuilder sources) {
        SpecDataflow graph = new SpecDataflow(spec, worker, peers, hooks);
        graph.domains.put(0, root.domain());
        graph.buildSteps(root, sources, new int[] {0});
        return graph;
    }

    /** Every operator input of this worker, by spec input id. */
    Map<Integer, InputHandle<Long>> inputs() {
        return inputs;
    }

    /** The time domain of spec scope {@code scope} on this worker. */
    TimeDomain domain(int scope) {
        return domains.get(scope);
    }

    /** Throws if an operator of this worker is still owed a notification. */
    void checkAtEnd() {
        ops.forEach(SpecOperator::checkAtEnd);
    }

    private void buildSteps(Scope scope, SourceBuilder sources, int[] cursor) {
        List<Step> steps = spec.steps();
        while (cursor[0] < steps.size()) {
            Step step = steps.get(cursor[0]++);
            if (step instanceof DataflowSpec.AddSource add) {
                SourceSpec source = spec.sources.get(add.source());
                streams.put(source.stream(), sources.build(this, scope, source));
            } else if (step instanceof DataflowSpec.AddOp add) {
                ops.add(new SpecOperator(spec, worker, peers, scope, spec.ops.get(add.op()), streams, inputs, hooks));
            } else if (step instanceof DataflowSpec.BeginLoop begin) {
                ScopeSpec loop = spec.scopes.get(begin.scope());
                scope.iterate("loop" + loop.id(), loop.iterationBits(), inner -> {
                    domains.put(loop.id(), inner.domain());
                    buildSteps(inner, sources, cursor);
                    return null;
                });
            } else if (step instanceof DataflowSpec.EndLoop) {
                return;
            } else if (step instanceof DataflowSpec.AddFeedback add) {
                Feedback<Long> feedback = scope.feedback("feedback" + add.feedback());
                feedbacks.put(add.feedback(), feedback);
                streams.put(spec.feedbacks.get(add.feedback()).stream(), feedback.stream());
            } else if (step instanceof DataflowSpec.Enter enter) {
                streams.put(enter.to(), streams.get(enter.from()).enter(scope));
            } else if (step instanceof DataflowSpec.Leave leave) {
                streams.put(leave.to(), streams.get(leave.from()).leave());
            } else if (step instanceof DataflowSpec.Connect connect) {
                feedbacks.get(connect.feedback()).connect(streams.get(connect.stream()));
            }
        }
    }

    /** This worker's share of {@code source}'s records (every {@code peers}-th), by epoch, every epoch present. */
    TreeMap<Long, List<Long>> share(SourceSpec source) {
        TreeMap<Long, List<Long>> mine = new TreeMap<>();
        for (long epoch : source.epochs()) {
            mine.put(epoch, new ArrayList<>());
        }
        for (int i = 0; i < source.records().size(); i++) {
            if (i % peers == worker) {
                long[] record = source.records().get(i);
                mine.get(record[0]).add(record[1]);
            }
        }
        return mine;
    }

    /**
     * A source that runs on its own activations: at most {@code source.chunk()} records per
     * activation, now and then an activation that does nothing, an epoch's capability downgraded
     * early or late at random, and held back whenever flow control says so.
     */
    static Stream<Long> selfDrivenSource(SpecDataflow graph, Scope root, SourceSpec source) {
        return graph.new SelfDrivenSource(source).build(root);
    }

    /** The state of one {@link #selfDrivenSource}. */
    private final class SelfDrivenSource {
        private final SourceSpec source;
        private final List<List<Long>> byEpoch;
        private final Random random;
        private final String name;
        private int epochIndex;
        private int recordIndex;

        SelfDrivenSource(SourceSpec source) {
            this.source = source;
            this.byEpoch = new ArrayList<>(share(source).values());
            this.random = new Random(Semantics.mix(spec.seed, source.id(), worker, 11));
            this.name = "w" + worker + " src" + source.id();
        }

        Stream<Long> build(Scope root) {
            hooks.capability(source.stream(), Time.of(0), +1);
            return Operators.source(root, "src" + source.id(), this::run);
        }

        private void run(SourceContext<Long> context) {
            hooks.activating(name);
            Capability cap = context.capability();
            if (random.nextInt(5) == 0) {
                context.activate(); // an activation that does nothing
                return;
            }
            long[] epochs = source.epochs();
            long epoch = epochs[epochIndex];
            if (cap.time() < epoch) {
                downgrade(cap, epoch);
            }
            List<Long> records = byEpoch.get(epochIndex);
            int emitted = 0;
            while (recordIndex < records.size() && emitted < source.chunk()) {
                if (!context.mayEmit()) {
                    hooks.trace(name + " held back after " + emitted + " at " + epoch);
                    return; // woken when the backlog halves
                }
                hooks.sent(source.stream(), Time.of(epoch), 1);
                context.output().give(cap, records.get(recordIndex++));
                hooks.between();
                emitted++;
            }
            hooks.trace(name + " emitted " + emitted + " at " + epoch);
            if (recordIndex == records.size()) {
                epochIndex++;
                recordIndex = 0;
                if (epochIndex == epochs.length) {
                    hooks.capability(source.stream(), Time.of(cap.time()), -1);
                    cap.drop();
                    hooks.trace(name + " closed");
                    return;
                }
                if (random.nextBoolean()) {
                    downgrade(cap, epochs[epochIndex]);
                }
            }
            context.activate();
        }

        private void downgrade(Capability cap, long epoch) {
            hooks.capability(source.stream(), Time.of(epoch), +1);
            hooks.capability(source.stream(), Time.of(cap.time()), -1);
            cap.downgrade(epoch);
        }
    }
}
