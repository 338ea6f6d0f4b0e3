package dev.weft.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The codecs of the JDK value types every registry knows without registration, each written after its own fixed
 * tag (see {@link ValueCodec}): no class name ever travels for them.
 *
 * <p>Formats: a {@code BigInteger} is its two's-complement bytes ({@code writeBytes}); a {@code BigDecimal} its
 * unscaled value so, then its scale (zigzag varint), so {@code 1.50} stays {@code 1.50}; a {@code UUID} two
 * 8-byte longs; an {@code Optional} a presence byte, then its value through the value codec. Time types are
 * written field by field in exact units: {@code Instant} and {@code Duration} as seconds (zigzag varlong) and
 * nanoseconds (varint); {@code LocalDate} as its epoch day; {@code LocalTime} as its nanosecond of day;
 * {@code LocalDateTime} as both; {@code OffsetDateTime} adds the offset in seconds; {@code ZonedDateTime} adds the
 * offset and the zone id, so a time in a daylight-saving overlap keeps its offset. Arrays of primitives are a
 * varint length, then their elements (integers as zigzag varints, floating point as raw bits).
 *
 * <p>Decoding checks ranges (a nanosecond field above 999,999,999, a date out of range, an unknown zone id) and
 * fails with a {@link CodecException}; nothing decoded loads a class.
 */
final class BuiltInCodecs {

    private BuiltInCodecs() {
    }

    /** One nanosecond short of a second: the largest valid nanosecond field. */
    private static final int MAX_NANOS = 999_999_999;

    static final Codec<Object> BIG_INTEGER = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            out.writeBytes(((BigInteger) value).toByteArray());
        }

        @Override
        public Object decode(Decoder in) {
            return readBigInteger(in);
        }
    };

    static final Codec<Object> BIG_DECIMAL = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            BigDecimal d = (BigDecimal) value;
            out.writeBytes(d.unscaledValue().toByteArray());
            out.writeZigZagInt(d.scale());
        }

        @Override
        public Object decode(Decoder in) {
            BigInteger unscaled = readBigInteger(in);
            return new BigDecimal(unscaled, in.readZigZagInt());
        }
    };

    static final Codec<Object> UUIDS = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            UUID id = (UUID) value;
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        }

        @Override
        public Object decode(Decoder in) {
            long high = in.readLong();
            return new UUID(high, in.readLong());
        }
    };

    static final Codec<Object> INSTANT = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            Instant t = (Instant) value;
            out.writeZigZagLong(t.getEpochSecond());
            out.writeVarInt(t.getNano());
        }

        @Override
        public Object decode(Decoder in) {
            long seconds = in.readZigZagLong();
            return Instant.ofEpochSecond(seconds, readNanos(in));
        }
    };

    static final Codec<Object> DURATION = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            Duration d = (Duration) value;
            out.writeZigZagLong(d.getSeconds());
            out.writeVarInt(d.getNano());
        }

        @Override
        public Object decode(Decoder in) {
            long seconds = in.readZigZagLong();
            return Duration.ofSeconds(seconds, readNanos(in));
        }
    };

    static final Codec<Object> LOCAL_DATE = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            out.writeZigZagLong(((LocalDate) value).toEpochDay());
        }

        @Override
        public Object decode(Decoder in) {
            return LocalDate.ofEpochDay(in.readZigZagLong());
        }
    };

    static final Codec<Object> LOCAL_TIME = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            out.writeVarLong(((LocalTime) value).toNanoOfDay());
        }

        @Override
        public Object decode(Decoder in) {
            return LocalTime.ofNanoOfDay(in.readVarLong());
        }
    };

    static final Codec<Object> LOCAL_DATE_TIME = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            writeLocalDateTime((LocalDateTime) value, out);
        }

        @Override
        public Object decode(Decoder in) {
            return readLocalDateTime(in);
        }
    };

    static final Codec<Object> OFFSET_DATE_TIME = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            OffsetDateTime t = (OffsetDateTime) value;
            writeLocalDateTime(t.toLocalDateTime(), out);
            out.writeZigZagInt(t.getOffset().getTotalSeconds());
        }

        @Override
        public Object decode(Decoder in) {
            LocalDateTime local = readLocalDateTime(in);
            return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(in.readZigZagInt()));
        }
    };

    static final Codec<Object> ZONED_DATE_TIME = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            ZonedDateTime t = (ZonedDateTime) value;
            writeLocalDateTime(t.toLocalDateTime(), out);
            out.writeZigZagInt(t.getOffset().getTotalSeconds());
            out.writeString(t.getZone().getId());
        }

        @Override
        public Object decode(Decoder in) {
            LocalDateTime local = readLocalDateTime(in);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readZigZagInt());
            return ZonedDateTime.ofLocal(local, ZoneId.of(in.readString()), offset);
        }
    };

    static final Codec<Object> BOOLEANS = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            boolean[] a = (boolean[]) value;
            out.writeVarInt(a.length);
            for (boolean v : a) {
                out.writeBoolean(v);
            }
        }

        @Override
        public Object decode(Decoder in) {
            boolean[] a = new boolean[readArrayLength(in, 1, "a boolean[]")];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readBoolean();
            }
            return a;
        }
    };

    static final Codec<Object> SHORTS = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            short[] a = (short[]) value;
            out.writeVarInt(a.length);
            for (short v : a) {
                out.writeZigZagInt(v);
            }
        }

        @Override
        public Object decode(Decoder in) {
            short[] a = new short[readArrayLength(in, 1, "a short[]")];
            for (int i = 0; i < a.length; i++) {
                int v = in.readZigZagInt();
                if (v != (short) v) {
                    throw new CodecException("malformed input: element " + i + " of a short[] has value " + v
                            + ", out of range for a short; the bytes are corrupt" + in.where());
                }
                a[i] = (short) v;
            }
            return a;
        }
    };

    static final Codec<Object> CHARS = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            char[] a = (char[]) value;
            out.writeVarInt(a.length);
            for (char v : a) {
                out.writeVarInt(v);
            }
        }

        @Override
        public Object decode(Decoder in) {
            char[] a = new char[readArrayLength(in, 1, "a char[]")];
            for (int i = 0; i < a.length; i++) {
                int v = in.readVarInt();
                if (v < 0 || v > Character.MAX_VALUE) {
                    throw new CodecException("malformed input: element " + i + " of a char[] has value "
                            + Integer.toUnsignedString(v) + ", out of range for a char; the bytes are corrupt"
                            + in.where());
                }
                a[i] = (char) v;
            }
            return a;
        }
    };

    static final Codec<Object> INTS = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            int[] a = (int[]) value;
            out.writeVarInt(a.length);
            for (int v : a) {
                out.writeZigZagInt(v);
            }
        }

        @Override
        public Object decode(Decoder in) {
            int[] a = new int[readArrayLength(in, 1, "an int[]")];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readZigZagInt();
            }
            return a;
        }
    };

    static final Codec<Object> LONGS = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            long[] a = (long[]) value;
            out.writeVarInt(a.length);
            for (long v : a) {
                out.writeZigZagLong(v);
            }
        }

        @Override
        public Object decode(Decoder in) {
            long[] a = new long[readArrayLength(in, 1, "a long[]")];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readZigZagLong();
            }
            return a;
        }
    };

    static final Codec<Object> FLOATS = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            float[] a = (float[]) value;
            out.writeVarInt(a.length);
            for (float v : a) {
                out.writeFloat(v);
            }
        }

        @Override
        public Object decode(Decoder in) {
            float[] a = new float[readArrayLength(in, 4, "a float[]")];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readFloat();
            }
            return a;
        }
    };

    static final Codec<Object> DOUBLES = new Codec<>() {
        @Override
        public void encode(Object value, Encoder out) {
            double[] a = (double[]) value;
            out.writeVarInt(a.length);
            for (double v : a) {
                out.writeDouble(v);
            }
        }

        @Override
        public Object decode(Decoder in) {
            double[] a = new double[readArrayLength(in, 8, "a double[]")];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readDouble();
            }
            return a;
        }
    };

    /**
     * The codec of {@link Optional}: a presence byte, then the value through the value codec (any allowed type).
     *
     * @param values the value codec of the registry, continuing the enclosing scope
     * @return the codec
     */
    static Codec<Object> optional(Codec<Object> values) {
        return new Codec<>() {
            @Override
            public void encode(Object value, Encoder out) {
                Optional<?> o = (Optional<?>) value;
                out.writeBoolean(o.isPresent());
                if (o.isPresent()) {
                    values.encode(o.get(), out);
                }
            }

            @Override
            public Object decode(Decoder in) {
                if (!in.readBoolean()) {
                    return Optional.empty();
                }
                int at = in.position();
                Object v = values.decode(in);
                if (v == null) {
                    throw new CodecException("malformed input: a present Optional holds null at position " + at
                            + "; the bytes are corrupt" + in.where());
                }
                return Optional.of(v);
            }
        };
    }

    private static BigInteger readBigInteger(Decoder in) {
        int at = in.position();
        byte[] bytes = in.readBytes();
        if (bytes.length == 0) {
            throw new CodecException("malformed input: an integer with no bytes at position " + at
                    + "; the bytes are corrupt" + in.where());
        }
        return new BigInteger(bytes);
    }

    private static int readNanos(Decoder in) {
        int at = in.position();
        int nanos = in.readVarInt();
        if (nanos < 0 || nanos > MAX_NANOS) {
            throw new CodecException("malformed input: a nanosecond field of " + Integer.toUnsignedString(nanos)
                    + " at position " + at + ", above " + MAX_NANOS + "; the bytes are corrupt" + in.where());
        }
        return nanos;
    }

    private static void writeLocalDateTime(LocalDateTime t, Encoder out) {
        out.writeZigZagLong(t.toLocalDate().toEpochDay());
        out.writeVarLong(t.toLocalTime().toNanoOfDay());
    }

    private static LocalDateTime readLocalDateTime(Decoder in) {
        LocalDate date = LocalDate.ofEpochDay(in.readZigZagLong());
        return LocalDateTime.of(date, LocalTime.ofNanoOfDay(in.readVarLong()));
    }

    private static int readArrayLength(Decoder in, int minBytesEach, String what) {
        int at = in.position();
        int n = in.readLength(what);
        in.requireItems(at, n, minBytesEach, what);
        return n;
    }
}
