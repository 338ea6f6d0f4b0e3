package dev.weft.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads values from a slice of a byte array: the input side of every {@link Codec}, the mirror of
 * {@link Encoder} (same formats, described there).
 *
 * <p>Positions reported by {@link #position()} and in error messages count from the start of the slice. Every
 * read checks its bounds first and fails with a {@link CodecException} that names what was being read, at which
 * position, and how many bytes were left; a length read from the input is checked against the bytes left before
 * anything is allocated, so corrupt input cannot cause a huge allocation.
 *
 * <p><b>Reuse.</b> {@link #reset(byte[], int, int)} points the decoder at new bytes.
 *
 * <p><b>Threads.</b> Not thread-safe: a decoder belongs to one thread at a time. It never copies or modifies the
 * array it reads, so the caller must not change the slice while it is being decoded.
 */
public final class Decoder {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] buf;
    private int start;
    private int pos;
    private int limit;

    /** Nesting depth of value codec calls; a new naming scope opens at 0 (see ValueCodec). */
    int depth;
    /** The context of the codec that opened the current scope, for error messages; {@code null} outside one. */
    String context;
    private Registration[] types = new Registration[8];
    private int typeCount;

    /**
     * Creates a decoder over a whole array.
     *
     * @param bytes the bytes to read, not {@code null}
     */
    public Decoder(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /**
     * Creates a decoder over {@code length} bytes of {@code bytes} starting at {@code offset}.
     *
     * @param bytes the array to read, not {@code null}
     * @param offset index of the first byte of the slice
     * @param length number of bytes in the slice
     * @throws IndexOutOfBoundsException if the slice is not inside {@code bytes}
     */
    public Decoder(byte[] bytes, int offset, int length) {
        reset(bytes, offset, length);
    }

    /**
     * Points this decoder at a new slice and forgets everything read before.
     *
     * @param bytes the array to read, not {@code null}
     * @param offset index of the first byte of the slice
     * @param length number of bytes in the slice
     * @throws IndexOutOfBoundsException if the slice is not inside {@code bytes}
     */
    public void reset(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        buf = bytes;
        start = offset;
        pos = offset;
        limit = offset + length;
        depth = 0;
        context = null;
        typeCount = 0;
    }

    /**
     * Returns the number of bytes read from the start of the slice.
     *
     * @return the read position, relative to the slice
     */
    public int position() {
        return pos - start;
    }

    /**
     * Returns the number of bytes not read yet.
     *
     * @return bytes left in the slice
     */
    public int remaining() {
        return limit - pos;
    }

    /**
     * Tells whether any bytes are left.
     *
     * @return {@code true} if {@link #remaining()} is positive
     */
    public boolean hasRemaining() {
        return pos < limit;
    }

    /**
     * Reads one byte.
     *
     * @return the byte read
     * @throws CodecException if no byte is left
     */
    public byte readByte() {
        require(1, "a byte");
        return buf[pos++];
    }

    /**
     * Reads a boolean written by {@link Encoder#writeBoolean(boolean)}.
     *
     * @return the boolean read
     * @throws CodecException if no byte is left or the byte is neither 0 nor 1
     */
    public boolean readBoolean() {
        require(1, "a boolean");
        byte b = buf[pos];
        if (b != 0 && b != 1) {
            throw malformed("a boolean", "byte " + (b & 0xFF) + " (expected 0 or 1)");
        }
        pos++;
        return b == 1;
    }

    /**
     * Reads a 4-byte little-endian int.
     *
     * @return the int read
     * @throws CodecException if fewer than 4 bytes are left
     */
    public int readInt() {
        require(4, "an int");
        int v = (int) INT.get(buf, pos);
        pos += 4;
        return v;
    }

    /**
     * Reads an 8-byte little-endian long.
     *
     * @return the long read
     * @throws CodecException if fewer than 8 bytes are left
     */
    public long readLong() {
        require(8, "a long");
        long v = (long) LONG.get(buf, pos);
        pos += 8;
        return v;
    }

    /**
     * Reads a float written by {@link Encoder#writeFloat(float)}.
     *
     * @return the float read, with its exact bits
     * @throws CodecException if fewer than 4 bytes are left
     */
    public float readFloat() {
        require(4, "a float");
        return Float.intBitsToFloat(readInt());
    }

    /**
     * Reads a double written by {@link Encoder#writeDouble(double)}.
     *
     * @return the double read, with its exact bits
     * @throws CodecException if fewer than 8 bytes are left
     */
    public double readDouble() {
        require(8, "a double");
        return Double.longBitsToDouble(readLong());
    }

    /**
     * Reads an unsigned varint written by {@link Encoder#writeVarInt(int)}.
     *
     * @return the int read
     * @throws CodecException if the input ends inside the varint or it is longer than 5 bytes
     */
    public int readVarInt() {
        return readVarInt("a varint");
    }

    /**
     * Reads an unsigned varint written by {@link Encoder#writeVarLong(long)}.
     *
     * @return the long read
     * @throws CodecException if the input ends inside the varint or it is longer than 10 bytes
     */
    public long readVarLong() {
        return readVarLong("a varlong");
    }

    /**
     * Reads a signed int written by {@link Encoder#writeZigZagInt(int)}.
     *
     * @return the int read
     * @throws CodecException if the input ends inside the varint or it is malformed
     */
    public int readZigZagInt() {
        int v = readVarInt("a zigzag varint");
        return (v >>> 1) ^ -(v & 1);
    }

    /**
     * Reads a signed long written by {@link Encoder#writeZigZagLong(long)}.
     *
     * @return the long read
     * @throws CodecException if the input ends inside the varint or it is malformed
     */
    public long readZigZagLong() {
        long v = readVarLong("a zigzag varlong");
        return (v >>> 1) ^ -(v & 1);
    }

    /**
     * Reads a length-prefixed byte array written by {@link Encoder#writeBytes(byte[])}.
     *
     * @return a new array with the bytes read
     * @throws CodecException if the input ends before the announced length
     */
    public byte[] readBytes() {
        int at = position();
        int length = readLength("a byte array");
        requireAt(at, length, "a byte array of " + length + " bytes");
        byte[] out = Arrays.copyOfRange(buf, pos, pos + length);
        pos += length;
        return out;
    }

    /**
     * Reads exactly {@code length} bytes with no length prefix into {@code target} at {@code offset}.
     *
     * @param target the array to fill, not {@code null}
     * @param offset where in {@code target} to put the first byte
     * @param length number of bytes to read
     * @throws CodecException if fewer than {@code length} bytes are left
     * @throws IndexOutOfBoundsException if the range is not inside {@code target}
     */
    public void readRawBytes(byte[] target, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, target.length);
        require(length, length + " raw bytes");
        System.arraycopy(buf, pos, target, offset, length);
        pos += length;
    }

    /**
     * Reads a string written by {@link Encoder#writeString(String)}.
     *
     * @return the string read, never {@code null}
     * @throws CodecException if the input ends before the announced length or is not valid (WTF-8) UTF-8
     */
    public String readString() {
        int at = position();
        int length = readLength("a string");
        requireAt(at, length, "a string of " + length + " UTF-8 bytes");
        byte[] b = buf;
        int from = pos;
        int end = from + length;
        for (int i = from; i < end; i++) {
            if (b[i] < 0) {
                return readNonAsciiString(from, end);
            }
        }
        pos = end;
        // All ASCII: Latin-1 decoding is a plain copy into a compact string.
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }

    private String readNonAsciiString(int from, int end) {
        byte[] b = buf;
        char[] chars = new char[end - from];
        int n = 0;
        int i = from;
        while (i < end) {
            int b0 = b[i];
            if (b0 >= 0) {
                chars[n++] = (char) b0;
                i++;
                continue;
            }
            b0 &= 0xFF;
            int count;
            int cp;
            int min;
            if ((b0 & 0xE0) == 0xC0) {
                count = 2;
                cp = b0 & 0x1F;
                min = 0x80;
            } else if ((b0 & 0xF0) == 0xE0) {
                count = 3;
                cp = b0 & 0x0F;
                min = 0x800;
            } else if ((b0 & 0xF8) == 0xF0) {
                count = 4;
                cp = b0 & 0x07;
                min = 0x10000;
            } else {
                throw badUtf8(i, "byte 0x" + Integer.toHexString(b0) + " cannot start a character");
            }
            if (i + count > end) {
                throw badUtf8(i, "a " + count + "-byte character is cut off by the end of the string");
            }
            for (int k = 1; k < count; k++) {
                int bk = b[i + k] & 0xFF;
                if ((bk & 0xC0) != 0x80) {
                    throw badUtf8(i + k, "byte 0x" + Integer.toHexString(bk) + " is not a continuation byte");
                }
                cp = (cp << 6) | (bk & 0x3F);
            }
            if (cp < min || cp > Character.MAX_CODE_POINT) {
                throw badUtf8(i, "code point 0x" + Integer.toHexString(cp) + " is overlong or out of range");
            }
            if (count == 4) {
                chars[n++] = Character.highSurrogate(cp);
                chars[n++] = Character.lowSurrogate(cp);
            } else {
                chars[n++] = (char) cp;
            }
            i += count;
        }
        pos = end;
        return new String(chars, 0, n);
    }

    // ---- bounds and errors ----

    private int readVarInt(String what) {
        int at = pos;
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at >= limit) {
                throw truncatedVarint(what, at);
            }
            int b = buf[at++];
            if (shift == 28 && (b & 0xF0) != 0) {
                throw malformed(what, "more than 32 bits");
            }
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                pos = at;
                return result;
            }
        }
        throw new AssertionError("unreachable");
    }

    private long readVarLong(String what) {
        int at = pos;
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (at >= limit) {
                throw truncatedVarint(what, at);
            }
            int b = buf[at++];
            if (shift == 63 && (b & 0xFE) != 0) {
                throw malformed(what, "more than 64 bits");
            }
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                pos = at;
                return result;
            }
        }
        throw new AssertionError("unreachable");
    }

    /**
     * Reads a varint length and checks it is not negative (which only corrupt or foreign input gives).
     *
     * @param what what the length is of, for the error message
     * @return the length
     */
    int readLength(String what) {
        int at = position();
        int length = readVarInt("the length of " + what);
        if (length < 0) {
            throw new CodecException("malformed input: the length of " + what + " at position " + at + " is "
                    + Integer.toUnsignedString(length) + ", more than any buffer can hold; the bytes are corrupt or"
                    + " were not written by the same codec" + where());
        }
        return length;
    }

    /**
     * Checks that a collection announced at {@code at} with {@code count} items, each at least
     * {@code minBytesEach} bytes, fits in what is left, before anything is allocated for it.
     *
     * @param at position of the collection, for the error message
     * @param count the number of items announced
     * @param minBytesEach the fewest bytes one item can take
     * @param what what the collection is, for the error message
     */
    void requireItems(int at, long count, int minBytesEach, String what) {
        if (count * minBytesEach > remaining()) {
            throw new CodecException("truncated input: " + what + " at position " + at + " announces " + count
                    + " items, but only " + remaining() + " bytes remain; the bytes were cut short or were not"
                    + " written by the same codec" + where());
        }
    }

    private void require(int n, String what) {
        if (n > limit - pos) {
            throw truncated(what, pos - start, n);
        }
    }

    private void requireAt(int at, int n, String what) {
        if (n > limit - pos) {
            throw truncated(what, at, n);
        }
    }

    private CodecException truncated(String what, int at, int needed) {
        return new CodecException("truncated input: reading " + what + " at position " + at + " needs " + needed
                + " byte" + (needed == 1 ? "" : "s") + " but only " + (limit - pos) + " remain (the slice is "
                + (limit - start) + " bytes); the bytes were cut short or were not written by the same codec"
                + where());
    }

    private CodecException truncatedVarint(String what, int end) {
        return new CodecException("truncated input: reading " + what + " at position " + (pos - start)
                + ", the input ends after " + (end - pos) + " of its bytes (the slice is " + (limit - start)
                + " bytes); the bytes were cut short or were not written by the same codec" + where());
    }

    private CodecException malformed(String what, String got) {
        return new CodecException("malformed input: reading " + what + " at position " + (pos - start) + ", got "
                + got + "; the bytes are corrupt or were not written by the same codec" + where());
    }

    private CodecException badUtf8(int at, String got) {
        return new CodecException("malformed input: invalid UTF-8 in a string at position " + (at - start) + ": "
                + got + "; the bytes are corrupt or were not written by Encoder.writeString" + where());
    }

    /**
     * Formats the current context for error messages.
     *
     * @return {@code " (exchange in step 'x')"}, or empty outside a scope
     */
    String where() {
        return context == null || context.isEmpty() ? "" : " (" + context + ")";
    }

    // ---- per-scope type dictionary (package-private; see ValueCodec for the wire format) ----

    /**
     * Counts the types named so far in this scope.
     *
     * @return the size of this scope's dictionary
     */
    int typeCount() {
        return typeCount;
    }

    /**
     * Looks up a type named earlier in this scope.
     *
     * @param index its index, below {@link #typeCount()}
     * @return its registration
     */
    Registration type(int index) {
        return types[index];
    }

    /**
     * Appends a type to this scope's dictionary; its index is the number of types before it.
     *
     * @param type the registration of a user type just named in the input
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
