package dev.weft;

/**
 * An item of a {@link KeyedStream}: a key, which routes the item to the worker that owns its state,
 * and a value.
 *
 * @param <K> the key type (must have a stable hash: String, boxed numbers, byte[], records of these)
 * @param <V> the value type
 * @param key the key
 * @param value the value
 */
public record KeyValue<K, V>(K key, V value) {

    /** Shorthand for {@code new KeyValue<>(key, value)}. */
    public static <K, V> KeyValue<K, V> of(K key, V value) {
        return new KeyValue<>(key, value);
    }
}
