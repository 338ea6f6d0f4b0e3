package dev.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round-trips random values through the value codec and the batch codec. Each seed is the test's name, so a
 * failure replays by running that seed alone.
 */
class RandomizedRoundTripTest {

    record Pair(Object left, Object right) {
    }

    record Sample(long id, int count, double score, char grade, boolean ok, String name, List<Object> tags) {
    }

    enum Level { LOW, HIGH }

    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 45),
            ZoneId.of("Europe/Berlin"), ZoneId.of("America/St_Johns"), ZoneId.of("UTC"));

    private final CodecRegistry registry = CodecRegistry.defaults()
            .registerRecord(Pair.class)
            .registerRecord(Sample.class)
            .registerEnum(Level.class)
            .freeze();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 0x5eedL, 20240611L, -7L, 987654321987L})
    void shouldRoundTripRandomValuesAndBatches(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Codec<Object> values = registry.valueCodec("randomized test, seed " + seed);
        BatchCodec batches = registry.batchCodec("randomized test, seed " + seed);
        Encoder out = new Encoder(16);
        Decoder in = new Decoder(new byte[0]);
        for (int round = 0; round < 200; round++) {
            Object value = randomValue(random, 0);
            out.reset();
            values.encode(value, out);
            in.reset(out.buffer(), 0, out.position());
            Object back = values.decode(in);
            assertThat(deepEquals(value, back)).as("seed %d round %d: %s became %s", seed, round, value, back).isTrue();
            assertThat(in.hasRemaining()).as("seed %d round %d", seed, round).isFalse();

            Object[] batch = new Object[1 + random.nextInt(64)];
            int size = random.nextInt(batch.length + 1);
            for (int i = 0; i < size; i++) {
                batch[i] = randomValue(random, 1);
            }
            out.reset();
            batches.encode(batch, size, out);
            in.reset(out.buffer(), 0, out.position());
            Object[] decoded = batches.decode(in);
            assertThat(deepEquals(Arrays.asList(Arrays.copyOf(batch, size)), Arrays.asList(decoded)))
                    .as("seed %d round %d: batch of %d", seed, round, size).isTrue();
        }
    }

    private Object randomValue(SplittableRandom r, int depth) {
        int kind = r.nextInt(depth > 3 ? 16 : 22);
        switch (kind) {
            case 0: return null;
            case 1: return randomString(r);
            case 2: return r.nextBoolean() ? r.nextLong() : (long) r.nextInt(-300, 300);
            case 3: return r.nextInt();
            case 4: return (short) r.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1);
            case 5: return (byte) r.nextInt(256);
            case 6: return r.nextBoolean() ? r.nextDouble() * 1e6 : Double.longBitsToDouble(r.nextLong());
            case 7: return Float.intBitsToFloat(r.nextInt());
            case 8: return r.nextBoolean();
            case 9: return (char) r.nextInt(Character.MAX_VALUE + 1);
            case 10: {
                byte[] bytes = new byte[r.nextInt(20)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) r.nextInt(256);
                }
                return bytes;
            }
            case 11: return r.nextBoolean() ? Level.LOW : Level.HIGH;
            case 12: return r.nextBoolean() ? BigInteger.valueOf(r.nextLong()).shiftLeft(r.nextInt(100))
                    : new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(-40, 40));
            case 13: return new UUID(r.nextLong(), r.nextLong());
            case 14: {
                Instant t = Instant.ofEpochSecond(r.nextLong(-100_000_000_000L, 100_000_000_000L), r.nextInt(1_000_000_000));
                switch (r.nextInt(4)) {
                    case 0: return t;
                    case 1: return Duration.ofSeconds(r.nextLong(), r.nextInt(1_000_000_000));
                    case 2: return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
                    default: return ZonedDateTime.ofInstant(t, ZONES.get(r.nextInt(ZONES.size())));
                }
            }
            case 15: {
                long[] longs = new long[r.nextInt(8)];
                for (int i = 0; i < longs.length; i++) {
                    longs[i] = r.nextLong();
                }
                return r.nextBoolean() ? longs : Arrays.stream(longs).mapToDouble(Double::longBitsToDouble).toArray();
            }
            case 16: return Optional.ofNullable(randomValue(r, depth + 1));
            case 17: {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    list.add(randomValue(r, depth + 1));
                }
                return list;
            }
            case 18: {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    map.put(randomString(r), randomValue(r, depth + 1));
                }
                return map;
            }
            case 19: return new Pair(randomValue(r, depth + 1), randomValue(r, depth + 1));
            default: {
                List<Object> tags = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    tags.add(randomValue(r, depth + 1));
                }
                return new Sample(r.nextLong(), r.nextInt(), r.nextDouble(), (char) r.nextInt(0xFFFF + 1),
                        r.nextBoolean(), r.nextInt(4) == 0 ? null : randomString(r), tags);
            }
        }
    }

    /** ASCII most of the time; otherwise any UTF-16 code units, lone surrogates included. */
    private static String randomString(SplittableRandom r) {
        int length = r.nextInt(12);
        StringBuilder s = new StringBuilder(length);
        boolean ascii = r.nextBoolean();
        for (int i = 0; i < length; i++) {
            s.append(ascii ? (char) r.nextInt(0x80) : (char) r.nextInt(Character.MAX_VALUE + 1));
        }
        return s.toString();
    }

    /** Equality that compares arrays by content (doubles by bits), also inside lists, maps, optionals and records. */
    private static boolean deepEquals(Object a, Object b) {
        if (a instanceof double[] x && b instanceof double[] y) {
            return Arrays.equals(Arrays.stream(x).mapToLong(Double::doubleToRawLongBits).toArray(),
                    Arrays.stream(y).mapToLong(Double::doubleToRawLongBits).toArray());
        } else if (a != null && a.getClass().isArray() && b != null && a.getClass() == b.getClass()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        } else if (a instanceof Optional<?> x && b instanceof Optional<?> y) {
            return x.isPresent() == y.isPresent() && (x.isEmpty() || deepEquals(x.get(), y.get()));
        } else if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        } else if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return deepEquals(new ArrayList<>(x.keySet()), new ArrayList<>(y.keySet()))
                    && deepEquals(new ArrayList<>(x.values()), new ArrayList<>(y.values()));
        } else if (a instanceof Pair x && b instanceof Pair y) {
            return deepEquals(x.left(), y.left()) && deepEquals(x.right(), y.right());
        } else if (a instanceof Sample x && b instanceof Sample y) {
            return x.id() == y.id() && x.count() == y.count() && Double.compare(x.score(), y.score()) == 0
                    && x.grade() == y.grade() && x.ok() == y.ok() && Objects.equals(x.name(), y.name())
                    && deepEquals(x.tags(), y.tags());
        }
        return Objects.equals(a, b) && (a == null || a.getClass() == b.getClass());
    }
}
