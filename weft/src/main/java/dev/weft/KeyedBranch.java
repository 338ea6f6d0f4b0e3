package dev.weft;

/**
 * The two keyed streams of a {@link KeyedStream#branch branch} step; both keep the key type.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param trues the items the predicate accepted
 * @param falses the items it rejected
 */
public record KeyedBranch<K, V>(KeyedStream<K, V> trues, KeyedStream<K, V> falses) {
}
