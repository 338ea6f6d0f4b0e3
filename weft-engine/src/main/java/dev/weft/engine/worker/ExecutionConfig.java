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

    /** Defaults for {@code workers} workers: in-memory exchange, 256 key groups, 1M records in flight, the system clock. */
    public static ExecutionConfig defaults(int workers) {
        return new ExecutionConfig(workers, false, Math.max(256, workers), 1 << 20, CodecRegistry.defaults(),
                Duration.ofSeconds(2), Clock.systemUTC());
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
