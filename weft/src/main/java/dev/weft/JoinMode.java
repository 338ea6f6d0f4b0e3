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
        RUNNING
    }
}
