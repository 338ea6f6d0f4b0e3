package dev.weft.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when a test moves it: give it to a run
 * ({@code RunConfig.withClock(clock)}) and every time-based behaviour of that run (polling
 * intervals, batching deadlines, collect timeouts, cache lifetimes, processing-time timers, epoch
 * boundaries) follows it instead of the wall clock, so a test needs no sleeps and gets exact
 * output.
 *
 * <p>When the clock moves ({@link #advance(Duration)}, {@link #set(Instant)}), the run wakes every
 * worker at once, so operators and sources whose time has come run without delay. Thread-safe:
 * the test thread moves it while the run's workers read it.
 *
 * <p>Run the dataflow on another thread and move the clock once the run has done what the current
 * time allows (here a poller releases {@code called} on each call; see {@code docs/testing.md}):
 *
 * <pre>{@code
 * CompletableFuture<Void> run = CompletableFuture.runAsync(() ->
 *         Testing.run(flow, RunConfig.defaults(workers).withClock(clock)));
 * for (int minute = 0; minute < 3; minute++) {
 *     called.acquire(); // this minute's call has been made...
 *     clock.advance(Duration.ofMinutes(1)); // ...so move on to the next
 * }
 * }</pre>
 */
public final class TestClock extends Clock {

    /** Where a clock made with {@link #TestClock()} starts: 2000-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2000-01-01T00:00:00Z");

    private final Shared shared;
    private final ZoneId zone;

    /** A clock at {@link #DEFAULT_START}, in UTC. */
    public TestClock() {
        this(DEFAULT_START);
    }

    /** A clock at {@code start}, in UTC. */
    public TestClock(Instant start) {
        this(new Shared(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private TestClock(Shared shared, ZoneId zone) {
        this.shared = shared;
        this.zone = zone;
    }

    /**
     * Moves the clock forward by {@code duration} and wakes whoever listens.
     *
     * @throws IllegalArgumentException if {@code duration} is negative (use {@link #set(Instant)}
     *     to move back)
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a test clock advances by a duration that is not negative; got "
                    + duration + " (use set(Instant) to move it back)");
        }
        shared.now.updateAndGet(now -> now.plus(duration));
        shared.moved();
    }

    /** Sets the clock to {@code instant} (forward or back) and wakes whoever listens. */
    public void set(Instant instant) {
        shared.now.set(Objects.requireNonNull(instant, "instant"));
        shared.moved();
    }

    /**
     * Calls {@code listener} after every move, on the thread that moved the clock. The runtime uses
     * this to wake its workers; it needs no call from tests.
     *
     * @return closing it stops the calls
     */
    public Subscription onMove(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        shared.listeners.add(listener);
        return () -> shared.listeners.remove(listener);
    }

    @Override
    public Instant instant() {
        return shared.now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock (moving with this one) in another zone. */
    @Override
    public TestClock withZone(ZoneId otherZone) {
        return new TestClock(shared, Objects.requireNonNull(otherZone, "zone"));
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + ", " + zone + "]";
    }

    /** A listener's registration with {@link #onMove(Runnable)}. */
    public interface Subscription extends AutoCloseable {
        /** Stops the calls. Idempotent. */
        @Override
        void close();
    }

    /** The time and listeners every zone's view of one clock shares. */
    private static final class Shared {
        final AtomicReference<Instant> now;
        final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

        Shared(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void moved() {
            for (Runnable listener : listeners) {
                listener.run();
            }
        }
    }
}
