package dev.weft.core;

import dev.weft.StepException;
import dev.weft.WatermarkStrategy;
import dev.weft.engine.dataflow.OutputHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The watermark part of an {@code input} step on one worker: each partition's watermark follows
 * the latest timestamp it read, minus the strategy's out-of-orderness; the step's output carries
 * the minimum over the partitions that are not idle, and is idle when all of them are. Time for
 * the idle timeout comes from the run's clock. With {@link WatermarkStrategy#none()} it does
 * nothing (the output's watermark becomes the maximum when the input ends, as every output's does).
 */
final class SourceWatermarks {

    /** One partition's progress in event time. */
    static final class Partition {
        private long latest = Long.MIN_VALUE;
        private Instant lastRead;
        private boolean idle;

        private Partition(Instant openedAt) {
            this.lastRead = openedAt;
        }
    }

    private final String stepId;
    private final int worker;
    private final Function<Object, Instant> timestamp;
    private final long delayMillis;
    private final Duration idleTimeout;

    @SuppressWarnings("unchecked")
    SourceWatermarks(WatermarkStrategy<?> strategy, String stepId, int worker) {
        this.stepId = stepId;
        this.worker = worker;
        this.timestamp = (Function<Object, Instant>) strategy.timestamp();
        this.delayMillis = saturatedMillis(strategy.maxOutOfOrderness());
        this.idleTimeout = strategy.idleTimeout().orElse(null);
    }

    /** Whether the strategy makes watermarks at all (not {@link WatermarkStrategy#none()}). */
    boolean enabled() {
        return timestamp != null;
    }

    /** The state of a partition opened at {@code now}. */
    Partition open(Instant now) {
        return new Partition(now);
    }

    /** Takes the timestamps of {@code items}, which {@code partition} read at {@code now}. */
    void read(Partition partition, List<Object> items, Instant now) {
        if (timestamp == null || items.isEmpty()) {
            return;
        }
        long latest = partition.latest;
        for (int i = 0, n = items.size(); i < n; i++) {
            long t = timestampOf(items.get(i));
            if (t > latest) {
                latest = t;
            }
        }
        partition.latest = latest;
        partition.lastRead = now;
        partition.idle = false;
    }

    /**
     * Sets {@code output}'s watermark from {@code partitions} at {@code now}: the minimum over those
     * not idle, or idle when all are.
     */
    void publish(List<Partition> partitions, OutputHandle<?> output, Instant now) {
        if (timestamp == null || partitions.isEmpty()) {
            return;
        }
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (Partition p : partitions) {
            if (!p.idle && idleTimeout != null && !now.isBefore(plus(p.lastRead, idleTimeout))) {
                p.idle = true;
            }
            if (!p.idle) {
                anyActive = true;
                min = Math.min(min, p.latest == Long.MIN_VALUE ? Long.MIN_VALUE : EventTime.minus(p.latest, delayMillis));
            }
        }
        output.setIdle(!anyActive);
        if (anyActive) {
            output.advanceWatermark(min);
        }
    }

    /** When the first of {@code partitions} that is still active would become idle, or {@code null}. */
    Instant nextIdleAt(List<Partition> partitions) {
        if (timestamp == null || idleTimeout == null) {
            return null;
        }
        Instant earliest = null;
        for (Partition p : partitions) {
            if (!p.idle) {
                Instant at = plus(p.lastRead, idleTimeout);
                if (earliest == null || at.isBefore(earliest)) {
                    earliest = at;
                }
            }
        }
        return earliest;
    }

    private long timestampOf(Object item) {
        Instant at;
        try {
            at = timestamp.apply(item);
        } catch (RuntimeException | Error e) {
            throw Failures.at(stepId, worker, StepException.Role.TIMESTAMP_FUNCTION, e);
        }
        if (at == null) {
            throw Failures.at(stepId, worker, StepException.Role.TIMESTAMP_FUNCTION, new NullPointerException(
                    "the timestamp function returned null for " + item + "; return the item's event time"));
        }
        return EventTime.toMillis(at);
    }

    private static long saturatedMillis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static Instant plus(Instant at, Duration duration) {
        try {
            return at.plus(duration);
        } catch (java.time.DateTimeException | ArithmeticException tooFar) {
            return Instant.MAX;
        }
    }
}
