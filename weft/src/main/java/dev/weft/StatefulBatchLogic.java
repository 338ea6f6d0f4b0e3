package dev.weft;

import java.time.Instant;
import java.util.List;

/**
 * Per-key logic of a stateful step: the way to write a new stateful operator.
 *
 * <p>A {@link KeyedStream#statefulBatch statefulBatch} step keeps one logic object per key, built
 * by the step's builder from the key's resume state ({@code null} for a new key). All values of a
 * key reach the same worker; for each key, the runtime calls, on that worker's thread:
 * <ul>
 *   <li>{@link #onBatch} with the key's values that arrived together, in arrival order;</li>
 *   <li>{@link #onNotify} once the system time reaches what {@link #notifyAt} last returned;</li>
 *   <li>{@link #onEof} when the input has ended;</li>
 *   <li>{@link #snapshot} when the runtime needs the key's state (recovery, and tests that
 *       restore state between batches).</li>
 * </ul>
 * A callback that returns {@code discard} drops the logic; the key starts fresh if it comes back.
 * Values are processed in epoch order. One logic object is only ever called by one thread at a
 * time and need not be thread-safe.
 *
 * @param <V> the value type in
 * @param <W> the value type out
 * @param <S> the state type, returned by {@link #snapshot()}: immutable, encodable by the codecs
 */
public interface StatefulBatchLogic<V, W, S> {

    /** Processes the key's values of one batch. */
    LogicResult<W> onBatch(List<V> values);

    /** Called once the time {@link #notifyAt()} returned has come; by default emits nothing. */
    default LogicResult<W> onNotify() {
        return LogicResult.nothing();
    }

    /** Called when the input ends; by default emits nothing. */
    default LogicResult<W> onEof() {
        return LogicResult.nothing();
    }

    /**
     * The system time at which to call {@link #onNotify()}, or {@code null} for none. Asked after
     * every callback; a scheduled notification fires once.
     */
    default Instant notifyAt() {
        return null;
    }

    /** The key's state, from which the builder can rebuild an equivalent logic. */
    S snapshot();
}
