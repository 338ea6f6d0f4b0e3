package dev.weft.engine.dataflow;

import dev.weft.engine.communication.Pusher;

/**
 * Sends every batch to every worker: a copy to each, the original to the last, each stamped with
 * this worker's index and watermark; when the watermark advanced (or the producer became idle)
 * without a batch, every worker gets a watermark-only message at the end of the activation.
 *
 * @param <T> the record type
 */
final class BroadcastPusher<T> implements BatchPusher<T> {

    private final Pusher<Batch<T>>[] remote;
    /** This worker's index, whose batches go straight to {@code local}; -1 to send them through the channel too. */
    private final int me;
    private final InputHandle<T> local;
    private final WatermarkStamps stamps;

    BroadcastPusher(Pusher<Batch<T>>[] remote, int me, InputHandle<T> local, int sender) {
        this.remote = remote;
        this.me = me;
        this.local = local;
        this.stamps = new WatermarkStamps(sender, remote.length);
    }

    @Override
    public void push(Batch<T> batch) {
        for (int w = 0; w < remote.length; w++) {
            Batch<T> b = w == remote.length - 1 ? batch : batch.copy();
            stamps.stamp(b, w);
            deliver(w, b);
        }
    }

    @Override
    public void advanceWatermark(long next) {
        stamps.advance(next);
    }

    @Override
    public void setIdle(boolean idle) {
        stamps.setIdle(idle);
    }

    @Override
    public void flush() {
        for (int w = 0; w < remote.length; w++) {
            Batch<T> message = stamps.pending(w);
            if (message != null) {
                deliver(w, message);
            }
        }
    }

    private void deliver(int worker, Batch<T> b) {
        if (worker == me) {
            local.deliver(b);
        } else {
            remote[worker].push(b);
        }
    }
}
