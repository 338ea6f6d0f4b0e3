package dev.weft.codec;

import java.util.Objects;

/**
 * Encodes a batch of records, {@code (Object[] items, int size)}, as exchanged between workers: a varint count,
 * then each item as the {@linkplain CodecRegistry#valueCodec(String) value codec} writes it.
 *
 * <p>The whole batch is one naming scope: the stable name of each user type is written the first time it occurs
 * in the batch, nested occurrences included, and later items refer to it by a small index, so a batch of 1,024
 * {@code Order}s carries the name {@code "com.acme.Order"} once.
 *
 * <p><b>Threads.</b> Stateless and safe to share between threads; the scope lives in the {@link Encoder} or
 * {@link Decoder}, which belong to the caller. Obtain one with {@link CodecRegistry#batchCodec(String)}, once
 * per channel.
 */
public final class BatchCodec {

    private final ValueCodec values;
    private final String context;

    /**
     * Creates a batch codec; users obtain one from {@link CodecRegistry#batchCodec(String)}.
     *
     * @param registry the allow-list of types
     * @param context where the codec is used, for error messages
     */
    BatchCodec(CodecRegistry registry, String context) {
        this.values = new ValueCodec(registry, context);
        this.context = context;
    }

    /**
     * Appends the first {@code size} items of {@code items} to {@code out}.
     *
     * @param items the batch's array; entries from {@code size} on are ignored; items may be {@code null}
     * @param size the number of items in the batch
     * @param out the encoder to append to
     * @throws CodecException if an item's type is not allowed by the registry; the message names the type and
     *     this codec's context
     * @throws IndexOutOfBoundsException if {@code size} is negative or larger than {@code items.length}
     */
    public void encode(Object[] items, int size, Encoder out) {
        Objects.checkFromIndexSize(0, size, items.length);
        int depth = out.depth;
        if (depth == 0) {
            out.clearTypes();
            out.context = context;
        }
        out.depth = depth + 1;
        try {
            out.writeVarInt(size);
            for (int i = 0; i < size; i++) {
                values.encode(items[i], out);
            }
        } finally {
            out.depth = depth;
            if (depth == 0) {
                out.context = null;
            }
        }
    }

    /**
     * Reads one batch written by {@link #encode(Object[], int, Encoder)}.
     *
     * @param in the decoder positioned at the start of the batch
     * @return a new array holding exactly the batch's items
     * @throws CodecException if the input is truncated or malformed, or names a type not registered here
     */
    public Object[] decode(Decoder in) {
        int depth = in.depth;
        if (depth == 0) {
            in.clearTypes();
            in.context = context;
        }
        in.depth = depth + 1;
        try {
            int at = in.position();
            int size = in.readLength("a batch");
            in.requireItems(at, size, 1, "a batch");
            Object[] items = new Object[size];
            for (int i = 0; i < size; i++) {
                items[i] = values.decode(in);
            }
            return items;
        } finally {
            in.depth = depth;
            if (depth == 0) {
                in.context = null;
            }
        }
    }

    /**
     * Returns the context this codec names in its errors.
     *
     * @return the context given to {@link CodecRegistry#batchCodec(String)}
     */
    public String context() {
        return context;
    }
}
