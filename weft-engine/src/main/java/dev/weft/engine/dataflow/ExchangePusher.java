package dev.weft.engine.dataflow;

import dev.weft.engine.communication.Pusher;
import java.util.function.ToLongFunction;

/**
 * Routes each record to the worker owning its key group, building one batch per destination;
 * a batch leaves when full, when the time changes or the producer's watermark advances, and at
 * the end of the producer's activation. Batches for this worker go straight to the local input.
 * Each batch carries this worker's index and watermark; a worker that got no batch since the
 * watermark advanced gets a watermark-only message at the end of the activation, so every
 * receiver's minimum over its senders moves on.
 *
 * @param <T> the record type
 */
final class ExchangePusher<T> implements BatchPusher<T> {

    private final KeyGroups groups;
    private final ToLongFunction<? super T> hash;
    private final Pusher<Batch<T>>[] remote;
    /** This worker's index, whose batches go straight to {@code local}; -1 to send them through the channel too. */
    private final int me;
    private final InputHandle<T> local;
    private final Batch<T>[] buffers;
    private final WatermarkStamps stamps;
    private long time;

    @SuppressWarnings("unchecked")
    ExchangePusher(KeyGroups groups, ToLongFunction<? super T> hash, Pusher<Batch<T>>[] remote, int me,
            InputHandle<T> local, int sender) {
        this.groups = groups;
        this.hash = hash;
        this.remote = remote;
        this.me = me;
        this.local = local;
        this.buffers = new Batch[remote.length];
        this.stamps = new WatermarkStamps(sender, remote.length);
    }

    @Override
    public void push(Batch<T> batch) {
        if (batch.time() != time) {
            sendBuffered();
            time = batch.time();
        }
        Object[] items = batch.items();
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            T item = (T) items[i];
            int w = groups.workerFor(hash.applyAsLong(item));
            Batch<T> b = buffers[w];
            if (b == null) {
                b = new Batch<>(time);
                buffers[w] = b;
            }
            b.add(item);
            if (b.isFull()) {
                send(w);
            }
        }
    }

    private void send(int worker) {
        Batch<T> b = buffers[worker];
        buffers[worker] = null;
        stamps.stamp(b, worker);
        deliver(worker, b);
    }

    private void deliver(int worker, Batch<T> b) {
        if (worker == me) {
            local.deliver(b);
        } else {
            remote[worker].push(b);
        }
    }

    @Override
    public void advanceWatermark(long next) {
        sendBuffered();
        stamps.advance(next);
    }

    @Override
    public void setIdle(boolean idle) {
        sendBuffered();
        stamps.setIdle(idle);
    }

    @Override
    public void flush() {
        sendBuffered();
        for (int w = 0; w < buffers.length; w++) {
            Batch<T> message = stamps.pending(w);
            if (message != null) {
                deliver(w, message);
            }
        }
    }

    private void sendBuffered() {
        for (int w = 0; w < buffers.length; w++) {
            if (buffers[w] != null && !buffers[w].isEmpty()) {
                send(w);
            }
        }
    }
}
