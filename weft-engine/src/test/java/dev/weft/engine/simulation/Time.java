package dev.weft.engine.simulation;

import dev.weft.engine.progress.TimeDomain;
import java.util.Arrays;

/**
 * A logical time as the oracle and the sequential model see it: its coordinates, outermost first
 * ({@code [epoch]} in the root scope, {@code [epoch, iteration]} in a loop, one more per nesting).
 *
 * <p>Kept apart from the engine's long encoding on purpose: the oracle orders and maps times with
 * its own code, and meets the engine only through {@link #decode} and {@link #encode}.
 */
final class Time implements Comparable<Time> {

    private final long[] coordinates;

    private Time(long[] coordinates) {
        this.coordinates = coordinates;
    }

    static Time of(long... coordinates) {
        return new Time(coordinates.clone());
    }

    /** The engine's encoded {@code time} of {@code domain}, as coordinates. */
    static Time decode(long time, TimeDomain domain) {
        long[] c = new long[domain.depth()];
        for (int level = 0; level < c.length; level++) {
            c[level] = domain.component(time, level);
        }
        return new Time(c);
    }

    long encode(TimeDomain domain) {
        return domain.time(coordinates);
    }

    int depth() {
        return coordinates.length;
    }

    long epoch() {
        return coordinates[0];
    }

    /** The innermost coordinate: the iteration of the innermost loop (the epoch in the root). */
    long innermost() {
        return coordinates[coordinates.length - 1];
    }

    /** The product partial order: every coordinate {@code <=}. */
    boolean lessEqual(Time other) {
        for (int i = 0; i < coordinates.length; i++) {
            if (coordinates[i] > other.coordinates[i]) {
                return false;
            }
        }
        return true;
    }

    /** Entering a loop: (t, 0). */
    Time enter() {
        long[] c = Arrays.copyOf(coordinates, coordinates.length + 1);
        return new Time(c);
    }

    /** Leaving a loop: the outer part. */
    Time leave() {
        return new Time(Arrays.copyOf(coordinates, coordinates.length - 1));
    }

    /** This time with {@code amount} added at {@code level}. */
    Time plus(int level, long amount) {
        long[] c = coordinates.clone();
        c[level] += amount;
        return new Time(c);
    }

    /** One more iteration of the innermost loop, or {@code null} past {@code maxIteration}. */
    Time nextIteration(long maxIteration) {
        return innermost() >= maxIteration ? null : plus(coordinates.length - 1, 1);
    }

    /** Whether this time's outer coordinates are {@code prefix}'s. */
    boolean startsWith(Time prefix) {
        if (prefix.coordinates.length >= coordinates.length) {
            return false;
        }
        for (int i = 0; i < prefix.coordinates.length; i++) {
            if (coordinates[i] != prefix.coordinates[i]) {
                return false;
            }
        }
        return true;
    }

    /** Lexicographic: a total order compatible with the partial order. */
    @Override
    public int compareTo(Time other) {
        return Arrays.compare(coordinates, other.coordinates);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Time t && Arrays.equals(coordinates, t.coordinates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        if (coordinates.length == 1) {
            return Long.toString(coordinates[0]);
        }
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < coordinates.length; i++) {
            out.append(i == 0 ? "" : ", ").append(coordinates[i]);
        }
        return out.append(')').toString();
    }
}
