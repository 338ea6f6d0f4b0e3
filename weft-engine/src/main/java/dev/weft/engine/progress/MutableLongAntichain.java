package dev.weft.engine.progress;

/**
 * A multiset of times with (possibly transiently negative) counts, and the frontier of the times
 * whose count is positive.
 *
 * <p>{@link #update(long, long, LongChangeBatch)} applies a count change and reports only the
 * changes to the frontier itself: a time entering the frontier as {@code +1}, leaving it as
 * {@code -1}. Counts may go negative when a consumer's decrement arrives before the producer's
 * increment; a negative count never contributes to the frontier. Not thread-safe.
 */
public final class MutableLongAntichain {

    private final TimeDomain domain;
    private final LongAntichain frontier;
    private final LongChangeBatch counts = new LongChangeBatch();

    /** An empty multiset over {@code domain}. */
    public MutableLongAntichain(TimeDomain domain) {
        this.domain = domain;
        this.frontier = new LongAntichain(domain);
    }

    /** The current frontier: the minimal times with a positive count. Do not modify. */
    public LongAntichain frontier() {
        return frontier;
    }

    /** Whether some frontier element is {@code <=} {@code time}. */
    public boolean lessEqual(long time) {
        return frontier.lessEqual(time);
    }

    /** Whether some frontier element is strictly less than {@code time}. */
    public boolean lessThan(long time) {
        return frontier.lessThan(time);
    }

    /** Whether no time has a positive count. */
    public boolean isEmpty() {
        return frontier.isEmpty();
    }

    /**
     * Adds {@code diff} to the count of {@code time}, and appends any change of the frontier to
     * {@code frontierChanges}.
     */
    public void update(long time, long diff, LongChangeBatch frontierChanges) {
        if (diff == 0) {
            return;
        }
        boolean rebuild = !(frontier.lessThan(time) || (diff < 0 && !frontier.lessEqual(time)));
        counts.update(time, diff);
        if (rebuild) {
            rebuild(frontierChanges);
        }
    }

    /**
     * Applies every change in {@code changes} (which is left as it was) and appends the frontier's
     * changes to {@code frontierChanges}.
     */
    public void updateAll(LongChangeBatch changes, LongChangeBatch frontierChanges) {
        int n = changes.size();
        boolean rebuild = false;
        for (int i = 0; i < n; i++) {
            long time = changes.time(i);
            long diff = changes.diff(i);
            if (!rebuild) {
                rebuild = !(frontier.lessThan(time) || (diff < 0 && !frontier.lessEqual(time)));
            }
            counts.update(time, diff);
        }
        if (rebuild) {
            rebuild(frontierChanges);
        }
    }

    private void rebuild(LongChangeBatch frontierChanges) {
        for (int i = 0; i < frontier.size(); i++) {
            frontierChanges.update(frontier.get(i), -1);
        }
        frontier.clear();
        int n = counts.size();
        for (int i = 0; i < n; i++) {
            if (counts.diff(i) > 0) {
                // Times come in the total order, so a later one never dominates an earlier one.
                frontier.insert(counts.time(i));
                if (domain.depth() == 1) {
                    break;
                }
            }
        }
        for (int i = 0; i < frontier.size(); i++) {
            frontierChanges.update(frontier.get(i), +1);
        }
    }

    /** The accumulated count of {@code time} (zero if none). */
    public long count(long time) {
        int n = counts.size();
        for (int i = 0; i < n; i++) {
            if (counts.time(i) == time) {
                return counts.diff(i);
            }
        }
        return 0;
    }

    /** The non-zero counts, consolidated, in time order. Do not modify. */
    public LongChangeBatch counts() {
        counts.compact();
        return counts;
    }

    @Override
    public String toString() {
        return frontier.toString();
    }
}
