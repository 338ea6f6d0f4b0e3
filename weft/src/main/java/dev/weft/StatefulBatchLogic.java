package dev.weft;

import java.time.Instant;
import java.util.List;

/**
 * Per-key logic of a stateful step: the way to write a new stateful operator.
 *
 * <p>A {@link KeyedStream#statefulBatch statefulBatch} step keeps one logic object per key, built
 * by the step's builder from the key's resume state ({@code null} for a new key). All values of a
 * key reach the same worker. In each activation of the step, the runtime calls, on that worker's
 * thread and in this order:
 * <ol>
 *   <li>{@link #onBatch} for each key with values, with the key's values of one epoch, in arrival
 *       order (epochs in order);</li>
 *   <li>{@link #onEventTimer} for each due event-time timer, then {@link #onProcessingTimer} for
 *       each due processing-time timer, each kind in time order;</li>
 *   <li>{@link #onEof} for every live key, once the input has ended.</li>
 * </ol>
 * {@link #snapshot} is called when the runtime needs the key's state (recovery, and tests that
 * restore state after every callback). Each callback gets a {@link StatefulContext}: the key, the
 * current times, emitting, discarding, and the key's timers, which the runtime owns and snapshots
 * with the state. One logic object is only ever called by one thread at a time and need not be
 * thread-safe; the builder is shared by all workers and must be.
 *
 * @param <K> the key type
 * @param <V> the value type in
 * @param <W> the value type out
 * @param <S> the state type, returned by {@link #snapshot()}: immutable, encodable by the codecs
 */
public interface StatefulBatchLogic<K, V, W, S> {

    /** Processes the key's values of one epoch that arrived together, in arrival order. */
    void onBatch(List<V> values, StatefulContext<K, W> context);

    /** Called when a processing-time timer of the key fires; {@code time} is the timer's. By default does nothing. */
    default void onProcessingTimer(Instant time, StatefulContext<K, W> context) {
    }

    /** Called when an event-time timer of the key fires; {@code time} is the timer's. By default does nothing. */
    default void onEventTimer(long time, StatefulContext<K, W> context) {
    }

    /**
     * Called when the input ends, after every due timer; by default does nothing. The logic is
     * dropped afterwards, with its timers.
     */
    default void onEof(StatefulContext<K, W> context) {
    }

    /** The key's state, from which the builder can rebuild an equivalent logic (timers are kept apart). */
    S snapshot();
}
