package dev.weft.engine.progress;

import java.util.Arrays;

/**
 * A lazily consolidated list of (location, time, count change) triples: the changes one
 * operator invocation, one worker step or one progress message makes to pointstamp counts.
 *
 * <p>A location is an int that a {@link Reachability} tracker hands out for each operator
 * input (target) and output (source). Consolidation sorts by (location, time), sums, and drops
 * zeros, so only net changes leave a batch. Not thread-safe; a batch sent to other workers is
 * {@link #copy() copied} first and never modified again.
 */
public final class PointstampBatch {

    private int[] locations;
    private long[] times;
    private long[] diffs;
    private int size;
    private int clean;

    /** An empty batch. */
    public PointstampBatch() {
        this(8);
    }

    /** An empty batch with room for {@code capacity} entries before it grows. */
    public PointstampBatch(int capacity) {
        int c = Math.max(1, capacity);
        locations = new int[c];
        times = new long[c];
        diffs = new long[c];
    }

    /** Adds {@code diff} to the count of ({@code location}, {@code time}); zero is ignored. */
    public void update(int location, long time, long diff) {
        if (diff == 0) {
            return;
        }
        if (size == times.length) {
            if (size > 32 && size >> 1 >= clean) {
                compact();
            }
            if (size == times.length) {
                locations = Arrays.copyOf(locations, size * 2);
                times = Arrays.copyOf(times, size * 2);
                diffs = Arrays.copyOf(diffs, size * 2);
            }
        }
        locations[size] = location;
        times[size] = time;
        diffs[size] = diff;
        size++;
    }

    /** Adds every change of {@code other} to this batch. */
    public void addAll(PointstampBatch other) {
        for (int i = 0; i < other.size; i++) {
            update(other.locations[i], other.times[i], other.diffs[i]);
        }
    }

    /** Consolidates: sorts by (location, time), sums equal pairs, drops zero sums. */
    public void compact() {
        if (clean == size) {
            return;
        }
        if (size > 1) {
            Sorting.sort(locations, times, diffs, size);
        }
        int out = 0;
        int i = 0;
        while (i < size) {
            int location = locations[i];
            long time = times[i];
            long sum = 0;
            while (i < size && locations[i] == location && times[i] == time) {
                sum += diffs[i++];
            }
            if (sum != 0) {
                locations[out] = location;
                times[out] = time;
                diffs[out] = sum;
                out++;
            }
        }
        size = out;
        clean = out;
    }

    /** Whether there is no net change (consolidates first). */
    public boolean isEmpty() {
        compact();
        return size == 0;
    }

    /** The number of net changes (consolidates first). */
    public int size() {
        compact();
        return size;
    }

    /** The location of entry {@code i}; call {@link #size()} first. */
    public int location(int i) {
        return locations[i];
    }

    /** The time of entry {@code i}; call {@link #size()} first. */
    public long time(int i) {
        return times[i];
    }

    /** The net change of entry {@code i}; call {@link #size()} first. */
    public long diff(int i) {
        return diffs[i];
    }

    /** A consolidated, independent copy. */
    public PointstampBatch copy() {
        compact();
        PointstampBatch copy = new PointstampBatch(size);
        System.arraycopy(locations, 0, copy.locations, 0, size);
        System.arraycopy(times, 0, copy.times, 0, size);
        System.arraycopy(diffs, 0, copy.diffs, 0, size);
        copy.size = size;
        copy.clean = size;
        return copy;
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
            out.append('@').append(locations[i]).append(' ').append(times[i]).append(':')
                    .append(diffs[i] > 0 ? "+" : "").append(diffs[i]);
        }
        return out.append(']').toString();
    }
}
