package dev.weft.engine.simulation;

import dev.weft.engine.simulation.DataflowSpec.Consumer;
import dev.weft.engine.simulation.DataflowSpec.Entering;
import dev.weft.engine.simulation.DataflowSpec.FeedbackInput;
import dev.weft.engine.simulation.DataflowSpec.FeedbackSpec;
import dev.weft.engine.simulation.DataflowSpec.Leaving;
import dev.weft.engine.simulation.DataflowSpec.OpInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The brute-force answer to "which times could still arrive at each operator input?", from the
 * {@link Ledger}'s true outstanding pointstamps and the graph alone: a record in flight to an
 * input at t arrives there at t and lets its operator send at t or later on every output; a
 * capability held at t lets its output send at t or later; records sent on a stream reach its
 * consumers at t, one iteration later through a feedback edge (never past the loop's last
 * iteration), at (t, 0) into a loop and at the outer part of t out of one.
 *
 * <p>The result, per input, is the antichain of minimal such times. A correct engine's frontier
 * at that input, on every worker, is at or before each of them.
 */
final class Oracle {

    private final DataflowSpec spec;
    private final List<List<Time>> reachable = new ArrayList<>();

    private Oracle(DataflowSpec spec) {
        this.spec = spec;
        for (int i = 0; i < spec.inputs.size(); i++) {
            reachable.add(new ArrayList<>());
        }
    }

    /** Per input id, the minimal times that could still arrive there. */
    static List<List<Time>> compute(DataflowSpec spec, Ledger ledger) {
        Oracle oracle = new Oracle(spec);
        for (Map.Entry<Ledger.Pointstamp, Long> e : ledger.inFlight().entrySet()) {
            if (e.getValue() > 0) {
                oracle.arrive(e.getKey().location(), e.getKey().time());
            }
        }
        for (Map.Entry<Ledger.Pointstamp, Long> e : ledger.capabilities().entrySet()) {
            if (e.getValue() > 0) {
                oracle.flow(e.getKey().location(), e.getKey().time());
            }
        }
        return oracle.reachable;
    }

    /** Whether some time of {@code antichain} is at or before {@code t}. */
    static boolean anyAtOrBefore(List<Time> antichain, Time t) {
        for (Time a : antichain) {
            if (a.lessEqual(t)) {
                return true;
            }
        }
        return false;
    }

    private void arrive(int input, Time t) {
        List<Time> antichain = reachable.get(input);
        if (anyAtOrBefore(antichain, t)) {
            return; // everything t leads to, an earlier time already leads to
        }
        antichain.removeIf(t::lessEqual);
        antichain.add(t);
        for (int stream : spec.ops.get(spec.inputs.get(input).op()).outputs()) {
            flow(stream, t);
        }
    }

    private void flow(int stream, Time t) {
        for (Consumer consumer : spec.streams.get(stream).consumers()) {
            if (consumer instanceof OpInput in) {
                arrive(in.input(), t);
            } else if (consumer instanceof FeedbackInput fb) {
                FeedbackSpec f = spec.feedbacks.get(fb.feedback());
                Time next = t.nextIteration(spec.scopes.get(f.scope()).maxIteration());
                if (next != null) {
                    flow(f.stream(), next);
                }
            } else if (consumer instanceof Entering enter) {
                flow(enter.stream(), t.enter());
            } else if (consumer instanceof Leaving leave) {
                flow(leave.stream(), t.leave());
            }
        }
    }
}
