package dev.weft;

import dev.weft.codec.StableHash;
import java.util.Objects;

/**
 * An item of a {@link KeyedStream}: a key, which routes the item to the worker that owns its state,
 * and a value. Immutable; equal to another pair with equal key and value, as a record would be.
 *
 * <p>The key's {@linkplain StableHash stable hash} is computed once, when the pair is made, and
 * travels with it: the exchange, combiners and stateful steps read {@link #keyHash()} and never
 * hash the key again. So a key without a stable hash is refused where the pair is made.
 *
 * @param <K> the key type (must have a stable hash: String, boxed numbers, byte[], lists and
 *     records of these; see {@link StableHash})
 * @param <V> the value type
 */
public final class KeyValue<K, V> {

    private final K key;
    private final V value;
    private final long keyHash;

    /**
     * A pair, hashing its key.
     *
     * @param key the key
     * @param value the value
     * @throws IllegalArgumentException if the key's type (or a part of it) has no stable hash; the
     *     message names the type and says how to fix it
     */
    public KeyValue(K key, V value) {
        this(key, value, StableHash.hash(key));
    }

    private KeyValue(K key, V value, long keyHash) {
        this.key = key;
        this.value = value;
        this.keyHash = keyHash;
    }

    /**
     * Shorthand for {@code new KeyValue<>(key, value)}.
     *
     * @param key the key
     * @param value the value
     * @param <K> the key type
     * @param <V> the value type
     * @return the pair
     * @throws IllegalArgumentException if the key's type has no stable hash
     */
    public static <K, V> KeyValue<K, V> of(K key, V value) {
        return new KeyValue<>(key, value);
    }

    /** The key. */
    public K key() {
        return key;
    }

    /** The value. */
    public V value() {
        return value;
    }

    /** The key's stable hash, {@code StableHash.hash(key())}, computed when this pair was made. */
    public long keyHash() {
        return keyHash;
    }

    /**
     * The same key, with its hash, and another value: how operators that keep the key make their
     * output without hashing it again.
     *
     * @param newValue the value
     * @param <W> its type
     * @return a new pair
     */
    public <W> KeyValue<K, W> withValue(W newValue) {
        return new KeyValue<>(key, newValue, keyHash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyValue<?, ?> that && Objects.equals(key, that.key)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(key) + Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "KeyValue[key=" + key + ", value=" + value + "]";
    }
}
