package dev.weft.engine.dataflow;

import dev.weft.engine.communication.Pusher;

/**
 * Sends every batch to every worker: a copy to each, the original to the last.
 *
 * @param <T> the record type
 */
final class BroadcastPusher<T> implements BatchPusher<T> {

    private final Pusher<Batch<T>>[] remote;
    /** This worker's index, whose batches go straight to {@code local}; -1 to send them through the channel too. */
    private final int me;
    private final InputHandle<T> local;

    BroadcastPusher(Pusher<Batch<T>>[] remote, int me, InputHandle<T> local) {
        this.remote = remote;
        this.me = me;
        this.local = local;
    }

    @Override
    public void push(Batch<T> batch) {
        for (int w = 0; w < remote.length; w++) {
            Batch<T> b = w == remote.length - 1 ? batch : batch.copy();
            if (w == me) {
                local.deliver(b);
            } else {
                remote[w].push(b);
            }
        }
    }
}
