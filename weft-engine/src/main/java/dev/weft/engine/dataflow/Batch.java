package dev.weft.engine.dataflow;

import java.util.Arrays;

/**
 * One time and up to {@link #CAPACITY} records: the unit in which records move.
 *
 * <p>A batch has one owner at a time. Pushing it to a channel hands it over: the sender must not
 * touch it afterwards, and the receiver may reuse its array (a map may overwrite items in place
 * and pass the batch on). Batches with records are never empty.
 *
 * <p>A batch on its way to an input also carries its sender's watermark at the moment it was
 * sent, and the sender's index among the input's senders; a batch with no record and only that
 * stamp is a {@linkplain #isWatermarkOnly() watermark-only message}, which may also say that its
 * sender {@linkplain #isIdle() is idle}. Operators do not see either: {@link InputHandle#next()}
 * absorbs them into {@link InputHandle#watermark()}.
 *
 * @param <T> the record type
 */
public final class Batch<T> {

    /** The number of records a batch holds before it is sent. */
    public static final int CAPACITY = 1024;

    private static final Object[] NO_ITEMS = new Object[0];

    private long time;
    private Object[] items;
    private int size;
    private long watermark = Long.MIN_VALUE;
    private int sender;
    private boolean idle;

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

    /**
     * A message with no record that tells a receiver its sender's watermark advanced.
     *
     * @param sender the sender's index among the receiving input's senders (its worker index
     *     across an exchange or broadcast)
     * @param watermark the sender's new watermark
     * @param <T> the record type of the stream
     * @return the message
     */
    public static <T> Batch<T> watermarkOnly(int sender, long watermark) {
        Batch<T> batch = new Batch<>(0, NO_ITEMS, 0);
        batch.stamp(sender, watermark);
        return batch;
    }

    /**
     * A watermark-only message saying that its sender is idle: until it sends again, it holds back
     * no receiver's watermark.
     *
     * @param sender the sender's index among the receiving input's senders
     * @param watermark the sender's watermark
     * @param <T> the record type of the stream
     * @return the message
     */
    public static <T> Batch<T> idle(int sender, long watermark) {
        Batch<T> batch = watermarkOnly(sender, watermark);
        batch.idle = true;
        return batch;
    }

    /** Whether this is a watermark-only message saying that its sender is idle. */
    public boolean isIdle() {
        return idle;
    }

    /** Whether this is a watermark-only message rather than a batch of records. */
    public boolean isWatermarkOnly() {
        return items == NO_ITEMS;
    }

    /** The sender's watermark when the batch was sent; {@link Long#MIN_VALUE} if it had none. */
    public long watermark() {
        return watermark;
    }

    /** The sender's index among the receiving input's senders. */
    public int sender() {
        return sender;
    }

    /**
     * Stamps the batch with its sender and the sender's current watermark; done by the engine as
     * the batch leaves for an input (and by codecs that rebuild a batch).
     */
    public void stamp(int sender, long watermark) {
        this.sender = sender;
        this.watermark = watermark;
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
        Batch<T> copy = new Batch<>(time, Arrays.copyOf(items, items.length), size);
        copy.stamp(sender, watermark);
        return copy;
    }

    @Override
    public String toString() {
        if (isWatermarkOnly()) {
            return "Watermark(" + watermark + " from " + sender + (idle ? ", idle)" : ")");
        }
        return "Batch@" + time + Arrays.toString(Arrays.copyOf(items, size));
    }
}
