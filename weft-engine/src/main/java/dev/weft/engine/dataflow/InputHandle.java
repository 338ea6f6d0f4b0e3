package dev.weft.engine.dataflow;

import dev.weft.engine.communication.Puller;
import dev.weft.engine.progress.LongAntichain;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * An operator's input: the batches that arrived, and the input's frontier.
 *
 * <p>{@link #next()} hands over the next batch (the operator owns it afterwards) and records it as
 * consumed. During the activation that consumed a batch at time {@code t}, the operator may send
 * on each output at {@code t} moved along this input's declared
 * {@link OperatorBuilder#summary path summary} to that output, or later, and may
 * {@link #retain(long, OutputHandle) retain} a capability there; after that activation, it needs
 * a capability. An input whose summary to an output is empty gives no right to send there.
 *
 * <p>The input also has a {@link #watermark() watermark}: the minimum over its active senders (the
 * one upstream operator on this worker for a pipeline, every worker's copy of it across an
 * exchange or broadcast) of the watermark each stamped on the last batch or watermark-only message
 * taken with {@link #next()}; the maximum once the input is complete. A sender that said it is
 * idle counts again once it sends. It never moves back.
 *
 * @param <T> the record type
 */
public final class InputHandle<T> {

    private final OperatorCore operator;
    private final int port;
    private final ArrayDeque<Batch<T>> local = new ArrayDeque<>();
    private Puller<Batch<T>> remote;
    private int location = -1;
    /** The watermark each sender stamped last, by sender index. */
    private long[] senders = {Long.MIN_VALUE};
    /** Which senders said they are idle and sent nothing since. */
    private boolean[] idle = {false};
    private int idleSenders;
    /** The minimum of {@code senders}, or {@link Long#MAX_VALUE} once the input is complete. */
    private long watermark = Long.MIN_VALUE;

    InputHandle(OperatorCore operator) {
        this.operator = operator;
        this.port = operator.addInput(this);
    }

    int port() {
        return port;
    }

    /** Reads from {@code puller}, which carries the batches of {@code senders} workers. */
    void setRemote(Puller<Batch<T>> puller, int senders) {
        this.remote = puller;
        this.senders = new long[senders];
        this.idle = new boolean[senders];
        java.util.Arrays.fill(this.senders, Long.MIN_VALUE);
    }

    private boolean connected;

    void markConnected() {
        connected = true;
    }

    void bind() {
        if (!connected) {
            throw new IllegalStateException("input " + port + " of operator '" + operator.name()
                    + "' was never connected to a stream");
        }
        location = operator.scope().tracker().target(operator.index(), port);
    }

    int location() {
        return location;
    }

    /** Delivers a batch, or a watermark-only message, from a producer on this worker. */
    void deliver(Batch<T> batch) {
        if (operator.isDone()) {
            requireWatermarkOnly(batch); // only a late watermark can reach a finished operator
            return;
        }
        local.add(batch);
        operator.activate();
    }

    /** A message arrived on this input's channel: activates the operator, or drops it once finished. */
    void messageArrived() {
        if (operator.isDone()) {
            discardWatermarks();
        } else {
            operator.activate();
        }
    }

    /**
     * The next batch, or {@code null} if none has arrived. The caller owns the batch. Watermarks
     * that came with it, or before it, are absorbed into {@link #watermark()}.
     */
    public Batch<T> next() {
        while (true) {
            Batch<T> batch = local.poll();
            if (batch == null && remote != null) {
                batch = remote.pull();
            }
            if (batch == null) {
                return null;
            }
            absorb(batch.sender(), batch.watermark(), batch.isIdle());
            if (!batch.isWatermarkOnly()) {
                operator.consumed(port, batch.time(), batch.size());
                return batch;
            }
        }
    }

    private void absorb(int sender, long stamped, boolean nowIdle) {
        long[] s = senders;
        long before = s[sender];
        boolean wasIdle = idle[sender];
        if (stamped > before) {
            s[sender] = stamped;
        }
        if (wasIdle != nowIdle) {
            idle[sender] = nowIdle;
            idleSenders += nowIdle ? 1 : -1;
        } else if (stamped <= before || before > watermark || nowIdle) {
            return; // nothing that could move the minimum over the active senders
        }
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int i = 0; i < s.length; i++) {
            if (!idle[i]) {
                anyActive = true;
                min = Math.min(min, s[i]);
            }
        }
        if (anyActive && min > watermark) {
            watermark = min;
        }
    }

    /**
     * Whether every sender of this input said it is idle and sent nothing since: the input holds
     * back no watermark downstream (its own watermark stays where it was).
     */
    public boolean isIdle() {
        return idleSenders == senders.length && watermark != Long.MAX_VALUE;
    }

    /**
     * The input's watermark: no record stamped behind it is expected from any sender any more
     * (what it means is up to the operators that set it, usually event time in milliseconds).
     * {@link Long#MIN_VALUE} while some sender has not sent one; {@link Long#MAX_VALUE} once the
     * input is complete. It reflects what {@link #next()} took; never moves back.
     */
    public long watermark() {
        if (watermark != Long.MAX_VALUE && frontier().isEmpty()) {
            watermark = Long.MAX_VALUE;
        }
        return watermark;
    }

    /** The watermark as of the batches taken, without looking at the frontier: for a per-batch pass-through. */
    long takenWatermark() {
        return watermark;
    }

    /** Takes and drops what is left once the operator is retired: only watermark-only messages can be. */
    void discardWatermarks() {
        Batch<T> batch;
        while ((batch = local.poll()) != null || (remote != null && (batch = remote.pull()) != null)) {
            requireWatermarkOnly(batch);
        }
    }

    private void requireWatermarkOnly(Batch<T> batch) {
        if (!batch.isWatermarkOnly()) {
            throw new IllegalStateException("operator '" + operator.name() + "' input " + port + " received records at "
                    + operator.scope().domain().format(batch.time()) + " after the operator was retired: records in"
                    + " flight that progress tracking did not count (an engine bug)");
        }
    }

    /** Passes every available batch to {@code action}, which owns each batch it receives. */
    public void forEach(Consumer<Batch<T>> action) {
        Batch<T> batch;
        while ((batch = next()) != null) {
            action.accept(batch);
        }
    }

    /** The times that may still arrive at this input; empty when the input is complete. */
    public LongAntichain frontier() {
        return operator.scope().tracker().frontier(location);
    }

    /**
     * A capability for {@code output} at {@code time}: at or after the time of a batch consumed in
     * this activation moved along its input's declared summary to {@code output}, or at or after a
     * capability held for {@code output}.
     *
     * @throws OperatorFailure if neither allows {@code time} (input times give rights only during
     *     the activation that consumed them)
     */
    public Capability retain(long time, OutputHandle<?> output) {
        if (!output.belongsTo(operator)) {
            throw new IllegalArgumentException("operator '" + operator.name() + "' cannot retain a capability for"
                    + " an output of another operator");
        }
        operator.requireMaySendAt(output.port(), time, "retained a capability at");
        return new Capability(operator, output.port(), time);
    }
}
