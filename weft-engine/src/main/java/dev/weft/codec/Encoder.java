package dev.weft.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte buffer that values are written into: the output side of every {@link Codec}.
 *
 * <p>Fixed-width numbers are little-endian. Variable-length integers are unsigned LEB128 (7 bits a byte, low
 * group first); signed ones are zigzag-mapped first, so small negative numbers stay short. Strings are a
 * varint byte length followed by UTF-8; a lone surrogate, legal in a Java {@code String} but not in Unicode, is
 * written in its three-byte form (as WTF-8 does), so every {@code String} round-trips exactly.
 *
 * <p><b>Reuse.</b> {@link #reset()} empties the buffer and keeps its capacity; {@link #toByteArray()} copies
 * the bytes out; {@link #buffer()} with {@link #position()} gives them without a copy.
 *
 * <p><b>Threads.</b> Not thread-safe: an encoder belongs to one thread at a time. If an encode fails with an
 * exception, the buffer holds a partial value: reset it before reuse.
 */
public final class Encoder {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private byte[] buf;
    private int pos;

    /** Nesting depth of value codec calls; a new naming scope opens at 0 (see ValueCodec). */
    int depth;
    /** The context of the codec that opened the current scope, for error messages; {@code null} outside one. */
    String context;
    private Registration[] types = new Registration[8];
    private int typeCount;

    /** Creates an empty encoder with a small initial capacity. */
    public Encoder() {
        this(256);
    }

    /**
     * Creates an empty encoder.
     *
     * @param initialCapacity bytes to allocate up front; the buffer grows as needed
     * @throws IllegalArgumentException if {@code initialCapacity} is negative
     */
    public Encoder(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0, got " + initialCapacity);
        }
        buf = new byte[initialCapacity];
    }

    /**
     * Returns the number of bytes written since creation or the last {@link #reset()}.
     *
     * @return the write position, which is also the length of the encoded bytes
     */
    public int position() {
        return pos;
    }

    /** Discards everything written, keeping the allocated capacity for the next use. */
    public void reset() {
        pos = 0;
        depth = 0;
        context = null;
        typeCount = 0;
    }

    /**
     * Returns a copy of the bytes written so far.
     *
     * @return a new array of length {@link #position()}
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /**
     * Returns the backing array without copying it. Only the first {@link #position()} bytes are meaningful,
     * and the array is replaced when the buffer grows, so it is valid only until the next write or reset.
     *
     * @return the current backing array
     */
    public byte[] buffer() {
        return buf;
    }

    /**
     * Writes the low 8 bits of {@code value}.
     *
     * @param value the byte to write (higher bits are ignored)
     */
    public void writeByte(int value) {
        ensure(1);
        buf[pos++] = (byte) value;
    }

    /**
     * Writes a boolean as one byte, 1 or 0.
     *
     * @param value the boolean to write
     */
    public void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    /**
     * Writes an int as 4 bytes, little-endian.
     *
     * @param value the int to write
     */
    public void writeInt(int value) {
        ensure(4);
        INT.set(buf, pos, value);
        pos += 4;
    }

    /**
     * Writes a long as 8 bytes, little-endian.
     *
     * @param value the long to write
     */
    public void writeLong(long value) {
        ensure(8);
        LONG.set(buf, pos, value);
        pos += 8;
    }

    /**
     * Writes a float as its raw IEEE 754 bits (4 bytes), so NaN payloads and negative zero survive.
     *
     * @param value the float to write
     */
    public void writeFloat(float value) {
        writeInt(Float.floatToRawIntBits(value));
    }

    /**
     * Writes a double as its raw IEEE 754 bits (8 bytes), so NaN payloads and negative zero survive.
     *
     * @param value the double to write
     */
    public void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    /**
     * Writes an int as an unsigned varint: 1 byte below 128, up to 5 bytes; a negative value takes 5 bytes (use
     * {@link #writeZigZagInt(int)} for values that may be negative).
     *
     * @param value the int to write, read as unsigned
     */
    public void writeVarInt(int value) {
        ensure(5);
        byte[] b = buf;
        int p = pos;
        while ((value & ~0x7F) != 0) {
            b[p++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b[p++] = (byte) value;
        pos = p;
    }

    /**
     * Writes a long as an unsigned varint: 1 to 10 bytes.
     *
     * @param value the long to write, read as unsigned
     */
    public void writeVarLong(long value) {
        ensure(10);
        byte[] b = buf;
        int p = pos;
        while ((value & ~0x7FL) != 0) {
            b[p++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b[p++] = (byte) value;
        pos = p;
    }

    /**
     * Writes a signed int zigzag-encoded as a varint: numbers near zero, negative or not, take few bytes.
     *
     * @param value the int to write
     */
    public void writeZigZagInt(int value) {
        writeVarInt((value << 1) ^ (value >> 31));
    }

    /**
     * Writes a signed long zigzag-encoded as a varint: numbers near zero, negative or not, take few bytes.
     *
     * @param value the long to write
     */
    public void writeZigZagLong(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    /**
     * Writes a byte array as its length (varint) followed by its content.
     *
     * @param bytes the array to write, not {@code null}
     */
    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    /**
     * Writes {@code length} bytes of {@code bytes} from {@code offset}, preceded by the length (varint).
     *
     * @param bytes the source array, not {@code null}
     * @param offset index of the first byte to write
     * @param length number of bytes to write
     * @throws IndexOutOfBoundsException if the range is not inside {@code bytes}
     */
    public void writeBytes(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        writeVarInt(length);
        writeRawBytes(bytes, offset, length);
    }

    /**
     * Writes {@code length} bytes of {@code bytes} from {@code offset} with no length prefix (for framing,
     * where the reader knows the length from elsewhere).
     *
     * @param bytes the source array, not {@code null}
     * @param offset index of the first byte to write
     * @param length number of bytes to write
     * @throws IndexOutOfBoundsException if the range is not inside {@code bytes}
     */
    public void writeRawBytes(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensure(length);
        System.arraycopy(bytes, offset, buf, pos, length);
        pos += length;
    }

    /**
     * Writes a string as its UTF-8 byte length (varint) followed by its UTF-8 bytes. ASCII strings take a
     * fast path of one byte per char. Lone surrogates are written in their three-byte form so that every Java
     * string round-trips.
     *
     * @param value the string to write, not {@code null} (the value codec handles nullable strings)
     */
    public void writeString(String value) {
        int n = value.length();
        // Fast path: assume ASCII, so the byte length equals the char count; start over on the first non-ASCII.
        ensure(5 + n);
        int start = pos;
        writeVarInt(n);
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                pos = start;
                writeNonAsciiString(value);
                return;
            }
            b[p++] = (byte) c;
        }
        pos = p;
    }

    private void writeNonAsciiString(String value) {
        int n = value.length();
        long length = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        if (length > MAX_CAPACITY) {
            throw new CodecException("cannot encode a string of " + length + " UTF-8 bytes: the limit is "
                    + MAX_CAPACITY + "; split the value");
        }
        writeVarInt((int) length);
        ensure((int) length);
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        pos = p;
    }

    private void ensure(int extra) {
        if (extra > buf.length - pos) {
            grow(extra);
        }
    }

    private void grow(int extra) {
        long needed = (long) pos + extra;
        if (needed > MAX_CAPACITY) {
            throw new CodecException("cannot grow the encoder to " + needed + " bytes: the limit is "
                    + MAX_CAPACITY + " bytes per buffer; encode the data in smaller batches");
        }
        long doubled = Math.max(16L, (long) buf.length * 2);
        buf = Arrays.copyOf(buf, (int) Math.min(MAX_CAPACITY, Math.max(needed, doubled)));
    }

    // ---- per-scope type dictionary (package-private; see ValueCodec for the wire format) ----

    /**
     * Finds a type in this scope's dictionary.
     *
     * @param type the registration of a user type
     * @return its index, or -1 if it has not been written in this scope yet
     */
    int typeIndex(Registration type) {
        Registration[] t = types;
        for (int i = 0, n = typeCount; i < n; i++) {
            if (t[i] == type) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Appends a type to this scope's dictionary; its index is the number of types before it.
     *
     * @param type the registration of a user type just named in the output
     */
    void addType(Registration type) {
        if (typeCount == types.length) {
            types = Arrays.copyOf(types, typeCount * 2);
        }
        types[typeCount++] = type;
    }

    /** Starts a new top-level scope: an empty dictionary. */
    void clearTypes() {
        typeCount = 0;
    }
}
