package dev.weft;

import java.time.Duration;
import java.time.Instant;

/** Instant arithmetic that saturates instead of overflowing, for timeouts and TTLs of any length. */
final class Times {

    private Times() {
    }

    /** {@code at + duration}, or {@link Instant#MAX} if that is later than it (never). */
    static Instant plusSaturating(Instant at, Duration duration) {
        Duration room = Duration.between(at, Instant.MAX);
        return duration.compareTo(room) >= 0 ? Instant.MAX : at.plus(duration);
    }
}
