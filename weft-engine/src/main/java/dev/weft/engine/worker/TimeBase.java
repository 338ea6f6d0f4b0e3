package dev.weft.engine.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns the run's clock into deadlines a worker can compare and sleep on: a {@code long} of
 * nanoseconds on some base. For the system clock the base is {@link System#nanoTime()}, which never
 * jumps, so a wall-clock correction neither fires timers early nor holds them back; for any other
 * clock (a test's manual clock) deadlines are the clock's own instants, so a timer is due exactly
 * when that clock says so.
 */
abstract class TimeBase {

    /** The base for {@code clock}. */
    static TimeBase of(Clock clock) {
        return isSystem(clock) ? new Monotonic(clock) : new OfClock(clock);
    }

    private static boolean isSystem(Clock clock) {
        return clock.getClass() == Clock.systemUTC().getClass();
    }

    /** The deadline for the clock reaching {@code at}. */
    abstract long deadline(Instant at);

    /** Now, on the same base as {@link #deadline(Instant)}. */
    abstract long now();

    /** Nanoseconds from now until {@code deadline}: 0 if it has passed, saturating for far-away ones. */
    final long nanosUntil(long deadline) {
        long now = now();
        if (deadline <= now) {
            return 0;
        }
        long until = deadline - now;
        return until < 0 ? Long.MAX_VALUE : until;
    }

    /** The nanoseconds from {@code from} to {@code to}, saturating at {@code Long.MIN_VALUE}/{@code MAX_VALUE}. */
    static long saturatingNanos(Instant from, Instant to) {
        Duration between = Duration.between(from, to);
        long seconds = between.getSeconds();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L - 1) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1_000_000_000L + 1) {
            return Long.MIN_VALUE;
        }
        return between.toNanos();
    }

    static long saturatingAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /** The system clock, measured on {@link System#nanoTime()}. */
    private static final class Monotonic extends TimeBase {
        private final Clock clock;

        Monotonic(Clock clock) {
            this.clock = clock;
        }

        @Override
        long deadline(Instant at) {
            long now = System.nanoTime();
            return saturatingAdd(now, saturatingNanos(clock.instant(), at));
        }

        @Override
        long now() {
            return System.nanoTime();
        }
    }

    /** Any other clock, measured in nanoseconds since the epoch by its own instants. */
    private static final class OfClock extends TimeBase {
        private static final Instant EPOCH = Instant.EPOCH;
        private final Clock clock;

        OfClock(Clock clock) {
            this.clock = clock;
        }

        @Override
        long deadline(Instant at) {
            return saturatingNanos(EPOCH, at);
        }

        @Override
        long now() {
            return saturatingNanos(EPOCH, clock.instant());
        }
    }
}
