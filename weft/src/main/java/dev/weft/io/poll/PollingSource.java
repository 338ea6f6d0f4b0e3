package dev.weft.io.poll;

import dev.weft.io.AbortExecution;
import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A source that calls a function every {@code interval} and emits what it returns: for low-rate
 * polling of an API, a database query, a directory listing (seconds to hours apart; Bytewax's
 * {@code SimplePollingSource}).
 *
 * <p><b>Time</b> is the run's clock ({@code RunConfig.withClock}): the system clock, or a
 * {@code TestClock} that a test moves, so a polling flow is tested without sleeps.
 *
 * <p><b>Schedule</b>: the first call is at once; later calls are at whole intervals after the
 * first (a call that overran its slot skips the slots it missed, never bursts to catch up). With
 * {@link #alignTo(Instant)}, calls fall on the anchor plus whole intervals instead (every hour on
 * the hour, say), the first at the earliest such time not before the start. The partition tells the
 * runtime when its next call is due ({@code nextAwake}), so it never spins. One partition,
 * {@code "singleton"}, so one worker polls.
 *
 * <p><b>Results</b>: the items of the returned {@code Iterable} are emitted in order; {@code null}
 * or empty means nothing this time. Besides returning, the function may throw:
 * <ul>
 *   <li>{@link Retry} to be called again after the delay it names, sooner or later than the next
 *       slot (data not ready yet, a rate limit's {@code Retry-After}); this is not a failure and
 *       uses up no retry;</li>
 *   <li>{@link EndOfInput} to end the input: the source emits nothing more and the run finishes
 *       normally once everything downstream has;</li>
 *   <li>{@link AbortExecution} to stop the whole run at once, as a crash would;</li>
 *   <li>anything else: a failure, retried after {@code backoff}, then after twice that, four
 *       times..., up to {@code maxRetries} retries; a success resets the count. When the retries are
 *       used up the dataflow fails with an {@link IllegalStateException} whose cause is the last
 *       failure (earlier ones are suppressed in it).</li>
 * </ul>
 *
 * <p><b>Resume state</b>: the time of the next scheduled call, in epoch milliseconds
 * ({@code Long}). After a restart the source waits for that time, or calls at once if it has
 * passed, which repeats a call whose results were not covered by the snapshot: at-least-once.
 *
 * <pre>{@code
 * Stream<Price> prices = flow.input("prices", new PollingSource<>(Duration.ofSeconds(1), () -> api.fetchPrices()));
 * }</pre>
 *
 * @param <T> the item type
 */
public final class PollingSource<T> implements PartitionedSource<T, Long> {

    /** Retries after a failed call unless told otherwise. */
    public static final int DEFAULT_MAX_RETRIES = 3;

    /** The wait before the first retry unless told otherwise. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    private static final String PARTITION = "singleton";

    private final Duration interval;
    private final int maxRetries;
    private final Duration backoff;
    private final Poller<T> poller;
    private final Instant anchor;

    /**
     * Calls {@code poller} every {@code interval}, with the default retries and backoff.
     *
     * @param interval the time between calls, positive
     * @param poller the function to call
     */
    public PollingSource(Duration interval, Poller<T> poller) {
        this(interval, DEFAULT_MAX_RETRIES, DEFAULT_BACKOFF, poller);
    }

    /**
     * Calls {@code poller} every {@code interval}.
     *
     * @param interval the time between calls, positive
     * @param maxRetries how many times a failed call is retried before the dataflow fails, at least 0
     * @param backoff the wait before the first retry, doubled for each further one; positive
     * @param poller the function to call
     * @throws IllegalArgumentException if a value is out of range
     */
    public PollingSource(Duration interval, int maxRetries, Duration backoff, Poller<T> poller) {
        this(interval, maxRetries, backoff, poller, null);
    }

    private PollingSource(Duration interval, int maxRetries, Duration backoff, Poller<T> poller, Instant anchor) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive; got " + interval);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must not be negative; got " + maxRetries);
        }
        if (backoff.isNegative() || backoff.isZero()) {
            throw new IllegalArgumentException("backoff must be positive; got " + backoff);
        }
        this.interval = interval;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.poller = Objects.requireNonNull(poller, "poller");
        this.anchor = anchor;
    }

    /**
     * This source with its calls aligned to {@code anchor}: at {@code anchor} plus a whole number of
     * intervals (earlier or later than the anchor), the first at the earliest such time not before
     * the run starts. {@code alignTo(Instant.parse("2024-01-01T00:00:00Z"))} with an interval of
     * one hour polls on the hour.
     *
     * @param anchor a time the schedule passes through
     * @return a new source; this one is unchanged
     */
    public PollingSource<T> alignTo(Instant anchor) {
        return new PollingSource<>(interval, maxRetries, backoff, poller, Objects.requireNonNull(anchor, "anchor"));
    }

    /**
     * The function a {@link PollingSource} calls.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Poller<T> {

        /**
         * Fetches what is new. Called on one worker's thread at a time; may block for as long as
         * the fetch takes (the worker waits).
         *
         * @return the items to emit, or {@code null} or empty for nothing this time
         * @throws Retry to be called again after a given delay (not a failure)
         * @throws EndOfInput to end the input
         * @throws AbortExecution to stop the whole run at once
         * @throws Exception when fetching failed; the call is retried with backoff
         */
        Iterable<? extends T> poll() throws Exception;
    }

    /**
     * Thrown by a {@link Poller} to be called again after {@link #delay()} instead of at the next
     * slot: the data is not ready yet, or the service asked to come back later. Not a failure: it
     * uses up no retry. The slots after a successful call are unchanged.
     */
    public static final class Retry extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final Duration delay;

        /**
         * Asks to be called again after {@code delay}.
         *
         * @param delay how long to wait, not negative
         * @throws IllegalArgumentException if {@code delay} is negative
         */
        public Retry(Duration delay) {
            super("retry after " + delay, null, false, false);
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a retry delay must not be negative; got " + delay);
            }
            this.delay = delay;
        }

        /** How long to wait before the next call. */
        public Duration delay() {
            return delay;
        }
    }

    /** Thrown by a {@link Poller} to end the input: the source emits nothing more. */
    public static final class EndOfInput extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** Ends the input. */
        public EndOfInput() {
            super("end of input", null, false, false);
        }
    }

    /** The single partition, {@code "singleton"}. */
    @Override
    public List<String> listPartitions() {
        return List.of(PARTITION);
    }

    @Override
    public SourcePartition<T, Long> buildPartition(String partition, Long resumeState) {
        return new Partition(resumeState == null ? null : Instant.ofEpochMilli(resumeState));
    }

    @Override
    public String toString() {
        return "PollingSource[every " + interval + (anchor != null ? ", aligned to " + anchor : "") + "]";
    }

    /** Calls the poller when due. */
    private final class Partition implements SourcePartition<T, Long> {
        private Clock clock = Clock.systemUTC();
        /** The slot of the call being made (retries keep it); {@code null} until the first look at the clock. */
        private Instant slot;
        /** When to call next: the slot, or a retry. */
        private Instant due;
        private final List<Exception> failures = new ArrayList<>();
        private boolean ended;

        Partition(Instant resumeAt) {
            this.slot = resumeAt;
            this.due = resumeAt;
        }

        @Override
        public void setClock(Clock runClock) {
            this.clock = Objects.requireNonNull(runClock, "clock");
        }

        /** Fixes the first slot from the clock, once. */
        private void start() {
            if (slot == null) {
                Instant now = clock.instant();
                slot = anchor == null ? now : firstAlignedAtOrAfter(now);
                due = slot;
            }
        }

        @Override
        public List<T> nextBatch() {
            if (ended) {
                return null;
            }
            start();
            Instant now = clock.instant();
            if (now.isBefore(due)) {
                return List.of();
            }
            Iterable<? extends T> result;
            try {
                result = poller.poll();
            } catch (EndOfInput end) {
                ended = true;
                return null;
            } catch (AbortExecution abort) {
                throw abort;
            } catch (Retry retry) {
                due = now.plus(retry.delay());
                return List.of();
            } catch (Exception e) {
                failures.add(e);
                if (failures.size() > maxRetries) {
                    throw gaveUp();
                }
                due = now.plus(backoff.multipliedBy(1L << Math.min(failures.size() - 1, 30)));
                return List.of();
            }
            failures.clear();
            slot = nextSlot(slot, now);
            due = slot;
            List<T> batch = new ArrayList<>();
            if (result != null) {
                for (T item : result) {
                    batch.add(item);
                }
            }
            return batch;
        }

        @Override
        public Instant nextAwake() {
            if (ended) {
                return null;
            }
            start();
            return due;
        }

        @Override
        public Long snapshot() {
            start();
            return slot.toEpochMilli();
        }

        @Override
        public void close() {
        }

        private Instant firstAlignedAtOrAfter(Instant now) {
            // Truncating toward zero lands at or before now for an anchor in the past, after it for one in the future.
            Instant aligned = anchor.plus(interval.multipliedBy(Duration.between(anchor, now).dividedBy(interval)));
            return aligned.isBefore(now) ? aligned.plus(interval) : aligned;
        }

        private Instant nextSlot(Instant current, Instant now) {
            Instant next = current.plus(interval);
            if (!next.isAfter(now)) {
                long missed = Duration.between(next, now).toNanos() / interval.toNanos() + 1;
                next = next.plus(interval.multipliedBy(missed));
            }
            return next;
        }

        private IllegalStateException gaveUp() {
            Exception last = failures.get(failures.size() - 1);
            IllegalStateException error = new IllegalStateException("polling failed " + failures.size()
                    + " times in a row (" + maxRetries + " retries); last failure: " + last, last);
            for (Exception earlier : failures.subList(0, failures.size() - 1)) {
                error.addSuppressed(earlier);
            }
            failures.clear();
            return error;
        }
    }
}
