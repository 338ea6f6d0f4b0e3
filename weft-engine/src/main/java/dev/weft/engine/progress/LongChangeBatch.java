package dev.weft.engine.progress;

import java.util.Arrays;

/**
 * A lazily consolidated list of (time, count change) pairs: the currency of progress tracking.
 *
 * <p>{@link #update} appends in O(1); the batch consolidates (sorts by time, sums equal times,
 * drops zeros) when read, or by itself once it holds more than 32 entries and at least half of
 * them are unconsolidated. Only net, non-zero changes ever come out. Not thread-safe.
 */
public final class LongChangeBatch {

    private static final int COMPACT_THRESHOLD = 32;

    private long[] times;
    private long[] diffs;
    private int size;
    /** The number of leading entries that are sorted, distinct and non-zero. */
    private int clean;

    /** An empty batch. */
    public LongChangeBatch() {
        this(4);
    }

    /** An empty batch with room for {@code capacity} entries before it grows. */
    public LongChangeBatch(int capacity) {
        times = new long[Math.max(1, capacity)];
        diffs = new long[Math.max(1, capacity)];
    }

    /** Adds {@code diff} to the count of {@code time}. A zero diff is ignored. */
    public void update(long time, long diff) {
        if (diff == 0) {
            return;
        }
        if (size == times.length) {
            if (size > COMPACT_THRESHOLD && size >> 1 >= clean) {
                compact();
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                diffs = Arrays.copyOf(diffs, size * 2);
            }
        }
        times[size] = time;
        diffs[size] = diff;
        size++;
    }

    /** Consolidates: sorts by time, sums equal times, drops zero sums. */
    public void compact() {
        if (clean == size) {
            return;
        }
        if (size > 1) {
            Sorting.sort(times, diffs, size);
        }
        int out = 0;
        int i = 0;
        while (i < size) {
            long time = times[i];
            long sum = 0;
            while (i < size && times[i] == time) {
                sum += diffs[i++];
            }
            if (sum != 0) {
                times[out] = time;
                diffs[out] = sum;
                out++;
            }
        }
        size = out;
        clean = out;
    }

    /** Whether the batch holds no net change (consolidates first). */
    public boolean isEmpty() {
        if (clean != size) {
            compact();
        }
        return size == 0;
    }

    /** The number of distinct times with a non-zero net change (consolidates first). */
    public int size() {
        compact();
        return size;
    }

    /** The time of entry {@code i} of the consolidated batch; call {@link #size()} first. */
    public long time(int i) {
        return times[i];
    }

    /** The net change of entry {@code i} of the consolidated batch; call {@link #size()} first. */
    public long diff(int i) {
        return diffs[i];
    }

    /** Moves every change into {@code target} and leaves this batch empty. */
    public void drainInto(LongChangeBatch target) {
        compact();
        for (int i = 0; i < size; i++) {
            target.update(times[i], diffs[i]);
        }
        clear();
    }

    /** Removes every change. */
    public void clear() {
        size = 0;
        clean = 0;
    }

    @Override
    public String toString() {
        compact();
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(times[i]).append(':').append(diffs[i] > 0 ? "+" : "").append(diffs[i]);
        }
        return out.append(']').toString();
    }
}
