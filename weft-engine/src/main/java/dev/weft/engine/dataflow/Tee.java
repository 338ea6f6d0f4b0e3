package dev.weft.engine.dataflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Fans an output's batches out to every consumer: the last consumer receives the original, the
 * others a copy, so that each batch still has exactly one owner.
 *
 * @param <T> the record type
 */
final class Tee<T> {

    private final List<BatchPusher<T>> pushers = new ArrayList<>();

    void add(BatchPusher<T> pusher) {
        pushers.add(pusher);
    }

    void push(Batch<T> batch) {
        int n = pushers.size();
        for (int i = 0; i < n - 1; i++) {
            pushers.get(i).push(batch.copy());
        }
        if (n > 0) {
            pushers.get(n - 1).push(batch);
        }
    }

    void advanceWatermark(long watermark) {
        for (int i = 0; i < pushers.size(); i++) {
            pushers.get(i).advanceWatermark(watermark);
        }
    }

    void setIdle(boolean idle) {
        for (int i = 0; i < pushers.size(); i++) {
            pushers.get(i).setIdle(idle);
        }
    }

    void flush() {
        for (int i = 0; i < pushers.size(); i++) {
            pushers.get(i).flush();
        }
    }
}
