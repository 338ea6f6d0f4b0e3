package dev.weft;

/**
 * How a {@link KeyedStream#join join} combines the values of its sides.
 *
 * @param insert what a side keeps when it sees several values for a key
 * @param emit when rows are emitted
 */
public record JoinMode(Insert insert, Emit emit) {

    /** The default: keep each side's last value, emit once every side has one. */
    public static final JoinMode DEFAULT = new JoinMode(Insert.LAST, Emit.COMPLETE);

    /** What a side keeps. */
    public enum Insert {
        /** The first value seen. */
        FIRST,
        /** The latest value. */
        LAST,
        /** Every value; rows are the cross product of the sides. */
        PRODUCT
    }

    /** When rows are emitted. */
    public enum Emit {
        /** Once every side has a value; then the key's state is discarded. */
        COMPLETE,
        /** At the end of input, with {@code null} for missing sides; then discarded. */
        FINAL,
        /** On every value, with {@code null} for missing sides; state is kept forever. */
        RUNNING,
        /**
         * Each new combination of one value per side, exactly once, as it becomes complete: a new
         * value is combined with what the other sides hold (with {@code PRODUCT}, every value they
         * saw), whatever the order of arrival; nothing for a side without a value. An incremental
         * inner join, as SQL's and Flink's regular joins; state is kept forever.
         */
        INCREMENTAL
    }
}
