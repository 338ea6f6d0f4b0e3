package dev.weft.io.demo;

import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A demo source of random {@link Metric}s at a steady rate, for examples and load tests
 * (Bytewax's {@code RandomMetricSource}).
 *
 * <p>One partition per metric name, so several names spread over the workers. Each partition
 * emits {@code perSecond} metrics per second, paced with {@code nextAwake} (no spinning; items
 * that fell due while the worker was busy come out together), and ends after {@code count}
 * metrics, or never with {@link #UNBOUNDED}. Values are uniform in [0, 100) and deterministic:
 * the i-th value of a name depends only on the seed, the name and i, so two runs with one seed emit
 * the same values (their timestamps, the times each was due, differ).
 *
 * <p><b>Resume state</b>: the number of metrics the partition has emitted ({@code Long}); a
 * resumed partition continues the same sequence of values, paced from the time it resumes.
 *
 * <pre>{@code
 * Stream<Metric> metrics = flow.input("metrics", new RandomMetricSource(List.of("cpu", "mem"), 1000, 500, 42));
 * }</pre>
 */
public final class RandomMetricSource implements PartitionedSource<Metric, Long> {

    /** A {@code count} meaning "never end". */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    private static final int MAX_BATCH = 1000;

    private final List<String> names;
    private final double perSecond;
    private final long count;
    private final long seed;

    /**
     * An endless source of metric {@code name}, {@code perSecond} a second, with seed 0.
     *
     * @param name the metric's name
     * @param perSecond metrics per second, positive
     */
    public RandomMetricSource(String name, double perSecond) {
        this(List.of(name), perSecond, UNBOUNDED, 0);
    }

    /**
     * A source of the metrics {@code names}, each emitted {@code perSecond} times a second, {@code count}
     * times.
     *
     * @param names the metric names, one partition each: not empty, no repeats
     * @param perSecond metrics per second per name, positive
     * @param count metrics per name before the partition ends, or {@link #UNBOUNDED}
     * @param seed the seed of the values
     * @throws IllegalArgumentException if a value is out of range
     */
    public RandomMetricSource(List<String> names, double perSecond, long count, long seed) {
        if (names.isEmpty() || new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("metric names must be a non-empty list without repeats; got " + names);
        }
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of metrics per second; got " + perSecond);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative; got " + count);
        }
        this.names = List.copyOf(names);
        this.perSecond = perSecond;
        this.count = count;
        this.seed = seed;
    }

    /** One partition per metric name. */
    @Override
    public List<String> listPartitions() {
        return names;
    }

    @Override
    public SourcePartition<Metric, Long> buildPartition(String partition, Long resumeState) {
        return new Partition(partition, resumeState == null ? 0 : resumeState);
    }

    /**
     * The value a source with {@code seed} gives metric {@code name} the {@code index}-th time:
     * uniform in [0, 100).
     */
    static double valueAt(long seed, String name, long index) {
        long z = seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L) ^ (index * 0xBF58476D1CE4E5B9L);
        // SplitMix64's finaliser: consecutive inputs give independent-looking outputs.
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53 * 100;
    }

    /** Emits one name's metrics when due. */
    private final class Partition implements SourcePartition<Metric, Long> {
        private final String name;
        private Clock clock = Clock.systemUTC();
        /** When the partition started emitting, on the run's clock: when it got the clock. */
        private Instant start;
        private final long first;
        private long emitted;

        Partition(String name, long emitted) {
            this.name = name;
            this.first = emitted;
            this.emitted = emitted;
        }

        @Override
        public List<Metric> nextBatch() {
            if (emitted >= count) {
                return null;
            }
            Instant now = clock.instant();
            started();
            List<Metric> batch = new ArrayList<>();
            while (emitted < count && batch.size() < MAX_BATCH) {
                Instant dueAt = dueAt(emitted);
                if (dueAt.isAfter(now)) {
                    break;
                }
                batch.add(new Metric(name, valueAt(seed, name, emitted), dueAt.toEpochMilli()));
                emitted++;
            }
            return batch;
        }

        @Override
        public Instant nextAwake() {
            if (emitted >= count) {
                return null;
            }
            started();
            return dueAt(emitted);
        }

        @Override
        public void setClock(Clock runClock) {
            clock = Objects.requireNonNull(runClock, "clock");
            start = clock.instant();
        }

        private void started() {
            if (start == null) {
                start = clock.instant();
            }
        }

        @Override
        public Long snapshot() {
            return emitted;
        }

        @Override
        public void close() {
        }

        private Instant dueAt(long index) {
            return start.plusNanos((long) ((index - first) * 1e9 / perSecond));
        }
    }
}
