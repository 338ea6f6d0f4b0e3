package dev.weft.engine.dataflow;

import dev.weft.engine.communication.Pusher;

/**
 * Sends every batch to every worker: a copy to each, the original to the last, each stamped with
 * this worker's index and watermark; when the watermark advanced without a batch, every worker
 * gets a watermark-only message at the end of the activation.
 *
 * @param <T> the record type
 */
final class BroadcastPusher<T> implements BatchPusher<T> {

    private final Pusher<Batch<T>>[] remote;
    /** This worker's index, whose batches go straight to {@code local}; -1 to send them through the channel too. */
    private final int me;
    private final InputHandle<T> local;
    /** This worker's index: the sender index receivers know this worker's watermark by. */
    private final int sender;
    private long watermark = Long.MIN_VALUE;
    private long delivered = Long.MIN_VALUE;

    BroadcastPusher(Pusher<Batch<T>>[] remote, int me, InputHandle<T> local, int sender) {
        this.remote = remote;
        this.me = me;
        this.local = local;
        this.sender = sender;
    }

    @Override
    public void push(Batch<T> batch) {
        batch.stamp(sender, watermark);
        delivered = watermark;
        for (int w = 0; w < remote.length; w++) {
            deliver(w, w == remote.length - 1 ? batch : batch.copy());
        }
    }

    @Override
    public void advanceWatermark(long next) {
        watermark = next;
    }

    @Override
    public void flush() {
        if (delivered < watermark) {
            delivered = watermark;
            for (int w = 0; w < remote.length; w++) {
                deliver(w, Batch.watermarkOnly(sender, watermark));
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
