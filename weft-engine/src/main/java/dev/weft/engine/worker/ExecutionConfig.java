package dev.weft.engine.worker;

import dev.weft.codec.CodecRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an execution runs: workers, whether exchanged batches are serialized, key groups, flow
 * control, the codecs for records, how long an idle, unfinished execution waits before it is
 * reported as stalled, and the clock that processing time and timers follow.
 *
 * @param workers worker threads, at least 1
 * @param serializing whether every exchanged batch goes through the codecs (as between processes)
 * @param keyGroups the number of key groups (at least {@code workers})
 * @param maxRecordsInFlight sources are held back while more records than this are in flight
 * @param codecs the allow-list of record types that may be encoded
 * @param stallTimeout how long every worker must be idle, with nothing pending, before an
 *     unfinished execution fails as stalled
 * @param clock the run's clock: what operators read as processing time and what timers follow
 *     (the system clock by default; a manual clock in tests, with {@link Execution#clockMoved()}
 *     called whenever it moves)
 */
public record ExecutionConfig(int workers, boolean serializing, int keyGroups, long maxRecordsInFlight,
        CodecRegistry codecs, Duration stallTimeout, Clock clock) {

    /** Validates the settings. */
    public ExecutionConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1; got " + workers);
        }
        if (keyGroups < workers) {
            throw new IllegalArgumentException("key groups (" + keyGroups + ") must be at least the number of workers ("
                    + workers + ")");
        }
        if (maxRecordsInFlight < 1) {
            throw new IllegalArgumentException("max records in flight must be positive; got " + maxRecordsInFlight);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Defaults for {@code workers} workers: in-memory exchange, 256 key groups,
     * {@link #defaultMaxRecordsInFlight()} records in flight, the system clock.
     */
    public static ExecutionConfig defaults(int workers) {
        return new ExecutionConfig(workers, false, Math.max(256, workers), defaultMaxRecordsInFlight(),
                CodecRegistry.defaults(), Duration.ofSeconds(2), Clock.systemUTC());
    }

    /** The heap each record in flight is granted by the default flow-control bound. */
    public static final long HEAP_PER_RECORD_IN_FLIGHT = 32 * 1024;

    /**
     * The default flow-control bound: one record in flight per {@link #HEAP_PER_RECORD_IN_FLIGHT}
     * (32 KiB) of the maximum heap, between 4,096 and 2^20: 16,384 in a 512 MiB heap, 131,072 in
     * 4 GiB. Sources may overshoot it a few times over (each worker acts on what it has heard so
     * far, plus a batch), so records of a few KiB stay within a fraction of any heap.
     */
    public static long defaultMaxRecordsInFlight() {
        return Math.max(4096, Math.min(1 << 20, Runtime.getRuntime().maxMemory() / HEAP_PER_RECORD_IN_FLIGHT));
    }

    /** This configuration with serialization on or off. */
    public ExecutionConfig withSerializing(boolean on) {
        return new ExecutionConfig(workers, on, keyGroups, maxRecordsInFlight, codecs, stallTimeout, clock);
    }

    /** This configuration with another flow-control limit. */
    public ExecutionConfig withMaxRecordsInFlight(long limit) {
        return new ExecutionConfig(workers, serializing, keyGroups, limit, codecs, stallTimeout, clock);
    }

    /** This configuration with another codec registry. */
    public ExecutionConfig withCodecs(CodecRegistry registry) {
        return new ExecutionConfig(workers, serializing, keyGroups, maxRecordsInFlight, registry, stallTimeout, clock);
    }

    /** This configuration with another stall timeout. */
    public ExecutionConfig withStallTimeout(Duration timeout) {
        return new ExecutionConfig(workers, serializing, keyGroups, maxRecordsInFlight, codecs, timeout, clock);
    }

    /** This configuration with another clock for processing time and timers. */
    public ExecutionConfig withClock(Clock runClock) {
        return new ExecutionConfig(workers, serializing, keyGroups, maxRecordsInFlight, codecs, stallTimeout, runClock);
    }
}
