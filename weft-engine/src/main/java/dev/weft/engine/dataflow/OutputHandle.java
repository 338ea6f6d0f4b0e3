package dev.weft.engine.dataflow;

/**
 * An operator's output: buffers records into batches of {@link Batch#CAPACITY}, flushing on a
 * change of time, when full, and at the end of every activation; counts every record sent for
 * progress tracking; and hands batches to every consumer.
 *
 * <p>Sending at time {@code t} needs a held capability at or before {@code t} for this output, or
 * an input batch consumed in the current activation whose time, moved along that input's declared
 * {@link OperatorBuilder#summary path summary} to this output, is at or before {@code t}; otherwise
 * the send fails with an {@link OperatorFailure} naming the operator, the output and the time (it
 * would let a frontier pass records in flight). The check is made once per batch, not per record.
 *
 * <p>The output has a {@link #watermark() watermark}, stamped on every batch it sends; when it
 * advances, what was buffered leaves first with the old one, and each consumer that got no batch
 * since receives a watermark-only message at the end of the activation. By default it follows the
 * operator's inputs (see {@link OperatorBuilder#passWatermarks(boolean)}).
 *
 * @param <T> the record type
 */
public final class OutputHandle<T> {

    private final OperatorCore operator;
    private final int port;
    private final Tee<T> tee = new Tee<>();
    private final Stream<T> stream;
    private int[] targets;
    private int location = -1;
    private Batch<T> buffer;
    private long sentThisActivation;
    private long watermark = Long.MIN_VALUE;
    private boolean idle;

    OutputHandle(OperatorCore operator) {
        this.operator = operator;
        this.port = operator.addOutput(this);
        this.stream = new Stream<>(operator.scope(), operator.index(), port, tee);
    }

    int port() {
        return port;
    }

    boolean belongsTo(OperatorCore op) {
        return operator == op;
    }

    int location() {
        return location;
    }

    void bind() {
        location = operator.scope().tracker().source(operator.index(), port);
        targets = operator.scope().downstreamOf(operator.index(), port);
    }

    /** The stream of this output, for consumers to read. */
    public Stream<T> stream() {
        return stream;
    }

    /** This output's watermark: {@link Long#MIN_VALUE} until the operator or its inputs advance it. */
    public long watermark() {
        return watermark;
    }

    /**
     * Advances this output's watermark to {@code next}: a promise that records sent from now on
     * are not behind it (what it measures is up to the dataflow, usually event time in
     * milliseconds). Records buffered so far leave first, with the old watermark. A value at or
     * behind the current watermark changes nothing: a watermark never moves back.
     * {@link Long#MAX_VALUE} means the output will send nothing more (the engine sets it when the
     * operator holds no capability for it and its inputs are complete).
     */
    public void advanceWatermark(long next) {
        if (next <= watermark) {
            return;
        }
        flushBuffer();
        watermark = next;
        tee.advanceWatermark(next);
    }

    /**
     * Marks this output idle, or active again: while idle, it holds back no consumer's watermark
     * (a consumer's input takes the minimum over its other senders); records buffered so far leave
     * first. Sending a batch makes it active again. An input none of whose senders is active is
     * itself {@linkplain InputHandle#isIdle() idle}, and operators that pass watermarks on pass
     * that on too.
     */
    public void setIdle(boolean now) {
        if (now == idle) {
            return;
        }
        flushBuffer();
        idle = now;
        tee.setIdle(now);
    }

    /** Whether this output is idle (see {@link #setIdle(boolean)}). */
    public boolean isIdle() {
        return idle;
    }

    /** Sends {@code item} at the time of {@code capability}, which must belong to this output. */
    public void give(Capability capability, T item) {
        if (!capability.belongsTo(operator, port)) {
            throw new IllegalArgumentException("operator '" + operator.name() + "': " + capability
                    + " does not belong to output " + port);
        }
        giveAt(capability.time(), item);
    }

    /** Sends {@code item} at {@code time}. */
    public void giveAt(long time, T item) {
        Batch<T> b = buffer;
        if (b == null || b.time() != time) {
            flushBuffer();
            b = new Batch<>(time);
            buffer = b;
        }
        b.add(item);
        if (b.isFull()) {
            flushBuffer();
        }
    }

    /** Sends a whole batch, handing it over; an empty batch is ignored. */
    public void send(Batch<T> batch) {
        if (batch.isEmpty()) {
            return;
        }
        flushBuffer();
        emit(batch);
    }

    /** Records sent in the current activation, not yet published as progress (for flow control). */
    long unpublishedRecords() {
        return sentThisActivation + (buffer == null ? 0 : buffer.size());
    }

    /** Sends the buffered batch and flushes every consumer's buffers. */
    void flush() {
        flushBuffer();
        tee.flush();
        sentThisActivation = 0;
    }

    void flushBuffer() {
        Batch<T> b = buffer;
        if (b != null) {
            buffer = null;
            emit(b);
        }
    }

    private void emit(Batch<T> batch) {
        long time = batch.time();
        operator.requireMaySendAt(port, time, "sent at");
        if (idle) {
            idle = false;
            tee.setIdle(false);
        }
        int[] t = targets;
        for (int i = 0; i < t.length; i++) {
            operator.scope().productionProgress().update(t[i], time, batch.size());
        }
        sentThisActivation += batch.size();
        tee.push(batch);
    }
}
