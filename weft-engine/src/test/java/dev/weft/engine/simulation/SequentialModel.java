package dev.weft.engine.simulation;

import dev.weft.engine.simulation.DataflowSpec.Consumer;
import dev.weft.engine.simulation.DataflowSpec.Entering;
import dev.weft.engine.simulation.DataflowSpec.FeedbackInput;
import dev.weft.engine.simulation.DataflowSpec.FeedbackSpec;
import dev.weft.engine.simulation.DataflowSpec.Leaving;
import dev.weft.engine.simulation.DataflowSpec.OpInput;
import dev.weft.engine.simulation.DataflowSpec.OpSpec;
import dev.weft.engine.simulation.DataflowSpec.ScopeSpec;
import dev.weft.engine.simulation.DataflowSpec.SourceSpec;
import dev.weft.engine.simulation.DataflowSpec.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of a {@link DataflowSpec} computed sequentially, with no workers, exchanges or
 * progress tracking: what every correct run must produce, whatever the seed and worker count.
 *
 * <p>Times are processed in an order in which everything that reaches an operator at time t has
 * been produced before the operator runs at t: epochs in increasing order; within one time of a
 * scope, nodes in build order (a topological order once feedback edges are cut), a loop running
 * all its iterations for that outer time; and a loop's feedback moving records to the next
 * iteration after the whole iteration. Operators only send at their input time or later
 * ({@link Semantics#delay}), never earlier, so nothing arrives behind this order (which is
 * checked).
 */
final class SequentialModel {

    private final DataflowSpec spec;
    /** Per operator input: records waiting, by time. */
    private final List<TreeMap<Time, List<Long>>> waiting = new ArrayList<>();
    /** Per feedback edge: records waiting to go around, by time. */
    private final List<TreeMap<Time, List<Long>>> feedbackWaiting = new ArrayList<>();
    private final List<String> results = new ArrayList<>();
    /** Records delivered to a consumer so far, and the most allowed before giving up. */
    private long work;
    private final long maxWork;
    /** Per scope, the nodes in build order: operators as op ids, nested loops as {@code -1 - scope}. */
    private final List<List<Integer>> nodes = new ArrayList<>();

    private SequentialModel(DataflowSpec spec, long maxWork) {
        this.spec = spec;
        this.maxWork = maxWork;
        for (int i = 0; i < spec.inputs.size(); i++) {
            waiting.add(new TreeMap<>());
        }
        for (int i = 0; i < spec.feedbacks.size(); i++) {
            feedbackWaiting.add(new TreeMap<>());
        }
        for (int i = 0; i < spec.scopes.size(); i++) {
            nodes.add(new ArrayList<>());
        }
        for (Step step : spec.steps()) {
            if (step instanceof DataflowSpec.AddOp add) {
                nodes.get(spec.ops.get(add.op()).scope()).add(add.op());
            } else if (step instanceof DataflowSpec.BeginLoop begin) {
                nodes.get(spec.scopes.get(begin.scope()).parent()).add(-1 - begin.scope());
            }
        }
    }

    /** What reaches the sinks, as {@link SimulatedRun#result} strings. */
    static List<String> results(DataflowSpec spec) {
        return run(spec, Long.MAX_VALUE).results;
    }

    /**
     * How many times a record reaches a consumer (an operator input, a feedback edge, a loop's
     * entry or exit) when {@code spec} runs, or -1 as soon as that exceeds {@code limit}: the size
     * of the computation, in the model and in any run of the engine (times the workers for a
     * broadcast).
     */
    static long work(DataflowSpec spec, long limit) {
        try {
            return run(spec, limit).work;
        } catch (TooMuchWork e) {
            return -1;
        }
    }

    /** Thrown, without a stack trace, when a model exceeds its limit of work. */
    private static final class TooMuchWork extends RuntimeException {
        TooMuchWork() {
            super(null, null, false, false);
        }
    }

    private static SequentialModel run(DataflowSpec spec, long maxWork) {
        SequentialModel model = new SequentialModel(spec, maxWork);
        for (SourceSpec source : spec.sources) {
            for (long[] record : source.records()) {
                model.emit(source.stream(), Time.of(record[0]), record[1]);
            }
        }
        long epoch;
        while ((epoch = model.earliestEpoch()) != -1) {
            model.runLevel(0, Time.of(epoch));
        }
        return model;
    }

    private void emit(int stream, Time t, long x) {
        for (Consumer consumer : spec.streams.get(stream).consumers()) {
            if (++work > maxWork) {
                throw new TooMuchWork();
            }
            if (consumer instanceof OpInput in) {
                waiting.get(in.input()).computeIfAbsent(t, k -> new ArrayList<>()).add(x);
            } else if (consumer instanceof FeedbackInput fb) {
                feedbackWaiting.get(fb.feedback()).computeIfAbsent(t, k -> new ArrayList<>()).add(x);
            } else if (consumer instanceof Entering enter) {
                emit(enter.stream(), t.enter(), x);
            } else if (consumer instanceof Leaving leave) {
                emit(leave.stream(), t.leave(), x);
            }
        }
    }

    /** Runs every node of {@code scope} at {@code t}, then its feedback edges. */
    private void runLevel(int scope, Time t) {
        for (int node : nodes.get(scope)) {
            if (node >= 0) {
                runOp(spec.ops.get(node), t);
            } else {
                runLoop(-1 - node, t);
            }
        }
        for (FeedbackSpec fb : spec.feedbacks) {
            if (fb.scope() != scope) {
                continue;
            }
            List<Long> around = feedbackWaiting.get(fb.id()).remove(t);
            Time next = t.nextIteration(spec.scopes.get(scope).maxIteration());
            if (around != null && next != null) {
                for (long x : around) {
                    emit(fb.stream(), next, x);
                }
            }
        }
        checkNothingBehind(scope, t);
    }

    /** Runs loop {@code loop} for outer time {@code outer}, iteration after iteration, while records wait. */
    private void runLoop(int loop, Time outer) {
        Time inner = outer.enter();
        while (anyWaiting(loop, outer)) {
            runLevel(loop, inner);
            inner = inner.plus(inner.depth() - 1, 1);
        }
    }

    /**
     * Whether records wait at an input or feedback edge of {@code scope} or a scope nested in it,
     * at a time that extends {@code prefix}.
     */
    private boolean anyWaiting(int scope, Time prefix) {
        for (DataflowSpec.InputSpec input : spec.inputs) {
            if (spec.within(spec.ops.get(input.op()).scope(), scope) && anyExtends(waiting.get(input.id()), prefix)) {
                return true;
            }
        }
        for (FeedbackSpec fb : spec.feedbacks) {
            if (spec.within(fb.scope(), scope) && anyExtends(feedbackWaiting.get(fb.id()), prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyExtends(TreeMap<Time, List<Long>> times, Time prefix) {
        for (Time t : times.keySet()) {
            if (t.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The earliest epoch at which records wait anywhere, or -1. */
    private long earliestEpoch() {
        long earliest = -1;
        for (TreeMap<Time, List<Long>> times : waiting) {
            if (!times.isEmpty() && (earliest == -1 || times.firstKey().epoch() < earliest)) {
                earliest = times.firstKey().epoch();
            }
        }
        for (TreeMap<Time, List<Long>> times : feedbackWaiting) {
            if (!times.isEmpty() && (earliest == -1 || times.firstKey().epoch() < earliest)) {
                earliest = times.firstKey().epoch();
            }
        }
        return earliest;
    }

    /** Checks the processing order: after {@code scope} ran at {@code t}, nothing of it waits at or before t. */
    private void checkNothingBehind(int scope, Time t) {
        for (DataflowSpec.InputSpec input : spec.inputs) {
            TreeMap<Time, List<Long>> times = waiting.get(input.id());
            if (spec.ops.get(input.op()).scope() == scope && !times.isEmpty() && times.firstKey().compareTo(t) <= 0) {
                throw new IllegalStateException("model: input " + input + " has records at " + times.firstKey()
                        + " after its scope ran at " + t);
            }
        }
    }

    private void runOp(OpSpec op, Time t) {
        List<Long> in = new ArrayList<>();
        for (int input : op.inputs()) {
            List<Long> arrived = waiting.get(input).remove(t);
            if (arrived != null) {
                in.addAll(arrived);
            }
        }
        if (in.isEmpty()) {
            return;
        }
        ScopeSpec scope = spec.scopes.get(op.scope());
        switch (op.kind()) {
            case MAP -> {
                for (long x : in) {
                    for (int j = 0; j < Semantics.fanout(op.id(), x); j++) {
                        emit(op.outputs().get(0), t, Semantics.transform(op.id(), x, j));
                    }
                }
            }
            case DELAY -> {
                for (long x : in) {
                    emit(op.outputs().get(0), Semantics.delay(op.id(), x, t, scope), Semantics.transform(op.id(), x, 0));
                }
            }
            case AGGREGATE -> {
                Map<Long, long[]> byKey = new TreeMap<>();
                for (long x : in) {
                    long[] sumCount = byKey.computeIfAbsent(Semantics.key(x), k -> new long[2]);
                    sumCount[0] += x;
                    sumCount[1]++;
                }
                byKey.forEach((key, sc) -> emit(op.outputs().get(0), t,
                        Semantics.aggregate(op.id(), key, sc[0], sc[1])));
            }
            case SWITCH -> {
                for (long x : in) {
                    if (t.innermost() < Semantics.bound(op.id(), x)) {
                        emit(op.outputs().get(0), t, Semantics.transform(op.id(), x, 0));
                    } else if (Semantics.leaves(op.id(), x)) {
                        emit(op.outputs().get(1), t, x);
                    }
                }
            }
            case SINK -> {
                for (long x : in) {
                    results.add(SimulatedRun.result(op.id(), t, x));
                }
            }
        }
    }
}
