package dev.weft;

import java.time.Instant;

/**
 * What a callback of a {@link StatefulBatchLogic} or {@link StatefulLogic} can do for its key: read
 * the key and the current times, emit values, discard the key's state, and set or cancel timers.
 *
 * <p>The runtime owns the timers. A key may hold any number of them, in two kinds:
 * <ul>
 *   <li><b>processing-time timers</b>, an {@link Instant} of the run's clock, fire once
 *       {@link #now()} has reached their time;</li>
 *   <li><b>event-time timers</b>, a {@code long} in the units of the input's watermark, fire once
 *       the input {@link #watermark()} has reached their time (all of them at the end of input).</li>
 * </ul>
 * A timer is identified by its key, kind and time: setting one that is already set does nothing,
 * and it fires once, in {@code onProcessingTimer} or {@code onEventTimer}, after the key's values of
 * the same activation and before the end of input. A key's timers of one kind fire in time order;
 * setting one at or before the latest time that already fired for the key and kind does nothing, so
 * a callback that sets the time it is handling again fires once, not in a loop. Timers are part of
 * the key's state: they are snapshotted and restored with it, and {@link #discard()} drops them.
 *
 * <p>The context is handed to a callback and valid only during that call; the runtime reuses it,
 * so emitting allocates nothing but the emitted item. It belongs to the worker's thread.
 *
 * @param <K> the key type
 * @param <W> the type of emitted values
 */
public interface StatefulContext<K, W> {

    /** The key whose callback this is. */
    K key();

    /** Emits {@code value} with the key, downstream of the step. */
    void emit(W value);

    /**
     * Drops the key's logic, state and timers once the callback returns (including timers set
     * after this call); if the key comes back, its builder starts it afresh from {@code null}.
     */
    void discard();

    /**
     * The current processing time, from the run's clock ({@code RunConfig.withClock}, the system
     * clock by default); read once per activation, so it is the same for every callback of it.
     */
    Instant now();

    /**
     * The step's input watermark: no value with an earlier event time is expected any more.
     * {@link Long#MIN_VALUE} while there is none, {@link Long#MAX_VALUE} at the end of input.
     */
    long watermark();

    /** Sets a timer that fires once {@link #now()} reaches {@code time}; at once if it has. */
    void setProcessingTimer(Instant time);

    /** Cancels the key's processing-time timer at {@code time}, if set. */
    void cancelProcessingTimer(Instant time);

    /** Sets a timer that fires once the input {@link #watermark()} reaches {@code time}. */
    void setEventTimer(long time);

    /** Cancels the key's event-time timer at {@code time}, if set. */
    void cancelEventTimer(long time);

    /** Cancels every timer of the key, of both kinds. */
    void cancelTimers();
}
