package dev.weft.runtime;

import dev.weft.WeftCodecs;
import dev.weft.codec.CodecRegistry;
import java.time.Duration;

/**
 * How to run a dataflow in this JVM.
 *
 * @param workers worker threads, at least 1
 * @param epochInterval how long each input epoch lasts (Bytewax's default: 10 s)
 * @param serializing whether exchanged items go through the codecs, as between processes
 * @param codecs the registry of types that may be encoded (items, state)
 * @param restoreStateEveryBatch for tests: rebuild each key's state from its encoded snapshot
 *     after every callback
 * @param maxRecordsInFlight sources are held back while more items than this are in flight
 */
public record RunConfig(int workers, Duration epochInterval, boolean serializing, CodecRegistry codecs,
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

    /** Defaults for {@code workers} workers: 10 s epochs, in-memory exchange, Weft's codecs. */
    public static RunConfig defaults(int workers) {
        return new RunConfig(workers, Duration.ofSeconds(10), false, WeftCodecs.defaults(), false, 1 << 20);
    }

    /** With another number of workers. */
    public RunConfig withWorkers(int n) {
        return new RunConfig(n, epochInterval, serializing, codecs, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /** With another epoch interval. */
    public RunConfig withEpochInterval(Duration interval) {
        return new RunConfig(workers, interval, serializing, codecs, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /** With serialization of exchanged items on or off. */
    public RunConfig withSerializing(boolean on) {
        return new RunConfig(workers, epochInterval, on, codecs, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /** With another codec registry. */
    public RunConfig withCodecs(CodecRegistry registry) {
        return new RunConfig(workers, epochInterval, serializing, registry, restoreStateEveryBatch, maxRecordsInFlight);
    }

    /** With state restored from encoded snapshots after every callback (tests). */
    public RunConfig withRestoreStateEveryBatch(boolean on) {
        return new RunConfig(workers, epochInterval, serializing, codecs, on, maxRecordsInFlight);
    }
}
