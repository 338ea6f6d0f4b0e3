package dev.weft.codec;

import java.util.Objects;

/**
 * A key as a hash table should hold it when keys route state: hashed by {@link StableHash}, never
 * by the key's own {@code hashCode()}, and equal by content ({@link Objects#deepEquals}), so that
 * {@code byte[]} keys group by their bytes and records with an inconsistent {@code hashCode()}
 * still group correctly. Immutable; as thread-safe as the key it wraps.
 */
public final class StableKey {

    private final Object key;
    private final int hash;

    /**
     * Wraps {@code key}, computing its stable hash once.
     *
     * @throws IllegalArgumentException if the key's type has no stable hash
     */
    public StableKey(Object key) {
        this.key = key;
        this.hash = Long.hashCode(StableHash.hash(key));
    }

    /** The wrapped key. */
    public Object key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StableKey that && that.hash == hash && Objects.deepEquals(key, that.key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return String.valueOf(key);
    }
}
