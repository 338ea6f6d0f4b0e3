package dev.weft.engine.progress;

import java.util.Arrays;
import java.util.List;

/**
 * The least a path through the dataflow graph does to a timestamp: add a non-negative amount to
 * each coordinate of the time (the identity adds nothing; a loop's feedback edge adds 1 to the
 * iteration).
 *
 * <p>Summaries are partially ordered coordinate-wise; a set of paths between two locations is kept
 * as an antichain of summaries (a list of mutually incomparable summaries, see
 * {@link #insertInto(List, PathSummary)}). Applying a summary never moves a time backwards.
 * Immutable.
 */
public final class PathSummary {

    private final TimeDomain domain;
    private final long[] adds;

    private PathSummary(TimeDomain domain, long[] adds) {
        this.domain = domain;
        this.adds = adds;
    }

    /** The summary of a path that leaves every time as it is. */
    public static PathSummary identity(TimeDomain domain) {
        return new PathSummary(domain, new long[domain.depth()]);
    }

    /**
     * A summary adding {@code adds[level]} to each coordinate, outermost first.
     *
     * @throws IllegalArgumentException if the count of coordinates is wrong or one is negative
     */
    public static PathSummary of(TimeDomain domain, long... adds) {
        if (adds.length != domain.depth()) {
            throw new IllegalArgumentException("a summary in " + domain + " has " + domain.depth()
                    + " coordinates; got " + adds.length);
        }
        for (long add : adds) {
            if (add < 0) {
                throw new IllegalArgumentException("path summaries never move time backwards; got " + add);
            }
        }
        return new PathSummary(domain, adds.clone());
    }

    /** A summary adding one to the innermost coordinate: a loop's feedback edge. */
    public static PathSummary nextIteration(TimeDomain domain) {
        long[] adds = new long[domain.depth()];
        adds[adds.length - 1] = 1;
        return new PathSummary(domain, adds);
    }

    /** The domain whose times this summary applies to. */
    public TimeDomain domain() {
        return domain;
    }

    /** Whether this summary leaves every time unchanged. */
    public boolean isIdentity() {
        for (long add : adds) {
            if (add != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The time {@code time} becomes on this path, or {@link TimeDomain#NO_TIME} if a coordinate
     * would overflow (the time can never travel the path).
     */
    public long resultsIn(long time) {
        long result = time;
        for (int level = 0; level < adds.length; level++) {
            long add = adds[level];
            if (add == 0) {
                continue;
            }
            long c = domain.component(time, level);
            if (c > domain.maxComponent(level) - add) {
                return TimeDomain.NO_TIME;
            }
            result += add << domain.shift(level);
        }
        return result;
    }

    /** The summary of this path followed by {@code next}, or {@code null} if it overflows. */
    public PathSummary followedBy(PathSummary next) {
        long[] sum = new long[adds.length];
        for (int level = 0; level < adds.length; level++) {
            long a = adds[level];
            long b = next.adds[level];
            if (a > domain.maxComponent(level) - b) {
                return null;
            }
            sum[level] = a + b;
        }
        return new PathSummary(domain, sum);
    }

    /** Whether this summary is coordinate-wise at most {@code other}. */
    public boolean lessEqual(PathSummary other) {
        for (int level = 0; level < adds.length; level++) {
            if (adds[level] > other.adds[level]) {
                return false;
            }
        }
        return true;
    }

    /**
     * This summary as seen from the enclosing scope: its outer coordinates (a loop's inner
     * iterations do not advance outer time).
     */
    public PathSummary outerSummary() {
        if (domain.outer() == null) {
            throw new IllegalStateException("a summary of the root domain has no enclosing scope");
        }
        return new PathSummary(domain.outer(), Arrays.copyOf(adds, adds.length - 1));
    }

    /**
     * Inserts {@code summary} into an antichain of summaries, keeping only minimal elements.
     *
     * @return whether the antichain changed
     */
    public static boolean insertInto(List<PathSummary> antichain, PathSummary summary) {
        for (PathSummary existing : antichain) {
            if (existing.lessEqual(summary)) {
                return false;
            }
        }
        antichain.removeIf(summary::lessEqual);
        antichain.add(summary);
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathSummary other && Arrays.equals(adds, other.adds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(adds);
    }

    @Override
    public String toString() {
        return adds.length == 1 ? "+" + adds[0] : "+" + Arrays.toString(adds);
    }
}
