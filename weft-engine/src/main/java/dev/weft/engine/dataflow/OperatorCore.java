package dev.weft.engine.dataflow;

import dev.weft.engine.progress.LongAntichain;
import dev.weft.engine.progress.LongChangeBatch;
import dev.weft.engine.progress.MutableLongAntichain;
import dev.weft.engine.progress.PathSummary;
import dev.weft.engine.progress.PointstampBatch;
import dev.weft.engine.progress.TimeDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaf operator as its scope sees it: ports, locations, capability bookkeeping, and the user
 * logic run on each activation. Package-private; users build operators with
 * {@link OperatorBuilder}.
 */
final class OperatorCore implements Node {

    private final Scope scope;
    private final String name;
    private final int index;
    final List<InputHandle<?>> inputs = new ArrayList<>();
    final List<OutputHandle<?>> outputs = new ArrayList<>();
    private PathSummary[][][] summary;
    private Runnable logic;
    private boolean notifyOnFrontier = true;
    private boolean passWatermarks = true;

    /** Per input: times of the batches it consumed in the current activation. */
    private final List<LongAntichain> consumedNow = new ArrayList<>();
    /**
     * Per output: the consumed times of this activation moved along each input's declared summary to
     * that output, so that a send or retain is checked against one antichain (Timely's
     * {@code retain_for_output}).
     */
    private final List<LongAntichain> reachedNow = new ArrayList<>();
    private final List<MutableLongAntichain> held = new ArrayList<>();
    private final LongChangeBatch scratch = new LongChangeBatch();
    private boolean initialized;
    /** Capability changes made while building, before locations exist: (output, time, diff). */
    private final List<long[]> changesBeforeStart = new ArrayList<>();

    OperatorCore(Scope scope, String name) {
        this.scope = scope;
        this.name = name;
        this.index = scope.addChild(this);
    }

    Scope scope() {
        return scope;
    }

    int index() {
        return index;
    }

    @Override
    public String name() {
        return name;
    }

    void setSummary(PathSummary[][][] summary) {
        this.summary = summary;
    }

    void setLogic(Runnable logic) {
        this.logic = logic;
    }

    void setNotifyOnFrontier(boolean notify) {
        this.notifyOnFrontier = notify;
    }

    void setPassWatermarks(boolean pass) {
        this.passWatermarks = pass;
    }

    /** Whether the scope retired this operator: it will never run again. */
    boolean isDone() {
        return scope.isDone(index);
    }

    int addInput(InputHandle<?> input) {
        inputs.add(input);
        consumedNow.add(new LongAntichain(scope.domain()));
        return inputs.size() - 1;
    }

    int addOutput(OutputHandle<?> output) {
        outputs.add(output);
        held.add(new MutableLongAntichain(scope.domain()));
        reachedNow.add(new LongAntichain(scope.domain()));
        return outputs.size() - 1;
    }

    /** Schedules this operator on its worker. */
    void activate() {
        scope.activate(index);
    }

    PointstampBatch progress() {
        return scope.localProgress();
    }

    void capabilityChanged(int output, long time, long diff) {
        if (diff < 0) {
            // Records buffered under this capability leave while it still holds.
            outputs.get(output).flushBuffer();
        }
        if (initialized) {
            progress().update(outputs.get(output).location(), time, diff);
        } else {
            changesBeforeStart.add(new long[] {output, time, diff});
        }
        heldChanged(output, time, diff);
    }

    /** Records a capability without reporting it: the scope seeds initial capabilities itself. */
    void heldChanged(int output, long time, long diff) {
        held.get(output).update(time, diff, scratch);
        scratch.clear();
    }

    void consumed(int input, long time, long count) {
        progress().update(inputs.get(input).location(), time, -count);
        if (consumedNow.get(input).insert(time)) {
            PathSummary[][] toOutputs = summary[input];
            for (int o = 0; o < toOutputs.length; o++) {
                for (PathSummary path : toOutputs[o]) {
                    long reached = path.resultsIn(time);
                    if (reached != TimeDomain.NO_TIME) {
                        reachedNow.get(o).insert(reached);
                    }
                }
            }
        }
    }

    /**
     * Checks that records at {@code time} may be sent, or a capability retained, on {@code output}
     * now: under a held capability for it at or before {@code time}, or because an input batch
     * consumed in this activation reaches it, along that input's declared summary, at or before
     * {@code time}.
     *
     * @param action what the operator did, for the error ("sent at", "retained a capability at")
     * @throws OperatorFailure naming the operator, the output and the time, if neither holds
     */
    void requireMaySendAt(int output, long time, String action) {
        if (reachedNow.get(output).lessEqual(time) || held.get(output).lessEqual(time)) {
            return;
        }
        throw new OperatorFailure(qualifiedName(), scope.worker().index(),
                new IllegalStateException(contractViolation(output, time, action)));
    }

    private String contractViolation(int output, long time, String action) {
        TimeDomain domain = scope.domain();
        StringBuilder got = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            LongAntichain consumed = consumedNow.get(i);
            if (consumed.isEmpty()) {
                continue;
            }
            got.append(got.length() == 0 ? "" : "; ").append("input ").append(i).append(" consumed ")
                    .append(consumed).append(", whose declared summary to output ").append(output).append(" is ")
                    .append(summary[i][output].length == 0 ? "none (it does not reach it)"
                            : java.util.Arrays.toString(summary[i][output]));
        }
        return "operator '" + qualifiedName() + "' " + action + " time " + domain.format(time) + " on output " + output
                + ", which it may not: it holds " + (held.get(output).frontier().isEmpty() ? "no capability"
                        : "capabilities only at " + held.get(output).frontier())
                + " for that output, and " + (got.length() == 0 ? "consumed no input batch in this activation" : got)
                + ". Hold a capability at or before that time (keep or delay the one the operator was built with),"
                + " or declare the path from the input with OperatorBuilder.summary(input, output, ...)";
    }

    private String qualifiedName() {
        return name.startsWith(scope.name() + ".") ? name : scope.name() + "." + name;
    }

    @Override
    public int inputCount() {
        return inputs.size();
    }

    @Override
    public int outputCount() {
        return outputs.size();
    }

    @Override
    public PathSummary[][][] summary() {
        return summary;
    }

    @Override
    public int initialCapabilityCount() {
        return scope.worker().peers();
    }

    @Override
    public void initialize() {
        for (InputHandle<?> input : inputs) {
            input.bind();
        }
        for (OutputHandle<?> output : outputs) {
            output.bind();
        }
        initialized = true;
        for (long[] change : changesBeforeStart) {
            progress().update(outputs.get((int) change[0]).location(), change[1], change[2]);
        }
        changesBeforeStart.clear();
    }

    @Override
    public boolean schedule() {
        forgetConsumed();
        logic.run();
        advanceWatermarks();
        for (int i = 0; i < outputs.size(); i++) {
            outputs.get(i).flush();
        }
        forgetConsumed();
        return false;
    }

    /**
     * After the logic: each output passes on the minimum watermark of the active inputs that reach
     * it, or is idle when all of them are (unless the operator sets its own), short of the maximum
     * while a capability is held for it; an output that can send nothing more (no capability held
     * for it, every input reaching it complete) moves to the maximum.
     */
    private void advanceWatermarks() {
        for (int o = 0; o < outputs.size(); o++) {
            long min = Long.MAX_VALUE;
            boolean reached = false;
            boolean allIdle = true;
            boolean inputsComplete = true;
            for (int i = 0; i < inputs.size(); i++) {
                if (summary[i][o].length == 0) {
                    continue;
                }
                InputHandle<?> input = inputs.get(i);
                long watermark = input.watermark();
                reached = true;
                inputsComplete &= watermark == Long.MAX_VALUE;
                if (!input.isIdle()) {
                    allIdle = false;
                    min = Math.min(min, watermark);
                }
            }
            OutputHandle<?> output = outputs.get(o);
            boolean sendsNoMore = inputsComplete && held.get(o).frontier().isEmpty();
            if (passWatermarks && reached) {
                output.setIdle(allIdle);
                if (!allIdle) {
                    // The maximum means "nothing more will come": not while a held capability may still send.
                    output.advanceWatermark(min == Long.MAX_VALUE && !sendsNoMore ? Long.MAX_VALUE - 1 : min);
                }
            }
            if (sendsNoMore) {
                output.setIdle(false);
                output.advanceWatermark(Long.MAX_VALUE);
            }
        }
    }

    /** Input times give the right to send only during the activation that consumed them. */
    private void forgetConsumed() {
        for (int i = 0; i < consumedNow.size(); i++) {
            consumedNow.get(i).clear();
        }
        for (int o = 0; o < reachedNow.size(); o++) {
            reachedNow.get(o).clear();
        }
    }

    @Override
    public void frontierChanged(int input, long time, long diff) {
        if (notifyOnFrontier) {
            activate();
        }
    }

    @Override
    public String toString() {
        return "Operator(" + name + ")";
    }
}
