package dev.weft.engine.simulation;

import dev.weft.engine.simulation.DataflowSpec.Consumer;
import dev.weft.engine.simulation.DataflowSpec.Entering;
import dev.weft.engine.simulation.DataflowSpec.FeedbackInput;
import dev.weft.engine.simulation.DataflowSpec.Leaving;
import dev.weft.engine.simulation.DataflowSpec.OpInput;
import dev.weft.engine.simulation.DataflowSpec.PactKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of a run, kept by the test's own operators and sources as they act (everything
 * runs on one thread): records in flight to each operator input at each time, summed over workers,
 * and capabilities held for each output stream at each time, summed over workers.
 *
 * <p>A record is counted at its final destination when it is sent: through a feedback edge at the
 * next iteration, through {@code enter} at (t, 0), through {@code leave} at the outer part of t,
 * and once per worker under a broadcast. It is uncounted when the destination operator reads its
 * batch. Counts never go negative, and all are zero at the end of a run.
 */
final class Ledger {

    /** A pointstamp: a location (an input id, or an output stream id) and a time. */
    record Pointstamp(int location, Time time) {
    }

    private final DataflowSpec spec;
    private final int peers;
    private final Map<Pointstamp, Long> inFlight = new HashMap<>();
    private final Map<Pointstamp, Long> capabilities = new HashMap<>();
    private long version;

    Ledger(DataflowSpec spec, int peers) {
        this.spec = spec;
        this.peers = peers;
    }

    /** Increases on every change, so the oracle is recomputed only when needed. */
    long version() {
        return version;
    }

    /** {@code count} records sent at {@code t} on {@code stream} (before any exchange). */
    void sent(int stream, Time t, long count) {
        for (Consumer consumer : spec.streams.get(stream).consumers()) {
            if (consumer instanceof OpInput in) {
                long copies = spec.inputs.get(in.input()).pact() == PactKind.BROADCAST ? peers : 1;
                add(inFlight, new Pointstamp(in.input(), t), count * copies);
            } else if (consumer instanceof FeedbackInput fb) {
                Time next = t.nextIteration(spec.scopes.get(spec.feedbacks.get(fb.feedback()).scope()).maxIteration());
                if (next != null) {
                    sent(spec.feedbacks.get(fb.feedback()).stream(), next, count);
                }
            } else if (consumer instanceof Entering enter) {
                sent(enter.stream(), t.enter(), count);
            } else if (consumer instanceof Leaving leave) {
                sent(leave.stream(), t.leave(), count);
            }
        }
    }

    /** A batch of {@code count} records at {@code t} read by input {@code input}. */
    void consumed(int input, Time t, long count) {
        long left = add(inFlight, new Pointstamp(input, t), -count);
        if (left < 0) {
            throw new AssertionError("input " + describeInput(input) + " read " + count + " records at " + t
                    + " but only " + (left + count) + " were sent there (a record arrived at the wrong time or twice)");
        }
    }

    /** A capability for output stream {@code stream} at {@code t} acquired ({@code +1}) or given up ({@code -1}). */
    void capability(int stream, Time t, long diff) {
        long left = add(capabilities, new Pointstamp(stream, t), diff);
        if (left < 0) {
            throw new AssertionError("capability count for stream " + stream + " at " + t + " went negative");
        }
    }

    Map<Pointstamp, Long> inFlight() {
        return Collections.unmodifiableMap(inFlight);
    }

    Map<Pointstamp, Long> capabilities() {
        return Collections.unmodifiableMap(capabilities);
    }

    boolean isEmpty() {
        return inFlight.isEmpty() && capabilities.isEmpty();
    }

    private long add(Map<Pointstamp, Long> counts, Pointstamp p, long diff) {
        version++;
        long now = counts.getOrDefault(p, 0L) + diff;
        if (now == 0) {
            counts.remove(p);
        } else {
            counts.put(p, now);
        }
        return now;
    }

    String describeInput(int input) {
        return spec.describeInput(input);
    }

    /** Every outstanding pointstamp, for failure messages. */
    String describe() {
        List<String> lines = new ArrayList<>();
        inFlight.forEach((p, n) -> lines.add("  " + n + " record(s) in flight to " + describeInput(p.location())
                + " at " + p.time()));
        capabilities.forEach((p, n) -> lines.add("  " + n + " capability(ies) for stream " + p.location() + " at "
                + p.time()));
        Collections.sort(lines);
        return String.join("\n", lines);
    }
}
