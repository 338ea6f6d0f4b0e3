package dev.weft.runtime;

import java.time.Duration;

/**
 * How to run a dataflow in this JVM. The types its items and state may hold are declared on the
 * dataflow itself ({@code Dataflow.registerRecord} and its neighbours), not here.
 *
 * @param workers worker threads, at least 1
 * @param epochInterval how long each input epoch lasts (Bytewax's default: 10 s)
 * @param serializing whether exchanged items go through the codecs, as between processes
 * @param restoreStateEveryBatch for tests: rebuild each key's state from its encoded snapshot
 *     after every callback
 * @param maxRecordsInFlight sources are held back while more items than this are in flight
 */
public record RunConfig(int workers, Duration epochInterval, boolean serializing,
        boolean restoreStateEveryBatch, long maxRecordsInFlight) {

    /** Validates the settings. */
    public RunConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1; got " + workers);
        }
        if (epochInterval.isNegative()) {
            throw new IllegalArgumentException("epoch interval must not be negative; got " + epochInterval);
        }
    }

    /** Defaults for {@code workers} workers: 10 s epochs, in-memory exchange. */
    public static RunConfig defaults(int workers) {
        return new RunConfig(workers, Duration.ofSeconds(10), false, false, 1 << 20);
    }

    /** With another number of workers. */
    public RunConfig withWorkers(int n) {
        return new RunConfig(n, epochInterval, serializing, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /** With another epoch interval. */
    public RunConfig withEpochInterval(Duration interval) {
        return new RunConfig(workers, interval, serializing, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /** With serialization of exchanged items on or off. */
    public RunConfig withSerializing(boolean on) {
        return new RunConfig(workers, epochInterval, on, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /** With state restored from encoded snapshots after every callback (tests). */
    public RunConfig withRestoreStateEveryBatch(boolean on) {
        return new RunConfig(workers, epochInterval, serializing, on, maxRecordsInFlight);
    }
}
