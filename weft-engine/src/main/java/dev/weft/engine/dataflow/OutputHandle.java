package dev.weft.engine.dataflow;

/**
 * An operator's output: buffers records into batches of {@link Batch#CAPACITY}, flushing on a
 * change of time, when full, and at the end of every activation; counts every record sent for
 * progress tracking; and hands batches to every consumer.
 *
 * <p>Sending at time {@code t} needs a held capability at or before {@code t} for this output, or
 * an input batch at or before {@code t} consumed in the current activation; otherwise the send
 * fails with an {@link IllegalStateException} (it would let a frontier pass records in flight).
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

    OutputHandle(OperatorCore operator) {
        this.operator = operator;
        this.port = operator.addOutput(this);
        this.stream = new Stream<>(operator.scope(), operator.index(), port, tee);
    }

    int port() {
        return port;
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
        if (!operator.maySendAt(port, time)) {
            throw new IllegalStateException("operator '" + operator.name() + "' sent at time "
                    + operator.scope().domain().format(time) + " on output " + port
                    + " without a capability at or before it");
        }
        int[] t = targets;
        for (int i = 0; i < t.length; i++) {
            operator.scope().productionProgress().update(t[i], time, batch.size());
        }
        sentThisActivation += batch.size();
        tee.push(batch);
    }
}
