package dev.weft.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A hash table from keys to values for keys that travel with their stable hash (a
 * {@code KeyValue}'s {@code keyHash()}): it takes the hash from the caller instead of computing one,
 * never calls the key's {@code hashCode()}, and compares keys by content
 * ({@link Objects#deepEquals}, so {@code byte[]} keys group by their bytes). Lookups and updates of
 * present keys allocate nothing (open addressing with linear probing, in parallel arrays).
 * Iteration follows the slots, not the order of insertion. Internal; not thread-safe.
 *
 * @param <V> the value type
 */
public final class KeyTable<V> {

    /** Stands in the key array for a {@code null} key; an empty slot holds {@code null}. */
    private static final Object NULL_KEY = new Object();
    private static final int MIN_CAPACITY = 16;

    private long[] hashes;
    private Object[] keys;
    private Object[] values;
    private int size;
    private int mask;

    /** An empty table. */
    public KeyTable() {
        this(MIN_CAPACITY);
    }

    /**
     * An empty table with room for about {@code expected} keys before it grows.
     *
     * @param expected the number of keys expected
     */
    public KeyTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, expected * 2 - 1)) << 1;
        allocate(Math.min(capacity, 1 << 30));
    }

    private void allocate(int capacity) {
        hashes = new long[capacity];
        keys = new Object[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    private static int slot(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /**
     * The value of a key.
     *
     * @param hash the key's stable hash
     * @param key the key
     * @return its value, or {@code null} if absent
     */
    @SuppressWarnings("unchecked")
    public V get(long hash, Object key) {
        Object stored = key == null ? NULL_KEY : key;
        for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                return null;
            }
            if (hashes[i] == hash && (k == stored || Objects.deepEquals(k, stored))) {
                return (V) values[i];
            }
        }
    }

    /**
     * Sets the value of a key.
     *
     * @param hash the key's stable hash
     * @param key the key
     * @param value its value
     * @return the previous value, or {@code null}
     */
    @SuppressWarnings("unchecked")
    public V put(long hash, Object key, V value) {
        Object stored = key == null ? NULL_KEY : key;
        int i = slot(hash, mask);
        for (; ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                break;
            }
            if (hashes[i] == hash && (k == stored || Objects.deepEquals(k, stored))) {
                V previous = (V) values[i];
                values[i] = value;
                return previous;
            }
        }
        hashes[i] = hash;
        keys[i] = stored;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return null;
    }

    /**
     * Removes a key.
     *
     * @param hash the key's stable hash
     * @param key the key
     * @return its value, or {@code null} if absent
     */
    @SuppressWarnings("unchecked")
    public V remove(long hash, Object key) {
        Object stored = key == null ? NULL_KEY : key;
        for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                return null;
            }
            if (hashes[i] == hash && (k == stored || Objects.deepEquals(k, stored))) {
                V previous = (V) values[i];
                deleteAt(i);
                size--;
                return previous;
            }
        }
    }

    /** Empties slot {@code hole}, moving later entries of its probe run back so that every key stays findable. */
    private void deleteAt(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (keys[i] == null) {
                break;
            }
            int home = slot(hashes[i], mask);
            // Move the entry at i into the hole unless its home lies cyclically in (hole, i].
            boolean stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
            if (!stays) {
                hashes[hole] = hashes[i];
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = null;
        values[hole] = null;
    }

    private void grow() {
        long[] oldHashes = hashes;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slot(oldHashes[j], mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    /** The number of keys. */
    public int size() {
        return size;
    }

    /** Whether the table holds no key. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Removes every key, keeping the capacity. */
    public void clear() {
        if (size > 0) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
        }
    }

    /**
     * Calls {@code action} with each key and its value; the table must not change meanwhile.
     *
     * @param action receives each key and value
     */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<Object, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            Object k = keys[i];
            if (k != null) {
                action.accept(k == NULL_KEY ? null : k, (V) values[i]);
            }
        }
    }
}
