package dev.weft.core;

import java.time.Instant;

/**
 * Event time as the engine carries it in watermarks: whole milliseconds since the epoch, with
 * {@link Long#MIN_VALUE} for "no watermark yet" and {@link Long#MAX_VALUE} for end of input, so
 * timestamps saturate short of both.
 */
final class EventTime {

    private EventTime() {
    }

    /** {@code instant} in milliseconds since the epoch (rounded down), saturated into (MIN_VALUE, MAX_VALUE). */
    static long toMillis(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds > Long.MAX_VALUE / 1000 - 1) {
            return Long.MAX_VALUE - 1;
        }
        if (seconds < Long.MIN_VALUE / 1000 + 1) {
            return Long.MIN_VALUE + 1;
        }
        return seconds * 1000 + instant.getNano() / 1_000_000;
    }

    /** The instant of a watermark: {@link Instant#MIN} before any, {@link Instant#MAX} at end of input. */
    static Instant toInstant(long millis) {
        if (millis == Long.MIN_VALUE) {
            return Instant.MIN;
        }
        if (millis == Long.MAX_VALUE) {
            return Instant.MAX;
        }
        return Instant.ofEpochMilli(millis);
    }

    /** {@code millis} minus {@code delayMillis}, never below {@code MIN_VALUE + 1}. */
    static long minus(long millis, long delayMillis) {
        long result = millis - delayMillis;
        return result > millis || result == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : result;
    }
}
