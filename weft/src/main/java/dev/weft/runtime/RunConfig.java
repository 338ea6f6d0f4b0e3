package dev.weft.runtime;

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

    private RunConfig(int workers, Duration epochInterval, boolean serializing, boolean restoreStateEveryBatch,
            long maxRecordsInFlight) {
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
    }

    /**
     * Defaults for {@code workers} workers: 10 s epochs (Bytewax's default), in-memory exchange, at
     * most 2^20 records in flight per source.
     *
     * @param workers worker threads, at least 1
     * @return the configuration
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    public static RunConfig defaults(int workers) {
        return new RunConfig(workers, Duration.ofSeconds(10), false, false, 1 << 20);
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

    /**
     * With another number of workers.
     *
     * @param n worker threads, at least 1
     * @return the new configuration
     */
    public RunConfig withWorkers(int n) {
        return new RunConfig(n, epochInterval, serializing, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /**
     * With another epoch interval.
     *
     * @param interval how long each input epoch lasts, not negative
     * @return the new configuration
     */
    public RunConfig withEpochInterval(Duration interval) {
        return new RunConfig(workers, interval, serializing, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /**
     * With serialization of exchanged items on or off.
     *
     * @param on whether exchanged items go through the codecs
     * @return the new configuration
     */
    public RunConfig withSerializing(boolean on) {
        return new RunConfig(workers, epochInterval, on, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /**
     * With state restored from encoded snapshots after every callback (tests).
     *
     * @param on whether to restore
     * @return the new configuration
     */
    public RunConfig withRestoreStateEveryBatch(boolean on) {
        return new RunConfig(workers, epochInterval, serializing, on, maxRecordsInFlight);
    }

    /**
     * With another bound on the items of a source in flight.
     *
     * @param records at least 1
     * @return the new configuration
     */
    public RunConfig withMaxRecordsInFlight(long records) {
        return new RunConfig(workers, epochInterval, serializing, restoreStateEveryBatch, records);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunConfig that && workers == that.workers && serializing == that.serializing
                && restoreStateEveryBatch == that.restoreStateEveryBatch
                && maxRecordsInFlight == that.maxRecordsInFlight && epochInterval.equals(that.epochInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workers, epochInterval, serializing, restoreStateEveryBatch, maxRecordsInFlight);
    }

    @Override
    public String toString() {
        return "RunConfig[workers=" + workers + ", epochInterval=" + epochInterval + ", serializing=" + serializing
                + ", restoreStateEveryBatch=" + restoreStateEveryBatch + ", maxRecordsInFlight=" + maxRecordsInFlight
                + "]";
    }
}
