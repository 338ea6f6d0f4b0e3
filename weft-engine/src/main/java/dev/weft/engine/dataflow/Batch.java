package dev.weft.engine.dataflow;

import java.util.Arrays;

/**
 * One time and up to {@link #CAPACITY} records: the unit in which records move.
 *
 * <p>A batch has one owner at a time. Pushing it to a channel hands it over: the sender must not
 * touch it afterwards, and the receiver may reuse its array (a map may overwrite items in place
 * and pass the batch on). Batches sent on channels are never empty.
 *
 * @param <T> the record type
 */
public final class Batch<T> {

    /** The number of records a batch holds before it is sent. */
    public static final int CAPACITY = 1024;

    private long time;
    private Object[] items;
    private int size;

    /** An empty batch at {@code time} with the default capacity. */
    public Batch(long time) {
        this(time, new Object[CAPACITY], 0);
    }

    /** A batch over {@code items[0..size)} at {@code time}; the batch takes the array. */
    public Batch(long time, Object[] items, int size) {
        this.time = time;
        this.items = items;
        this.size = size;
    }

    /** The time of every record in the batch. */
    public long time() {
        return time;
    }

    /** Changes the batch's time (used when a batch enters or leaves a loop scope). */
    public void setTime(long time) {
        this.time = time;
    }

    /** The number of records. */
    public int size() {
        return size;
    }

    /** Whether the batch holds no record. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether the batch is at capacity. */
    public boolean isFull() {
        return size == items.length;
    }

    /** Record {@code i}. */
    @SuppressWarnings("unchecked")
    public T get(int i) {
        return (T) items[i];
    }

    /** Replaces record {@code i} (the owner may transform a batch in place). */
    public void set(int i, Object item) {
        items[i] = item;
    }

    /** Appends a record; the caller checks {@link #isFull()} first. */
    public void add(T item) {
        items[size++] = item;
    }

    /** Keeps only the first {@code newSize} records (a filter compacts in place). */
    public void truncate(int newSize) {
        Arrays.fill(items, newSize, size, null);
        size = newSize;
    }

    /** The backing array; records are in {@code [0, size())}. For tight loops of the owner. */
    public Object[] items() {
        return items;
    }

    /** A copy with its own array (for a second reader of the same records). */
    public Batch<T> copy() {
        return new Batch<>(time, Arrays.copyOf(items, items.length), size);
    }

    @Override
    public String toString() {
        return "Batch@" + time + Arrays.toString(Arrays.copyOf(items, size));
    }
}
