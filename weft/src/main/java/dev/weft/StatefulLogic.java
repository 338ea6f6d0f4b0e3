package dev.weft;

import java.time.Instant;

/**
 * Per-key logic that sees one value at a time: the item-by-item form of
 * {@link StatefulBatchLogic}, adapted to it by {@link KeyedStream#stateful}. Same lifecycle,
 * context and threading rules. A value whose callback discards the key is followed, within the
 * same batch, by a logic the builder makes afresh from {@code null}.
 *
 * @param <K> the key type
 * @param <V> the value type in
 * @param <W> the value type out
 * @param <S> the state type
 */
public interface StatefulLogic<K, V, W, S> {

    /** Processes one value of the key. */
    void onItem(V value, StatefulContext<K, W> context);

    /** Called when a processing-time timer of the key fires; by default does nothing. */
    default void onProcessingTimer(Instant time, StatefulContext<K, W> context) {
    }

    /** Called when an event-time timer of the key fires; by default does nothing. */
    default void onEventTimer(long time, StatefulContext<K, W> context) {
    }

    /** Called when the input ends; by default does nothing. */
    default void onEof(StatefulContext<K, W> context) {
    }

    /** The key's state. */
    S snapshot();
}
