package dev.weft.runtime;

import dev.weft.engine.worker.ExecutionConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a dataflow in this JVM: start from {@link #defaults(int)} and change what you need
 * with the {@code with...} methods, each of which returns a new configuration. Immutable. The
 * types its items and state may hold are declared on the dataflow itself
 * ({@code Dataflow.registerRecord} and its neighbours), not here.
 */
public final class RunConfig {

    private final int workers;
    private final Duration epochInterval;
    private final boolean serializing;
    private final boolean restoreStateEveryBatch;
    private final long maxRecordsInFlight;
    private final Clock clock;

    private RunConfig(int workers, Duration epochInterval, boolean serializing, boolean restoreStateEveryBatch,
            long maxRecordsInFlight, Clock clock) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1; got " + workers);
        }
        Objects.requireNonNull(epochInterval, "epochInterval");
        if (epochInterval.isNegative()) {
            throw new IllegalArgumentException("epoch interval must not be negative; got " + epochInterval);
        }
        if (maxRecordsInFlight < 1) {
            throw new IllegalArgumentException("max records in flight must be at least 1; got " + maxRecordsInFlight);
        }
        this.workers = workers;
        this.epochInterval = epochInterval;
        this.serializing = serializing;
        this.restoreStateEveryBatch = restoreStateEveryBatch;
        this.maxRecordsInFlight = maxRecordsInFlight;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Defaults for {@code workers} workers: 10 s epochs (Bytewax's default), in-memory exchange, a
     * flow-control bound sized to the heap (one record per 32 KiB of the maximum heap, see
     * {@link ExecutionConfig#defaultMaxRecordsInFlight()}), the system clock.
     *
     * @param workers worker threads, at least 1
     * @return the configuration
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    public static RunConfig defaults(int workers) {
        return new RunConfig(workers, Duration.ofSeconds(10), false, false, ExecutionConfig.defaultMaxRecordsInFlight(),
                Clock.systemUTC());
    }

    /** Worker threads, at least 1. */
    public int workers() {
        return workers;
    }

    /** How long each input epoch lasts. */
    public Duration epochInterval() {
        return epochInterval;
    }

    /** Whether exchanged items go through the codecs, as between processes. */
    public boolean serializing() {
        return serializing;
    }

    /** For tests: whether each key's state is rebuilt from its encoded snapshot after every callback. */
    public boolean restoreStateEveryBatch() {
        return restoreStateEveryBatch;
    }

    /** Sources are held back while more items than this are in flight. */
    public long maxRecordsInFlight() {
        return maxRecordsInFlight;
    }

    /** The run's clock: processing time for every step and source. */
    public Clock clock() {
        return clock;
    }

    /**
     * With another number of workers.
     *
     * @param n worker threads, at least 1
     * @return the new configuration
     */
    public RunConfig withWorkers(int n) {
        return new RunConfig(n, epochInterval, serializing, restoreStateEveryBatch, maxRecordsInFlight, clock);
    }

    /**
     * With another epoch interval.
     *
     * @param interval how long each input epoch lasts, not negative
     * @return the new configuration
     */
    public RunConfig withEpochInterval(Duration interval) {
        return new RunConfig(workers, interval, serializing, restoreStateEveryBatch, maxRecordsInFlight, clock);
    }

    /**
     * With serialization of exchanged items on or off.
     *
     * @param on whether exchanged items go through the codecs
     * @return the new configuration
     */
    public RunConfig withSerializing(boolean on) {
        return new RunConfig(workers, epochInterval, on, restoreStateEveryBatch, maxRecordsInFlight, clock);
    }

    /**
     * With state restored from encoded snapshots after every callback (tests).
     *
     * @param on whether to restore
     * @return the new configuration
     */
    public RunConfig withRestoreStateEveryBatch(boolean on) {
        return new RunConfig(workers, epochInterval, serializing, on, maxRecordsInFlight, clock);
    }

    /**
     * With another flow-control bound: sources are held back while more items than
     * {@code limit} are in flight.
     *
     * @param limit at least 1
     * @return the new configuration
     */
    public RunConfig withMaxRecordsInFlight(long limit) {
        return new RunConfig(workers, epochInterval, serializing, restoreStateEveryBatch, limit, clock);
    }

    /**
     * With another clock for processing time: polling intervals, batching deadlines, timeouts,
     * cache lifetimes, timers and epoch boundaries all follow it. A
     * {@link dev.weft.testing.TestClock} wakes the run whenever a test moves it.
     *
     * @param runClock the clock
     * @return the new configuration
     */
    public RunConfig withClock(Clock runClock) {
        return new RunConfig(workers, epochInterval, serializing, restoreStateEveryBatch, maxRecordsInFlight, runClock);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunConfig that && workers == that.workers && serializing == that.serializing
                && restoreStateEveryBatch == that.restoreStateEveryBatch
                && maxRecordsInFlight == that.maxRecordsInFlight && epochInterval.equals(that.epochInterval)
                && clock.equals(that.clock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workers, epochInterval, serializing, restoreStateEveryBatch, maxRecordsInFlight, clock);
    }

    @Override
    public String toString() {
        return "RunConfig[workers=" + workers + ", epochInterval=" + epochInterval + ", serializing=" + serializing
                + ", restoreStateEveryBatch=" + restoreStateEveryBatch + ", maxRecordsInFlight=" + maxRecordsInFlight
                + ", clock=" + clock + "]";
    }
}
