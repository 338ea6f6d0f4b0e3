package dev.weft.codec;

/**
 * Turns values of one type into bytes and back: the single serialization SPI of Weft, used both for records
 * that cross a process boundary and for operator state in recovery snapshots.
 *
 * <p>Implement it for a type of your own and register it with
 * {@link CodecRegistry#register(Class, String, Codec)}; records need no hand-written codec
 * ({@link CodecRegistry#registerRecord(Class)}).
 *
 * <p><b>Contract.</b>
 * <ul>
 *   <li>A codec is stateless and is called by many threads at once; all mutable state lives in the
 *       {@link Encoder} or {@link Decoder} passed in, which belongs to the calling thread.</li>
 *   <li>{@link #decode(Decoder)} reads exactly the bytes that {@link #encode(Object, Encoder)} wrote, in the
 *       same order; nothing frames a value for it, so reading too little or too much corrupts what follows.</li>
 *   <li>{@code encode} is never given {@code null} by Weft (the value codec writes nulls itself), and
 *       {@code decode} never returns {@code null} unless the codec itself chose to encode one.</li>
 *   <li>To encode a nested value of any registered type, call the registry's
 *       {@link CodecRegistry#valueCodec(String) value codec} with the same encoder or decoder.</li>
 *   <li>Neither method blocks. Failures are reported as {@link CodecException}.</li>
 * </ul>
 *
 * @param <T> the type of value encoded
 */
public interface Codec<T> {

    /**
     * Writes {@code value} to {@code out}.
     *
     * @param value the value to write, never {@code null}
     * @param out the encoder to append to
     * @throws CodecException if the value cannot be encoded
     */
    void encode(T value, Encoder out);

    /**
     * Reads one value, written by {@link #encode(Object, Encoder)}, from {@code in}.
     *
     * @param in the decoder positioned at the start of the value
     * @return the decoded value
     * @throws CodecException if the input is truncated or malformed
     */
    T decode(Decoder in);
}
