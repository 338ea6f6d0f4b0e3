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
 * @param <T> the record type
 */
public final class InputHandle<T> {

    private final OperatorCore operator;
    private final int port;
    private final ArrayDeque<Batch<T>> local = new ArrayDeque<>();
    private Puller<Batch<T>> remote;
    private int location = -1;

    InputHandle(OperatorCore operator) {
        this.operator = operator;
        this.port = operator.addInput(this);
    }

    int port() {
        return port;
    }

    void setRemote(Puller<Batch<T>> puller) {
        this.remote = puller;
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

    /** Delivers a batch from a producer on this worker. */
    void deliver(Batch<T> batch) {
        local.add(batch);
        operator.activate();
    }

    /** The next batch, or {@code null} if none has arrived. The caller owns the batch. */
    public Batch<T> next() {
        Batch<T> batch = local.poll();
        if (batch == null && remote != null) {
            batch = remote.pull();
        }
        if (batch != null) {
            operator.consumed(port, batch.time(), batch.size());
        }
        return batch;
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
