package dev.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips of every built-in JDK type through a registry that registered nothing: edge values, values nested in
 * lists, optionals and records, {@code null} where a value may be null, and corrupt input failing loudly.
 */
class BuiltInCodecsTest {

    record Account(String id, BigDecimal balance, Optional<Instant> closed, UUID owner) {
    }

    record Readings(int[] counts, double[] levels) {
    }

    private final CodecRegistry registry = CodecRegistry.defaults();

    static Stream<Object> values() {
        // 2021-10-31 02:30 happened twice in Berlin: the offset tells the two apart.
        LocalDateTime overlap = LocalDateTime.of(2021, 10, 31, 2, 30);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        return Stream.of(
                BigInteger.ZERO, BigInteger.ONE.negate(), BigInteger.valueOf(Long.MIN_VALUE),
                BigInteger.TWO.pow(200).add(BigInteger.ONE), BigInteger.TWO.pow(200).negate(),
                BigDecimal.ZERO, new BigDecimal("1.50"), new BigDecimal("-0.000"), new BigDecimal("1E+400"),
                new BigDecimal("-12345678901234567890.123456789012345678901"),
                new BigDecimal(BigInteger.TEN, Integer.MIN_VALUE), new BigDecimal(BigInteger.TEN, Integer.MAX_VALUE),
                new UUID(0, 0), new UUID(-1, -1), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                Optional.empty(), Optional.of("x"), Optional.of(Optional.of(7L)), Optional.of(List.of(1, 2)),
                Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("2026-12-05T01:47:57.123456789Z"),
                Duration.ZERO, Duration.ofNanos(-1), Duration.ofSeconds(Long.MIN_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofDays(3).plusNanos(5),
                LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalDate.of(2024, 2, 29),
                LocalTime.MIN, LocalTime.MAX, LocalTime.NOON, LocalTime.of(23, 59, 59, 1),
                LocalDateTime.MIN, LocalDateTime.MAX, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999),
                OffsetDateTime.MIN, OffsetDateTime.MAX, OffsetDateTime.of(overlap, ZoneOffset.ofHoursMinutes(-9, -30)),
                ZonedDateTime.ofLocal(overlap, berlin, ZoneOffset.ofHours(2)),
                ZonedDateTime.ofLocal(overlap, berlin, ZoneOffset.ofHours(1)),
                ZonedDateTime.of(overlap, ZoneOffset.UTC), ZonedDateTime.of(overlap, ZoneId.of("UTC")),
                ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.MIN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void shouldRoundTripEveryBuiltInTypeWithoutRegistration(Object value) {
        assertThat(registry.canEncode(value.getClass())).isTrue();
        Object back = roundTrip(value);
        assertThat(back).isEqualTo(value).hasSameClassAs(value);
        if (value instanceof BigDecimal d) {
            assertThat(((BigDecimal) back).scale()).isEqualTo(d.scale());
        }
        if (value instanceof ZonedDateTime z) {
            assertThat(((ZonedDateTime) back).getOffset()).isEqualTo(z.getOffset());
        }
    }

    @Test
    void shouldRoundTripEveryBuiltInTypeInsideAListWithNulls() {
        List<Object> all = new ArrayList<>(values().toList());
        all.add(null);
        all.add(0, null);
        assertThat(roundTrip(all)).isEqualTo(all);
    }

    @Test
    void shouldRoundTripArraysOfEveryPrimitiveTypeWithTheirEdgeValues() {
        List<Object> arrays = List.of(
                new boolean[] {}, new boolean[] {true, false, true},
                new byte[] {Byte.MIN_VALUE, 0, Byte.MAX_VALUE},
                new short[] {}, new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE},
                new char[] {}, new char[] {Character.MIN_VALUE, 'é', '\ud800', Character.MAX_VALUE},
                new int[] {}, new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE},
                new long[] {}, new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE},
                new float[] {}, new float[] {Float.NaN, -0.0f, Float.NEGATIVE_INFINITY, Float.MIN_VALUE},
                new double[] {}, new double[] {Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.MAX_VALUE});
        for (Object array : arrays) {
            Object back = roundTrip(array);
            assertThat(back).as(array.getClass().getSimpleName()).hasSameClassAs(array);
            assertThat(Arrays.deepEquals(new Object[] {back}, new Object[] {array}))
                    .as(Arrays.deepToString(new Object[] {array})).isTrue();
        }
        // Raw bits, not just equal values: NaN payloads and negative zero survive.
        double[] back = (double[]) roundTrip(new double[] {Double.longBitsToDouble(0x7ff8_0000_0000_0abcL), -0.0});
        assertThat(Double.doubleToRawLongBits(back[0])).isEqualTo(0x7ff8_0000_0000_0abcL);
        assertThat(Double.doubleToRawLongBits(back[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void shouldRoundTripSetsOfAnyKindInIterationOrder() {
        Set<Object> mixed = new LinkedHashSet<>(List.of("b", 3L, "a"));
        mixed.add(null);
        assertThat(roundTrip(mixed)).isInstanceOf(LinkedHashSet.class).isEqualTo(mixed);
        assertThat(new ArrayList<Object>((Set<?>) roundTrip(new TreeSet<>(List.of("z", "a", "m"))))).containsExactly("a", "m", "z");
        assertThat(roundTrip(new HashSet<>(Set.of(1, 2, 3)))).isEqualTo(Set.of(1, 2, 3));
        assertThat(roundTrip(Set.of())).isEqualTo(Set.of());
    }

    @Test
    void shouldRoundTripRecordsHoldingBuiltInTypesAndNulls() {
        registry.registerRecord(Account.class).registerRecord(Readings.class);
        Account open = new Account("a-1", new BigDecimal("1234.50"), Optional.empty(), UUID.randomUUID());
        Account closed = new Account("a-2", null, Optional.of(Instant.parse("2026-01-01T00:00:00Z")), null);
        assertThat(roundTrip(List.of(open, closed))).isEqualTo(List.of(open, closed));
        Readings readings = (Readings) roundTrip(new Readings(new int[] {3, -4}, null));
        assertThat(readings.counts()).containsExactly(3, -4);
        assertThat(readings.levels()).isNull();
    }

    @Test
    void shouldRefuseRegisteringABuiltInType() {
        assertThatThrownBy(() -> registry.register(BigDecimal.class, "my.BigDecimal", new Codec<BigDecimal>() {
            @Override
            public void encode(BigDecimal value, Encoder out) {
            }

            @Override
            public BigDecimal decode(Decoder in) {
                return null;
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.math.BigDecimal is built in");
    }

    @Test
    void shouldFailLoudlyOnCorruptBuiltInValues() {
        int instantTag = tagOf(Instant.EPOCH);
        Encoder nanos = new Encoder();
        nanos.writeByte(instantTag);
        nanos.writeZigZagLong(0);
        nanos.writeVarInt(1_000_000_000);
        assertThatThrownBy(() -> decode(nanos))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("nanosecond field of 1000000000 at position 2, above 999999999")
                .hasMessageContaining("(test)");

        Encoder emptyInteger = new Encoder();
        emptyInteger.writeByte(tagOf(BigInteger.ONE));
        emptyInteger.writeBytes(new byte[0]);
        assertThatThrownBy(() -> decode(emptyInteger)).isInstanceOf(CodecException.class)
                .hasMessageContaining("an integer with no bytes");

        Encoder zone = new Encoder();
        ZonedDateTime utc = ZonedDateTime.of(LocalDateTime.of(2020, 1, 1, 0, 0), ZoneOffset.UTC);
        registry.valueCodec("test").encode(utc, zone);
        byte[] bytes = zone.toByteArray();
        bytes[bytes.length - 1] = '?';
        assertThatThrownBy(() -> registry.valueCodec("test").decode(new Decoder(bytes)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("malformed input: cannot decode the java.time.ZonedDateTime at position 0 (test)");

        Encoder date = new Encoder();
        date.writeByte(tagOf(LocalDate.EPOCH));
        date.writeZigZagLong(Long.MAX_VALUE);
        assertThatThrownBy(() -> decode(date)).isInstanceOf(CodecException.class)
                .hasMessageContaining("java.time.LocalDate");

        Encoder array = new Encoder();
        array.writeByte(tagOf(new long[0]));
        array.writeVarInt(1_000_000);
        assertThatThrownBy(() -> decode(array)).isInstanceOf(CodecException.class)
                .hasMessageContaining("announces 1000000 items");

        Encoder unknownTag = new Encoder();
        unknownTag.writeByte(120);
        assertThatThrownBy(() -> decode(unknownTag)).isInstanceOf(CodecException.class)
                .hasMessageContaining("unknown type tag 120");
    }

    private Object roundTrip(Object value) {
        Codec<Object> values = registry.valueCodec("test");
        Encoder out = new Encoder();
        values.encode(value, out);
        return values.decode(new Decoder(out.toByteArray()));
    }

    private Object decode(Encoder in) {
        return registry.valueCodec("test").decode(new Decoder(in.toByteArray()));
    }

    private int tagOf(Object value) {
        Encoder out = new Encoder();
        registry.valueCodec("test").encode(value, out);
        return out.toByteArray()[0];
    }
}
