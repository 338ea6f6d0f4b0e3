package dev.weft.io.demo;

import dev.weft.codec.CodecRegistry;
import java.time.Instant;
import java.util.Objects;

/**
 * One measurement made by {@link RandomMetricSource}: a metric's name, its value, and when it was
 * taken, in epoch milliseconds (a {@code long} rather than an {@link Instant}, so the record is
 * encodable once registered: {@link #register(CodecRegistry)}).
 *
 * @param name the metric's name
 * @param value the value
 * @param epochMillis when the value was taken, in milliseconds since the epoch
 */
public record Metric(String name, double value, long epochMillis) {

    /** The stable name under which {@link #register(CodecRegistry)} registers this record. */
    public static final String CODEC_NAME = "dev.weft.io.demo.Metric";

    /**
     * Checks the name is present.
     *
     * @param name the metric's name
     * @param value the value
     * @param epochMillis when the value was taken, in milliseconds since the epoch
     */
    public Metric {
        Objects.requireNonNull(name, "name");
    }

    /**
     * When the value was taken.
     *
     * @return the time, as an instant
     */
    public Instant at() {
        return Instant.ofEpochMilli(epochMillis);
    }

    /**
     * Registers this record with {@code codecs} under {@link #CODEC_NAME}, as a run that encodes its
     * items (between processes, or in serializing mode) needs.
     *
     * @param codecs a registry that is not frozen yet
     * @return {@code codecs}, for chaining
     */
    public static CodecRegistry register(CodecRegistry codecs) {
        return codecs.registerRecord(Metric.class, CODEC_NAME);
    }
}
