package dev.weft.engine.dataflow;

import java.util.Arrays;

/**
 * What a pusher's receivers know of its producer's watermark: the producer's current watermark
 * and idleness, and per receiver what it was last told, so that a batch is stamped with the
 * current watermark and a receiver that was told nothing new since gets one watermark-only (or
 * idle) message at the end of the producer's activation.
 */
final class WatermarkStamps {

    /** The sender index receivers know the producer by. */
    private final int sender;
    private long watermark = Long.MIN_VALUE;
    private boolean idle;
    private final long[] told;
    private final boolean[] toldIdle;

    WatermarkStamps(int sender, int receivers) {
        this.sender = sender;
        this.told = new long[receivers];
        this.toldIdle = new boolean[receivers];
        Arrays.fill(told, Long.MIN_VALUE);
    }

    void advance(long next) {
        watermark = next;
    }

    void setIdle(boolean now) {
        idle = now;
    }

    /** Stamps a batch of records for {@code receiver}, which learns the watermark, and that the producer is active, from it. */
    void stamp(Batch<?> batch, int receiver) {
        batch.stamp(sender, watermark);
        told[receiver] = watermark;
        toldIdle[receiver] = false;
    }

    /** What {@code receiver} must still be told at the end of the activation, or {@code null}. */
    <T> Batch<T> pending(int receiver) {
        if (told[receiver] == watermark && toldIdle[receiver] == idle) {
            return null;
        }
        told[receiver] = watermark;
        toldIdle[receiver] = idle;
        return idle ? Batch.idle(sender, watermark) : Batch.watermarkOnly(sender, watermark);
    }
}
