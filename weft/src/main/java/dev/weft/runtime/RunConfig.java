package dev.weft.runtime;

import dev.weft.engine.worker.ExecutionConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a dataflow in this JVM. The types its items and state may hold are declared on the
 * dataflow itself ({@code Dataflow.registerRecord} and its neighbours), not here.
 *
 * @param workers worker threads, at least 1
 * @param epochInterval how long each input epoch lasts (Bytewax's default: 10 s)
 * @param serializing whether exchanged items go through the codecs, as between processes
 * @param restoreStateEveryBatch for tests: rebuild each key's state from its encoded snapshot
 *     after every callback
 * @param maxRecordsInFlight sources are held back while more items than this are in flight (by
 *     default one per 32 KiB of the maximum heap, see {@link ExecutionConfig#defaultMaxRecordsInFlight()})
 * @param clock the run's clock: processing time for every step and source (the system clock by
 *     default; a {@link dev.weft.testing.TestClock} in tests)
 */
public record RunConfig(int workers, Duration epochInterval, boolean serializing,
        boolean restoreStateEveryBatch, long maxRecordsInFlight, Clock clock) {

    /** Validates the settings. */
    public RunConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1; got " + workers);
        }
        if (epochInterval.isNegative()) {
            throw new IllegalArgumentException("epoch interval must not be negative; got " + epochInterval);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Defaults for {@code workers} workers: 10 s epochs, in-memory exchange, a flow-control bound
     * sized to the heap, the system clock.
     */
    public static RunConfig defaults(int workers) {
        return new RunConfig(workers, Duration.ofSeconds(10), false, false, ExecutionConfig.defaultMaxRecordsInFlight(),
                Clock.systemUTC());
    }

    /** With another number of workers. */
    public RunConfig withWorkers(int n) {
        return new RunConfig(n, epochInterval, serializing, restoreStateEveryBatch, maxRecordsInFlight, clock);
    }

    /** With another epoch interval. */
    public RunConfig withEpochInterval(Duration interval) {
        return new RunConfig(workers, interval, serializing, restoreStateEveryBatch, maxRecordsInFlight, clock);
    }

    /** With serialization of exchanged items on or off. */
    public RunConfig withSerializing(boolean on) {
        return new RunConfig(workers, epochInterval, on, restoreStateEveryBatch, maxRecordsInFlight, clock);
    }

    /** With state restored from encoded snapshots after every callback (tests). */
    public RunConfig withRestoreStateEveryBatch(boolean on) {
        return new RunConfig(workers, epochInterval, serializing, on, maxRecordsInFlight, clock);
    }

    /** With another flow-control bound: sources are held back while more items than {@code limit} are in flight. */
    public RunConfig withMaxRecordsInFlight(long limit) {
        return new RunConfig(workers, epochInterval, serializing, restoreStateEveryBatch, limit, clock);
    }

    /**
     * With another clock for processing time: polling intervals, batching deadlines, timeouts,
     * cache lifetimes, timers and epoch boundaries all follow it. A
     * {@link dev.weft.testing.TestClock} wakes the run whenever a test moves it.
     */
    public RunConfig withClock(Clock runClock) {
        return new RunConfig(workers, epochInterval, serializing, restoreStateEveryBatch, maxRecordsInFlight, runClock);
    }
}
