package dev.weft;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a source tells the dataflow how far its event time has progressed: its watermark, the
 * promise that no more items timestamped before it are expected. Given to
 * {@link Dataflow#input(String, dev.weft.io.Source, WatermarkStrategy)}; operators downstream (event-time
 * timers, windows) read the watermark of their input, the minimum over every partition feeding it,
 * across workers.
 *
 * <pre>{@code
 * Stream<Click> clicks = flow.input("clicks", source,
 *         WatermarkStrategy.boundedOutOfOrderness(Click::at, Duration.ofSeconds(5))
 *                 .withIdleTimeout(Duration.ofMinutes(1)));
 * }</pre>
 *
 * <ul>
 *   <li>{@link #none()} (the default): no watermark until the source ends, when it becomes the
 *       maximum.
 *   <li>{@link #boundedOutOfOrderness(Function, Duration)}: each partition's watermark trails the
 *       latest timestamp it has read by a fixed delay; an item timestamped before its input's
 *       watermark is late.
 *   <li>{@link #withIdleTimeout(Duration)}: a partition that reads nothing for that long on the
 *       run's clock stops holding the watermark back until it reads again. Items it then reads
 *       behind the watermark are late.
 * </ul>
 *
 * <p>Timestamps count in whole milliseconds. The timestamp function is called once per item, on
 * the worker that reads it, and must be safe to call from several workers at once. Immutable.
 *
 * @param <T> the source's item type
 */
public final class WatermarkStrategy<T> {

    private static final WatermarkStrategy<?> NONE = new WatermarkStrategy<>(null, Duration.ZERO, null);

    private final Function<? super T, Instant> timestamp;
    private final Duration maxOutOfOrderness;
    private final Duration idleTimeout;

    private WatermarkStrategy(Function<? super T, Instant> timestamp, Duration maxOutOfOrderness, Duration idleTimeout) {
        this.timestamp = timestamp;
        this.maxOutOfOrderness = maxOutOfOrderness;
        this.idleTimeout = idleTimeout;
    }

    /**
     * No watermark: the source's items carry no event time the dataflow knows of.
     *
     * @param <T> the source's item type
     * @return the strategy
     */
    @SuppressWarnings("unchecked")
    public static <T> WatermarkStrategy<T> none() {
        return (WatermarkStrategy<T>) NONE;
    }

    /**
     * Each partition's watermark is the latest timestamp it has read minus
     * {@code maxOutOfOrderness}: items may arrive that much out of order without being late.
     *
     * @param timestamp the event time of an item; must not return {@code null}
     * @param maxOutOfOrderness how far behind the latest timestamp an item may still be; zero for
     *     items in timestamp order
     * @param <T> the source's item type
     * @return the strategy
     * @throws IllegalArgumentException if {@code maxOutOfOrderness} is negative
     */
    public static <T> WatermarkStrategy<T> boundedOutOfOrderness(Function<? super T, Instant> timestamp,
            Duration maxOutOfOrderness) {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("the maximum out-of-orderness must not be negative; got "
                    + maxOutOfOrderness + " (use Duration.ZERO for items in timestamp order)");
        }
        return new WatermarkStrategy<>(timestamp, maxOutOfOrderness, null);
    }

    /**
     * This strategy, with partitions that read nothing for {@code timeout} (on the run's clock)
     * counted as idle: they hold no watermark back until they read again.
     *
     * @param timeout how long a partition may be quiet before it is idle; positive
     * @return the strategy with the idle timeout
     * @throws IllegalArgumentException if {@code timeout} is not positive
     * @throws IllegalStateException on {@link #none()}, which has no watermark to hold back
     */
    public WatermarkStrategy<T> withIdleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timestamp == null) {
            throw new IllegalStateException("WatermarkStrategy.none() has no watermark an idle partition could hold"
                    + " back; start from boundedOutOfOrderness(timestamp, delay)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive; got " + timeout);
        }
        return new WatermarkStrategy<>(timestamp, maxOutOfOrderness, timeout);
    }

    /** Whether this is {@link #none()}. */
    public boolean isNone() {
        return timestamp == null;
    }

    /** The timestamp function, or {@code null} for {@link #none()}. */
    public Function<? super T, Instant> timestamp() {
        return timestamp;
    }

    /** How far a partition's watermark trails the latest timestamp it read ({@link Duration#ZERO} for none). */
    public Duration maxOutOfOrderness() {
        return maxOutOfOrderness;
    }

    /** After how long without items a partition is idle, if it ever is. */
    public Optional<Duration> idleTimeout() {
        return Optional.ofNullable(idleTimeout);
    }

    @Override
    public String toString() {
        if (timestamp == null) {
            return "WatermarkStrategy.none()";
        }
        return "WatermarkStrategy.boundedOutOfOrderness(" + maxOutOfOrderness + ")"
                + (idleTimeout == null ? "" : ".withIdleTimeout(" + idleTimeout + ")");
    }
}
