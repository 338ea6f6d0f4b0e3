package dev.weft.engine.progress;

import java.util.Arrays;

/**
 * A set of mutually incomparable times of one {@link TimeDomain}: the minimal elements of the
 * times inserted. As a frontier, it answers "could time t still arrive?" with
 * {@link #lessEqual(long)}; an empty antichain means nothing more will ever arrive.
 *
 * <p>Most frontiers hold one element; the storage grows only for incomparable product times.
 * Not thread-safe.
 */
public final class LongAntichain {

    private final TimeDomain domain;
    private long[] elements = new long[1];
    private int size;

    /** An empty antichain over {@code domain}. */
    public LongAntichain(TimeDomain domain) {
        this.domain = domain;
    }

    /** The domain whose order this antichain uses. */
    public TimeDomain domain() {
        return domain;
    }

    /**
     * Adds {@code time} unless some element is already {@code <=} it; removes every element it
     * is {@code <=} to.
     *
     * @return whether the antichain changed
     */
    public boolean insert(long time) {
        for (int i = 0; i < size; i++) {
            if (domain.lessEqual(elements[i], time)) {
                return false;
            }
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!domain.lessEqual(time, elements[i])) {
                elements[kept++] = elements[i];
            }
        }
        size = kept;
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, size * 2);
        }
        elements[size++] = time;
        return true;
    }

    /** Whether some element is {@code <=} {@code time}: time may still arrive. */
    public boolean lessEqual(long time) {
        for (int i = 0; i < size; i++) {
            if (domain.lessEqual(elements[i], time)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some element is strictly less than {@code time}. */
    public boolean lessThan(long time) {
        for (int i = 0; i < size; i++) {
            if (domain.lessThan(elements[i], time)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the antichain is empty: as a frontier, nothing more can arrive. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** The element at {@code index}, in insertion order. */
    public long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return elements[index];
    }

    /** Removes every element. */
    public void clear() {
        size = 0;
    }

    /** Whether this antichain holds exactly the elements of {@code other}. */
    public boolean sameElements(LongAntichain other) {
        if (size != other.size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            boolean found = false;
            for (int j = 0; j < size && !found; j++) {
                found = elements[i] == other.elements[j];
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(domain.format(elements[i]));
        }
        return out.append('}').toString();
    }
}
