package dev.weft;

import java.time.Instant;

/**
 * Per-key logic that sees one value at a time: the item-by-item form of
 * {@link StatefulBatchLogic}, adapted to it by {@link KeyedStream#stateful}. Same lifecycle and
 * threading rules.
 *
 * @param <V> the value type in
 * @param <W> the value type out
 * @param <S> the state type
 */
public interface StatefulLogic<V, W, S> {

    /** Processes one value of the key. */
    LogicResult<W> onItem(V value);

    /** Called once the time {@link #notifyAt()} returned has come. */
    default LogicResult<W> onNotify() {
        return LogicResult.nothing();
    }

    /** Called when the input ends. */
    default LogicResult<W> onEof() {
        return LogicResult.nothing();
    }

    /** When to call {@link #onNotify()}, or {@code null}. */
    default Instant notifyAt() {
        return null;
    }

    /** The key's state. */
    S snapshot();
}
