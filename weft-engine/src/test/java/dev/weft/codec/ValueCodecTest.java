package dev.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValueCodecTest {

    record Point(int x, int y) {
    }

    record Line(Point from, Point to, String label) {
    }

    record Order(long id, String customer, List<Item> items, Side side) {
    }

    record Item(String sku, int quantity, double price) {
    }

    enum Side { BUY, SELL { @Override public String toString() { return "sell"; } } }

    record Primitives(boolean z, byte b, short s, char c, int i, long l, float f, double d) {
    }

    record Tree(String name, List<Tree> children) {
    }

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive, got " + value);
            }
        }
    }

    /** A user class that is not a record. */
    static final class Money {
        final long cents;
        final String currency;

        Money(long cents, String currency) {
            this.cents = cents;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && m.cents == cents && m.currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cents) * 31 + currency.hashCode();
        }
    }

    static final class MoneyCodec implements Codec<Money> {
        @Override
        public void encode(Money value, Encoder out) {
            out.writeZigZagLong(value.cents);
            out.writeString(value.currency);
        }

        @Override
        public Money decode(Decoder in) {
            return new Money(in.readZigZagLong(), in.readString());
        }
    }

    static class Animal {
    }

    static final class Dog extends Animal {
    }

    /** Never initialized by these tests: its name is only ever read from bytes. */
    static final class Canary {
        static {
            CanaryWitness.initialized = true;
        }
    }

    static final class CanaryWitness {
        static volatile boolean initialized;
    }

    private final CodecRegistry registry = CodecRegistry.defaults();
    private final Codec<Object> values = registry.valueCodec("exchange in step 'test.step'");

    private Object roundTrip(Object value) {
        Encoder out = new Encoder();
        values.encode(value, out);
        Decoder in = new Decoder(out.toByteArray());
        Object back = values.decode(in);
        assertThat(in.hasRemaining()).as("bytes left after decoding %s", value).isFalse();
        return back;
    }

    static Stream<Object> builtInValues() {
        return Stream.of(null, "", "plain ascii", "caf\u00e9 \u65e5\u672c", "\ud83d\ude00", "lone \ud800 surrogate",
                0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
                0, Integer.MIN_VALUE, Integer.MAX_VALUE,
                (short) 0, Short.MIN_VALUE, Short.MAX_VALUE,
                (byte) 0, Byte.MIN_VALUE, Byte.MAX_VALUE,
                0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE,
                0.0f, -0.0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
                true, false,
                'a', '\u0000', '\uffff', '\ud800');
    }

    @ParameterizedTest
    @MethodSource("builtInValues")
    void shouldRoundTripEveryBuiltInTypeIncludingEdgeValues(Object value) {
        Object back = roundTrip(value);
        assertThat(back).isEqualTo(value);
        if (value != null) {
            assertThat(back).isInstanceOf(value.getClass());
        }
    }

    @Test
    void shouldRoundTripByteArraysByContent() {
        assertThat((byte[]) roundTrip(new byte[0])).isEmpty();
        assertThat((byte[]) roundTrip(new byte[] {1, -1, 0, 127})).containsExactly(1, -1, 0, 127);
    }

    @Test
    void shouldRoundTripEmptyNestedAndNullHoldingLists() {
        List<Object> withNull = new ArrayList<>(Arrays.asList("a", null, 3L));
        List<Object> nested = List.of(List.of(), List.of(List.of(1, 2), List.of()), withNull);
        assertThat(roundTrip(List.of())).isEqualTo(List.of()).isInstanceOf(ArrayList.class);
        assertThat(roundTrip(withNull)).isEqualTo(withNull);
        assertThat(roundTrip(nested)).isEqualTo(nested);
    }

    @Test
    void shouldAcceptAnyListImplementationAndDecodeAnArrayList() {
        List<String> linked = new LinkedList<>(List.of("x", "y"));
        Object back = roundTrip(linked);
        assertThat(back).isInstanceOf(ArrayList.class).isEqualTo(List.of("x", "y"));
        assertThat(roundTrip(Collections.unmodifiableList(linked))).isEqualTo(linked);
        assertThat(roundTrip(Arrays.asList(1, 2))).isEqualTo(List.of(1, 2));
    }

    @Test
    void shouldRoundTripMapsPreservingEncounterOrder() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", null);
        map.put(null, List.of("v"));
        map.put(7L, Map.of());
        map.put("nested", new LinkedHashMap<>(Map.of("k", Map.of("deeper", true))));
        Object back = roundTrip(map);
        assertThat(back).isInstanceOf(LinkedHashMap.class).isEqualTo(map);
        assertThat(new ArrayList<Object>(((Map<?, ?>) back).keySet())).containsExactlyElementsOf(map.keySet());

        TreeMap<String, Integer> sorted = new TreeMap<>(Map.of("b", 2, "a", 1, "c", 3));
        assertThat(new ArrayList<Object>(((Map<?, ?>) roundTrip(sorted)).keySet())).containsExactly("a", "b", "c");
        assertThat(roundTrip(new HashMap<>())).isEqualTo(Map.of());
    }

    @Test
    void shouldRoundTripRecordsWithNestedRecordsListsAndEnums() {
        registry.registerRecord(Line.class).registerRecord(Order.class);
        Line line = new Line(new Point(1, -2), new Point(Integer.MAX_VALUE, Integer.MIN_VALUE), null);
        Order order = new Order(17, "acme", List.of(new Item("sku-1", 2, 9.99), new Item("sku-2", 0, -0.0)),
                Side.SELL);
        assertThat(roundTrip(line)).isEqualTo(line);
        assertThat(roundTrip(order)).isEqualTo(order);
        assertThat(roundTrip(new Order(1, "", List.of(), Side.BUY))).isEqualTo(new Order(1, "", List.of(), Side.BUY));
    }

    @Test
    void shouldRoundTripEveryPrimitiveComponentKind() {
        registry.registerRecord(Primitives.class);
        Primitives min = new Primitives(false, Byte.MIN_VALUE, Short.MIN_VALUE, '\u0000', Integer.MIN_VALUE,
                Long.MIN_VALUE, Float.NaN, Double.NEGATIVE_INFINITY);
        Primitives max = new Primitives(true, Byte.MAX_VALUE, Short.MAX_VALUE, '\uffff', Integer.MAX_VALUE,
                Long.MAX_VALUE, Float.MAX_VALUE, Double.NaN);
        assertThat(roundTrip(min)).isEqualTo(min);
        assertThat(roundTrip(max)).isEqualTo(max);
    }

    @Test
    void shouldRoundTripARecursiveRecord() {
        registry.registerRecord(Tree.class);
        Tree tree = new Tree("root", List.of(new Tree("a", List.of()), new Tree("b", List.of(new Tree("c", List.of())))));
        assertThat(roundTrip(tree)).isEqualTo(tree);
    }

    @Test
    void shouldRoundTripAUserCodecForANonRecordClass() {
        registry.register(Money.class, "com.acme.Money", new MoneyCodec());
        Money money = new Money(-250, "EUR");
        assertThat(roundTrip(money)).isEqualTo(money);
        assertThat(roundTrip(List.of(money, money, "x"))).isEqualTo(List.of(money, money, "x"));
    }

    @Test
    void shouldRoundTripMixedTypesInOneList() {
        registry.registerRecord(Point.class).register(Money.class, "com.acme.Money", new MoneyCodec());
        List<Object> mixed = Arrays.asList(new Point(1, 2), "s", null, 4L, new Money(1, "USD"), Side.BUY,
                Map.of("p", new Point(3, 4)));
        registry.registerEnum(Side.class);
        assertThat(roundTrip(mixed)).isEqualTo(mixed);
    }

    @Test
    void shouldWriteEachUserTypeNameOncePerTopLevelValue() {
        registry.registerRecord(Point.class);
        List<Point> points = List.of(new Point(1, 1), new Point(2, 2), new Point(3, 3));
        Encoder out = new Encoder();
        values.encode(points, out);
        values.encode(points, out);
        String bytes = new String(out.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes.split(java.util.regex.Pattern.quote(Point.class.getName()), -1)).hasSize(3);
        Decoder in = new Decoder(out.toByteArray());
        assertThat(values.decode(in)).isEqualTo(points);
        assertThat(values.decode(in)).isEqualTo(points);
    }

    @Test
    void shouldFailOnAnUnregisteredTypeNamingTheTypeTheContextAndTheFix() {
        Codec<Object> exchange = registry.valueCodec("exchange in step 'orders.by_customer'");
        assertThatThrownBy(() -> exchange.encode(new Point(1, 2), new Encoder()))
                .isInstanceOf(CodecException.class)
                .hasMessage("no codec for type " + Point.class.getName() + " (exchange in step 'orders.by_customer');"
                        + " it is a record: declare it once with registerRecord(Point.class) on the Dataflow (or on the"
                        + " CodecRegistry you run with); see docs/codecs.md for every built-in type and a hand-written"
                        + " codec");
    }

    @Test
    void shouldNameTheOuterContextWhenAnUnregisteredTypeIsNestedInARecord() {
        registry.register(Money.class, "com.acme.Money", new MoneyCodec());
        record Wrapper(Object payload) {
        }
        registry.registerRecord(Wrapper.class);
        assertThatThrownBy(() -> values.encode(List.of(new Wrapper(new Point(0, 0))), new Encoder()))
                .isInstanceOf(CodecException.class)
                .hasMessageStartingWith("no codec for type " + Point.class.getName() + " (exchange in step 'test.step')");
    }

    @Test
    void shouldRefuseASubclassOfARegisteredClassAndSaySo() {
        registry.register(Animal.class, "zoo.Animal", new Codec<>() {
            @Override
            public void encode(Animal value, Encoder out) {
            }

            @Override
            public Animal decode(Decoder in) {
                return new Animal();
            }
        });
        assertThat(roundTrip(new Animal())).isInstanceOf(Animal.class);
        assertThatThrownBy(() -> values.encode(new Dog(), new Encoder()))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("no codec for type " + Dog.class.getName())
                .hasMessageContaining("its superclass " + Animal.class.getName() + " is registered");
    }

    @Test
    void shouldSuggestRegisterEnumForAnUnregisteredEnum() {
        assertThatThrownBy(() -> values.encode(Side.BUY, new Encoder()))
                .hasMessageContaining("registerEnum(Side.class)");
    }

    @Test
    void shouldFailOnAnUnknownStableNameWithoutLoadingTheClass() {
        Encoder out = new Encoder();
        out.writeByte(ValueCodec.TYPE_NEW);
        out.writeString("dev.weft.codec.ValueCodecTest$Canary");
        out.writeByte(0);
        assertThatThrownBy(() -> values.decode(new Decoder(out.toByteArray())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("unknown type name 'dev.weft.codec.ValueCodecTest$Canary' at position 0"
                        + " (exchange in step 'test.step')")
                .hasMessageContaining("never loads a class named by its input");
        assertThat(CanaryWitness.initialized).isFalse();
    }

    @Test
    void shouldFailClearlyOnEveryTruncationOfAValue() {
        registry.registerRecord(Order.class);
        Order order = new Order(1234567, "customer \u00e9", List.of(new Item("sku", 3, 1.5)), Side.BUY);
        Encoder out = new Encoder();
        values.encode(Map.of("order", order, "note", List.of("x", 2L)), out);
        byte[] bytes = out.toByteArray();
        for (int length = 0; length < bytes.length; length++) {
            Decoder in = new Decoder(bytes, 0, length);
            assertThatThrownBy(() -> values.decode(in))
                    .as("decoding the first %d of %d bytes", length, bytes.length)
                    .isInstanceOf(CodecException.class)
                    .hasMessageContaining("truncated input")
                    .hasMessageContaining("position")
                    .hasMessageContaining("(exchange in step 'test.step')");
        }
    }

    @Test
    void shouldRefuseAnUnknownTagAndADanglingTypeReference() {
        assertThatThrownBy(() -> values.decode(new Decoder(new byte[] {99})))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("reading a value at position 0, got unknown type tag 99");
        assertThatThrownBy(() -> values.decode(new Decoder(new byte[] {(byte) ValueCodec.TYPE_REF, 0})))
                .hasMessageContaining("a reference to type number 0 but only 0 types were named");
    }

    @Test
    void shouldRefuseAHugeAnnouncedListWithoutAllocatingIt() {
        Encoder out = new Encoder();
        out.writeByte(ValueCodec.LIST);
        out.writeVarInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> values.decode(new Decoder(out.toByteArray())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("a list at position 0 announces 2147483647 items, but only 0 bytes remain");
    }

    @Test
    void shouldRefuseAListThatContainsItself() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThatThrownBy(() -> values.encode(cyclic, new Encoder()))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("nested more than " + ValueCodec.MAX_DEPTH + " levels")
                .hasMessageContaining("contains itself");
    }

    @Test
    void shouldRefuseHostileNestingWhenDecoding() {
        byte[] deep = new byte[ValueCodec.MAX_DEPTH * 2 + 2];
        for (int i = 0; i < deep.length; i += 2) {
            deep[i] = ValueCodec.LIST;
            deep[i + 1] = 1;
        }
        assertThatThrownBy(() -> values.decode(new Decoder(deep)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("nested more than");
    }

    @Test
    void shouldReportARecordConstructorThatRejectsDecodedComponents() {
        registry.registerRecord(Positive.class);
        Encoder out = new Encoder();
        out.writeByte(ValueCodec.TYPE_NEW);
        out.writeString(Positive.class.getName());
        out.writeZigZagInt(-3);
        assertThatThrownBy(() -> values.decode(new Decoder(out.toByteArray())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("canonical constructor of record " + Positive.class.getName())
                .hasMessageContaining("value must be positive, got -3")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReportAComponentOfTheWrongTypeInTheInput() {
        registry.registerRecord(Line.class);
        Encoder out = new Encoder();
        out.writeByte(ValueCodec.TYPE_NEW);
        out.writeString(Line.class.getName());
        values.encode("not a point", out);
        assertThatThrownBy(() -> values.decode(new Decoder(out.toByteArray())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("component 'from' is declared " + Point.class.getName()
                        + " but the input holds a java.lang.String");
    }

    @Test
    void shouldReportAnUnknownEnumConstant() {
        registry.registerEnum(Side.class);
        Encoder out = new Encoder();
        out.writeByte(ValueCodec.TYPE_NEW);
        out.writeString(Side.class.getName());
        out.writeString("HOLD");
        assertThatThrownBy(() -> values.decode(new Decoder(out.toByteArray())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("enum " + Side.class.getName())
                .hasMessageContaining("no constant named 'HOLD'");
    }

    @Test
    void shouldWrapAFailingUserCodecNamingItsType() {
        registry.register(Money.class, "com.acme.Money", new Codec<>() {
            @Override
            public void encode(Money value, Encoder out) {
                throw new UnsupportedOperationException("boom");
            }

            @Override
            public Money decode(Decoder in) {
                throw new UnsupportedOperationException("boom");
            }
        });
        assertThatThrownBy(() -> values.encode(new Money(1, "X"), new Encoder()))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("the codec registered for " + Money.class.getName() + " (as 'com.acme.Money')")
                .hasMessageContaining("(exchange in step 'test.step')")
                .hasCauseInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @Timeout(30)
    void shouldEncodeAndDecodeFromManyThreadsAtOnce() throws Exception {
        registry.registerRecord(Order.class).freeze();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Encoder out = new Encoder();
                    Decoder in = new Decoder(new byte[0]);
                    for (int i = 0; i < 2_000; i++) {
                        Order order = new Order(i, "c" + thread, List.of(new Item("s" + i, i, i / 2.0)), Side.BUY);
                        out.reset();
                        values.encode(order, out);
                        in.reset(out.buffer(), 0, out.position());
                        assertThat(values.decode(in)).isEqualTo(order);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
