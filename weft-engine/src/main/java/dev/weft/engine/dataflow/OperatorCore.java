package dev.weft.engine.dataflow;

import dev.weft.engine.progress.LongAntichain;
import dev.weft.engine.progress.LongChangeBatch;
import dev.weft.engine.progress.MutableLongAntichain;
import dev.weft.engine.progress.PathSummary;
import dev.weft.engine.progress.PointstampBatch;
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

    /** Times of the input batches consumed in the current activation: what may be sent at. */
    private LongAntichain consumedNow;
    private final List<MutableLongAntichain> held = new ArrayList<>();
    private final LongChangeBatch scratch = new LongChangeBatch();
    private boolean initialized;
    /** Capability changes made while building, before locations exist: (output, time, diff). */
    private final List<long[]> changesBeforeStart = new ArrayList<>();

    OperatorCore(Scope scope, String name) {
        this.scope = scope;
        this.name = name;
        this.index = scope.addChild(this);
        this.consumedNow = new LongAntichain(scope.domain());
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

    int addInput(InputHandle<?> input) {
        inputs.add(input);
        return inputs.size() - 1;
    }

    int addOutput(OutputHandle<?> output) {
        outputs.add(output);
        held.add(new MutableLongAntichain(scope.domain()));
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
        consumedNow.insert(time);
    }

    /** Whether records at {@code time} may be sent on {@code output} now. */
    boolean maySendAt(int output, long time) {
        return consumedNow.lessEqual(time) || held.get(output).lessEqual(time);
    }

    boolean consumedNowAtOrBefore(long time) {
        return consumedNow.lessEqual(time);
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
        consumedNow.clear();
        logic.run();
        for (int i = 0; i < outputs.size(); i++) {
            outputs.get(i).flush();
        }
        consumedNow.clear();
        return false;
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
