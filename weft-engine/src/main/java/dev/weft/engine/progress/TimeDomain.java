package dev.weft.engine.progress;

import java.util.Arrays;

/**
 * The partially ordered set of timestamps used inside one scope, with every timestamp encoded
 * as a non-negative {@code long}.
 *
 * <p>The root scope uses {@link #EPOCHS}: a time is an epoch, and the order is the order of
 * numbers. A loop scope nested in a scope with domain {@code D} uses {@code D.product(bits)}:
 * a time is the pair (outer time, iteration) packed as {@code outer << bits | iteration}, and the
 * order is the product order (both coordinates {@code <=}). Nesting again packs a third level.
 *
 * <p>The natural order of the encoded {@code long}s is lexicographic over the levels; it is a
 * total order compatible with the partial order (if {@code a <= b} in the domain then
 * {@code a <= b} as numbers), which is what sorting and consolidation use.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TimeDomain {

    /** The root scope's domain: epochs, 0 to {@code Long.MAX_VALUE}, totally ordered. */
    public static final TimeDomain EPOCHS = new TimeDomain(null, new int[] {63});

    /** Returned by {@link PathSummary#resultsIn(long)} when a time cannot travel a path. */
    public static final long NO_TIME = -1L;

    private final TimeDomain outer;
    /** Bit width of each level, outermost first. */
    private final int[] widths;
    private final int[] shifts;
    private final long[] masks;

    private TimeDomain(TimeDomain outer, int[] widths) {
        this.outer = outer;
        this.widths = widths;
        this.shifts = new int[widths.length];
        this.masks = new long[widths.length];
        int shift = 0;
        for (int level = widths.length - 1; level >= 0; level--) {
            shifts[level] = shift;
            masks[level] = widths[level] == 63 ? Long.MAX_VALUE : (1L << widths[level]) - 1;
            shift += widths[level];
        }
    }

    /**
     * The domain of a loop scope nested in this one: (time of this domain, iteration), with
     * {@code iterationBits} bits for the iteration counter.
     *
     * @param iterationBits bits for the iteration counter, 1 to 31; the outermost level gives them up
     * @return the product domain
     * @throws IllegalArgumentException if the bits are out of range or leave the epoch fewer than 24 bits
     */
    public TimeDomain product(int iterationBits) {
        if (iterationBits < 1 || iterationBits > 31) {
            throw new IllegalArgumentException("iteration bits must be 1..31; got " + iterationBits);
        }
        int[] next = Arrays.copyOf(widths, widths.length + 1);
        next[0] -= iterationBits;
        if (next[0] < 24) {
            throw new IllegalArgumentException("nesting too deep: the epoch would keep only " + next[0]
                    + " bits; use fewer iteration bits");
        }
        next[widths.length] = iterationBits;
        return new TimeDomain(this, next);
    }

    /** The enclosing scope's domain, or {@code null} for the root. */
    public TimeDomain outer() {
        return outer;
    }

    /** The number of levels: 1 for epochs, 2 for (epoch, iteration), and so on. */
    public int depth() {
        return widths.length;
    }

    /** The least time of the domain (all coordinates zero). */
    public long minimum() {
        return 0L;
    }

    /** The largest value a coordinate at {@code level} (0 = outermost) can take. */
    public long maxComponent(int level) {
        return masks[level];
    }

    /** Whether {@code a <= b} in the partial order. */
    public boolean lessEqual(long a, long b) {
        if (widths.length == 1) {
            return a <= b;
        }
        for (int level = 0; level < widths.length; level++) {
            if (component(a, level) > component(b, level)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code a < b} in the partial order ({@code a <= b} and {@code a != b}). */
    public boolean lessThan(long a, long b) {
        return a != b && lessEqual(a, b);
    }

    /** The bit position of {@code level}'s coordinate in an encoded time. */
    int shift(int level) {
        return shifts[level];
    }

    /** The coordinate of {@code time} at {@code level} (0 = outermost). */
    public long component(long time, int level) {
        return (time >>> shifts[level]) & masks[level];
    }

    /** The innermost coordinate: the iteration in a loop scope, the epoch in the root. */
    public long iteration(long time) {
        return component(time, widths.length - 1);
    }

    /**
     * Encodes a time from its coordinates, outermost first.
     *
     * @throws IllegalArgumentException if the number of coordinates is wrong or one is out of range
     */
    public long time(long... components) {
        if (components.length != widths.length) {
            throw new IllegalArgumentException("a time of this domain has " + widths.length
                    + " coordinates; got " + components.length);
        }
        long time = 0;
        for (int level = 0; level < widths.length; level++) {
            long c = components[level];
            if (c < 0 || c > masks[level]) {
                throw new IllegalArgumentException("coordinate " + level + " out of range 0.." + masks[level]
                        + ": " + c);
            }
            time |= c << shifts[level];
        }
        return time;
    }

    /**
     * A time of the enclosing domain as it enters this scope: (outer, 0).
     *
     * @throws IllegalStateException if this is the root domain
     * @throws ArithmeticException if the outer time does not fit the narrower outermost level
     */
    public long toInner(long outerTime) {
        requireNested();
        int bits = widths[widths.length - 1];
        if ((outerTime >>> (63 - bits)) != 0) {
            throw new ArithmeticException("time " + outer.format(outerTime) + " does not fit a loop scope with "
                    + bits + " iteration bits");
        }
        return outerTime << bits;
    }

    /** A time of this scope as it leaves to the enclosing scope: its outer part. */
    public long toOuter(long innerTime) {
        requireNested();
        return innerTime >>> widths[widths.length - 1];
    }

    private void requireNested() {
        if (outer == null) {
            throw new IllegalStateException("the root domain has no enclosing scope");
        }
    }

    /** Renders a time for messages: {@code 5} for an epoch, {@code (5, 3)} for a product. */
    public String format(long time) {
        if (widths.length == 1) {
            return Long.toString(time);
        }
        StringBuilder out = new StringBuilder("(");
        for (int level = 0; level < widths.length; level++) {
            if (level > 0) {
                out.append(", ");
            }
            out.append(component(time, level));
        }
        return out.append(')').toString();
    }

    @Override
    public String toString() {
        return widths.length == 1 ? "epochs" : "product" + Arrays.toString(widths);
    }
}
