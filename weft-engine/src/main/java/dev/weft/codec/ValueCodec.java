package dev.weft.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tagged codec for any value the registry allows: one tag byte says what follows.
 *
 * <p>Wire format, per value:
 * <pre>
 *   0 null          1 String (writeString)    2 Long (zigzag varlong)   3 Integer (zigzag varint)
 *   4 Short (zigzag varint)   5 Byte (1 byte)  6 Double (8 bytes)        7 Float (4 bytes)
 *   8 false         9 true                    10 Character (varint)     11 byte[] (writeBytes)
 *  12 List: varint n, then n values           13 Map: varint n, then n (key, value) pairs
 *  14 user type named here: its stable name (writeString), then its codec's bytes
 *  15 user type named earlier in this scope: varint index, then its codec's bytes
 *  17 Set: varint n, then n values
 *  18 and up: a built-in JDK type with its own codec ({@link BuiltInCodecs}): BigInteger, BigDecimal, UUID,
 *     Optional, Instant, Duration, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, ZonedDateTime, and
 *     arrays of boolean, short, char, int, long, float and double, in that order of tags
 * </pre>
 * A <em>scope</em> is one top-level value or one batch: the first time a user type occurs in it, its stable name
 * is written and gets the next index; later occurrences, nested ones included, write only the index. The scope
 * lives in the {@link Encoder} and {@link Decoder} (it is opened when their depth is 0), so this codec stays
 * stateless, and a user codec that calls back into a value codec joins the enclosing scope.
 *
 * <p>The caller's context string is stored in the encoder or decoder when a scope opens, so a failure deep inside
 * a record still names the channel or step.
 */
final class ValueCodec implements Codec<Object> {

    /** Tag of {@code null}. */
    static final int NULL = 0;
    /** Tag of a String. */
    static final int STRING = 1;
    /** Tag of a Long. */
    static final int LONG = 2;
    /** Tag of an Integer. */
    static final int INT = 3;
    /** Tag of a Short. */
    static final int SHORT = 4;
    /** Tag of a Byte. */
    static final int BYTE = 5;
    /** Tag of a Double. */
    static final int DOUBLE = 6;
    /** Tag of a Float. */
    static final int FLOAT = 7;
    /** Tag of {@code Boolean.FALSE}. */
    static final int FALSE = 8;
    /** Tag of {@code Boolean.TRUE}. */
    static final int TRUE = 9;
    /** Tag of a Character. */
    static final int CHAR = 10;
    /** Tag of a byte array. */
    static final int BYTES = 11;
    /** Tag of a List. */
    static final int LIST = 12;
    /** Tag of a Map. */
    static final int MAP = 13;
    /** Tag of a user type named here for the first time in its scope. */
    static final int TYPE_NEW = 14;
    /** Tag of a user type named earlier in its scope. */
    static final int TYPE_REF = 15;
    /** Tag of the Boolean registration; the bytes written are FALSE or TRUE. */
    static final int BOOLEAN = 16;
    /** Tag of a Set. */
    static final int SET = 17;
    /** The first tag of the built-in types with their own codec; see {@link CodecRegistry}. */
    static final int FIRST_CODEC_TAG = 18;

    /** Deeper nesting than this is refused: it is a list or map that contains itself, or hostile input. */
    static final int MAX_DEPTH = 200;

    private final CodecRegistry registry;
    private final String context;

    /**
     * Creates a value codec; users obtain one from {@link CodecRegistry#valueCodec(String)}.
     *
     * @param registry the allow-list of types
     * @param context where the codec is used, for error messages; {@code null} to take it from the enclosing scope
     */
    ValueCodec(CodecRegistry registry, String context) {
        this.registry = registry;
        this.context = context;
    }

    @Override
    public void encode(Object value, Encoder out) {
        int depth = out.depth;
        if (depth == 0) {
            out.clearTypes();
            out.context = context;
        } else if (depth >= MAX_DEPTH) {
            throw new CodecException("cannot encode a value nested more than " + MAX_DEPTH + " levels deep"
                    + where(out.context) + ", got " + describe(value) + " at that depth; a list, map or record"
                    + " probably contains itself: break the cycle before sending or snapshotting it");
        }
        out.depth = depth + 1;
        try {
            write(value, out);
        } finally {
            out.depth = depth;
            if (depth == 0) {
                out.context = null;
            }
        }
    }

    @Override
    public Object decode(Decoder in) {
        int depth = in.depth;
        if (depth == 0) {
            in.clearTypes();
            in.context = context;
        } else if (depth >= MAX_DEPTH) {
            throw new CodecException("malformed input: values nested more than " + MAX_DEPTH + " levels deep at"
                    + " position " + in.position() + where(in.context) + "; the bytes are corrupt or hostile");
        }
        in.depth = depth + 1;
        try {
            return read(in);
        } finally {
            in.depth = depth;
            if (depth == 0) {
                in.context = null;
            }
        }
    }

    private void write(Object value, Encoder out) {
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        Class<?> type = value.getClass();
        // The three commonest keys and values skip the map lookup.
        if (type == String.class) {
            out.writeByte(STRING);
            out.writeString((String) value);
            return;
        }
        if (type == Long.class) {
            out.writeByte(LONG);
            out.writeZigZagLong((Long) value);
            return;
        }
        if (type == Integer.class) {
            out.writeByte(INT);
            out.writeZigZagInt((Integer) value);
            return;
        }
        Registration r = registry.lookup(type);
        int tag;
        if (r != null) {
            tag = r.tag();
        } else if (value instanceof List) {
            tag = LIST;
        } else if (value instanceof Map) {
            tag = MAP;
        } else if (value instanceof Set) {
            tag = SET;
        } else if (value instanceof Enum<?> e && (r = registry.lookup(e.getDeclaringClass())) != null) {
            // A constant with a body is an anonymous subclass of its enum.
            tag = r.tag();
        } else {
            throw registry.unregistered(type, out.context);
        }
        switch (tag) {
            case STRING -> {
                out.writeByte(STRING);
                out.writeString((String) value);
            }
            case LONG -> {
                out.writeByte(LONG);
                out.writeZigZagLong((Long) value);
            }
            case INT -> {
                out.writeByte(INT);
                out.writeZigZagInt((Integer) value);
            }
            case SHORT -> {
                out.writeByte(SHORT);
                out.writeZigZagInt((Short) value);
            }
            case BYTE -> {
                out.writeByte(BYTE);
                out.writeByte((Byte) value);
            }
            case DOUBLE -> {
                out.writeByte(DOUBLE);
                out.writeDouble((Double) value);
            }
            case FLOAT -> {
                out.writeByte(FLOAT);
                out.writeFloat((Float) value);
            }
            case BOOLEAN -> out.writeByte((Boolean) value ? TRUE : FALSE);
            case CHAR -> {
                out.writeByte(CHAR);
                out.writeVarInt((Character) value);
            }
            case BYTES -> {
                out.writeByte(BYTES);
                out.writeBytes((byte[]) value);
            }
            case LIST -> {
                List<?> list = (List<?>) value;
                out.writeByte(LIST);
                out.writeVarInt(list.size());
                int written = 0;
                for (Object item : list) {
                    encode(item, out);
                    written++;
                }
                checkSize(list.size(), written, type, out.context);
            }
            case MAP -> {
                Map<?, ?> map = (Map<?, ?>) value;
                out.writeByte(MAP);
                out.writeVarInt(map.size());
                int written = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    encode(e.getKey(), out);
                    encode(e.getValue(), out);
                    written++;
                }
                checkSize(map.size(), written, type, out.context);
            }
            case SET -> {
                Set<?> set = (Set<?>) value;
                out.writeByte(SET);
                out.writeVarInt(set.size());
                int written = 0;
                for (Object item : set) {
                    encode(item, out);
                    written++;
                }
                checkSize(set.size(), written, type, out.context);
            }
            case TYPE_NEW -> writeUserType(r, value, out);
            default -> {
                if (tag < FIRST_CODEC_TAG) {
                    throw new IllegalStateException("unknown built-in tag " + tag + " for " + type.getName());
                }
                out.writeByte(tag);
                r.codec().encode(value, out);
            }
        }
    }

    private static void checkSize(int announced, int written, Class<?> type, String context) {
        if (announced != written) {
            throw new CodecException("a " + type.getName() + " changed while it was being encoded" + where(context)
                    + ": size() was " + announced + " but iteration gave " + written + " items; do not modify a"
                    + " collection after emitting it or while its state is snapshotted");
        }
    }

    private static void writeUserType(Registration r, Object value, Encoder out) {
        int index = out.typeIndex(r);
        if (index < 0) {
            out.writeByte(TYPE_NEW);
            out.writeString(r.name());
            out.addType(r);
        } else {
            out.writeByte(TYPE_REF);
            out.writeVarInt(index);
        }
        try {
            r.codec().encode(value, out);
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CodecException("the codec registered for " + r.type().getName() + " (as '" + r.name()
                    + "') failed to encode a value" + where(out.context) + ": " + e + "; fix that codec", e);
        }
    }

    private Object read(Decoder in) {
        int at = in.position();
        int tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return in.readString();
            case LONG:
                return in.readZigZagLong();
            case INT:
                return in.readZigZagInt();
            case SHORT: {
                int v = in.readZigZagInt();
                if (v != (short) v) {
                    throw malformed(in, at, "a Short with value " + v);
                }
                return (short) v;
            }
            case BYTE:
                return in.readByte();
            case DOUBLE:
                return in.readDouble();
            case FLOAT:
                return in.readFloat();
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case CHAR: {
                int v = in.readVarInt();
                if (v < 0 || v > Character.MAX_VALUE) {
                    throw malformed(in, at, "a Character with value " + Integer.toUnsignedString(v));
                }
                return (char) v;
            }
            case BYTES:
                return in.readBytes();
            case LIST: {
                int n = in.readLength("a list");
                in.requireItems(at, n, 1, "a list");
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(decode(in));
                }
                return list;
            }
            case MAP: {
                int n = in.readLength("a map");
                in.requireItems(at, n, 2, "a map");
                Map<Object, Object> map = new LinkedHashMap<>((int) Math.min(Integer.MAX_VALUE, n * 4L / 3 + 1));
                for (int i = 0; i < n; i++) {
                    Object key = decode(in);
                    map.put(key, decode(in));
                }
                return map;
            }
            case SET: {
                int n = in.readLength("a set");
                in.requireItems(at, n, 1, "a set");
                Set<Object> set = new LinkedHashSet<>((int) Math.min(Integer.MAX_VALUE, n * 4L / 3 + 1));
                for (int i = 0; i < n; i++) {
                    set.add(decode(in));
                }
                return set;
            }
            case TYPE_NEW: {
                String name = in.readString();
                Registration r = registry.lookupName(name);
                if (r == null) {
                    throw registry.unknownName(name, at, in.context);
                }
                in.addType(r);
                return readUserType(r, in, at);
            }
            case TYPE_REF: {
                int index = in.readVarInt();
                if (index < 0 || index >= in.typeCount()) {
                    throw malformed(in, at, "a reference to type number " + Integer.toUnsignedString(index)
                            + " but only " + in.typeCount() + " types were named so far in this batch or value");
                }
                return readUserType(in.type(index), in, at);
            }
            default: {
                Registration r = registry.builtInByTag(tag);
                if (r == null) {
                    throw malformed(in, at, "unknown type tag " + tag);
                }
                return readBuiltIn(r, in, at);
            }
        }
    }

    private static Object readBuiltIn(Registration r, Decoder in, int at) {
        try {
            return r.codec().decode(in);
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CodecException("malformed input: cannot decode the " + r.type().getName() + " at position " + at
                    + where(in.context) + ": " + e + "; the bytes are corrupt or were not written by a Weft value"
                    + " codec", e);
        }
    }

    private static Object readUserType(Registration r, Decoder in, int at) {
        try {
            return r.codec().decode(in);
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CodecException("the codec registered for " + r.type().getName() + " (as '" + r.name()
                    + "') failed to decode the value at position " + at + where(in.context) + ": " + e
                    + "; fix that codec, or check that writer and reader use the same codec", e);
        }
    }

    private static CodecException malformed(Decoder in, int at, String got) {
        return new CodecException("malformed input: reading a value at position " + at + ", got " + got
                + "; the bytes are corrupt or were not written by a Weft value codec" + where(in.context));
    }

    /**
     * Formats a context for error messages.
     *
     * @param context the caller's context, or {@code null}
     * @return {@code " (exchange in step 'x')"}, or empty without a context
     */
    static String where(String context) {
        return context == null || context.isEmpty() ? "" : " (" + context + ")";
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }
}
