package dev.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecRegistryTest {

    record Money(long cents) {
    }

    record Order(long id, Money total) {
    }

    static final class MoneyCodec implements Codec<Money> {
        @Override
        public void encode(Money value, Encoder out) {
            out.writeZigZagLong(value.cents());
        }

        @Override
        public Money decode(Decoder in) {
            return new Money(in.readZigZagLong());
        }
    }

    enum Color { RED, GREEN }

    record Leaf(Color color) {
    }

    record Holder(List<Leaf> leaves, Map<String, Optional<Money>> byName) {
    }

    record Clash(Inner inner) {
        record Inner(int x) {
        }
    }

    static final class Plain {
    }

    abstract static class Shape {
    }

    private final CodecRegistry registry = CodecRegistry.defaults();

    @Test
    void shouldRunThePackageDocumentationExample() {
        // Copied from the CodecRegistry Javadoc; keep them in step.
        CodecRegistry codecs = CodecRegistry.defaults()
                .register(Money.class, "com.acme.Money", new MoneyCodec())
                .registerRecord(Order.class)   // record Order(long id, Money total)
                .freeze();
        Codec<Object> values = codecs.valueCodec("snapshot of step 'orders.total'");
        Encoder out = new Encoder();
        values.encode(List.of(new Order(17, new Money(250))), out);
        Object back = values.decode(new Decoder(out.toByteArray()));
        assertThat(back).isEqualTo(List.of(new Order(17, new Money(250))));
    }

    @Test
    void shouldAllowBuiltInsListsAndMapsByDefault() {
        for (Class<?> type : List.of(String.class, Long.class, Integer.class, Short.class, Byte.class, Double.class,
                Float.class, Boolean.class, Character.class, byte[].class, ArrayList.class, List.of().getClass(),
                java.util.TreeMap.class)) {
            assertThat(registry.canEncode(type)).as(type.getName()).isTrue();
        }
        assertThat(registry.canEncode(Money.class)).isFalse();
        assertThat(registry.canEncode(java.util.HashSet.class)).isTrue();
        assertThat(registry.canEncode(String[].class)).isFalse();
    }

    @Test
    void shouldNameTheRegistrationThatFitsAnUnknownTypeAndTheDocsPage() {
        Codec<Object> values = registry.valueCodec("state of step 'flow.total'");
        assertThatThrownBy(() -> values.encode(new Money(1), new Encoder()))
                .isInstanceOf(CodecException.class)
                .hasMessageStartingWith("no codec for type " + Money.class.getTypeName() + " (state of step 'flow.total');"
                        + " it is a record: declare it once with registerRecord(Money.class) on the Dataflow")
                .hasMessageEndingWith("see docs/codecs.md for every built-in type and a hand-written codec");
        assertThatThrownBy(() -> values.encode(Color.RED, new Encoder()))
                .hasMessageContaining("it is an enum: declare it once with registerEnum(Color.class) on the Dataflow")
                .hasMessageContaining("docs/codecs.md");
        assertThatThrownBy(() -> values.encode(new Plain(), new Encoder()))
                .hasMessageContaining("write a codec for it and register it with register(Plain.class, \""
                        + Plain.class.getTypeName() + "\", codec) on the Dataflow")
                .hasMessageContaining("docs/codecs.md");
        assertThatThrownBy(() -> values.encode(new String[] {"a"}, new Encoder()))
                .hasMessageContaining("only arrays of primitives are built in: use a List instead")
                .hasMessageContaining("docs/codecs.md");
    }

    @Test
    void shouldAcceptARepeatedRegistrationAfterFreezing() {
        MoneyCodec codec = new MoneyCodec();
        registry.register(Money.class, "com.acme.Money", codec).registerRecord(Order.class).registerEnum(Color.class);
        registry.freeze();
        registry.register(Money.class, "com.acme.Money", codec).registerRecord(Order.class).registerEnum(Color.class);
        assertThatThrownBy(() -> registry.registerRecord(Leaf.class)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldIgnoreAnIdenticalSecondRegistration() {
        MoneyCodec codec = new MoneyCodec();
        registry.register(Money.class, "com.acme.Money", codec);
        registry.register(Money.class, "com.acme.Money", codec);
        registry.registerRecord(Order.class).registerRecord(Order.class);
        registry.registerEnum(Color.class).registerEnum(Color.class);
        assertThat(registry.canEncode(Money.class)).isTrue();
    }

    @Test
    void shouldRefuseRegisteringATypeAgainWithADifferentCodecOrName() {
        registry.register(Money.class, "com.acme.Money", new MoneyCodec());
        assertThatThrownBy(() -> registry.register(Money.class, "com.acme.Money", new MoneyCodec()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot register " + Money.class.getName())
                .hasMessageContaining("already registered as 'com.acme.Money'");
        assertThatThrownBy(() -> registry.registerRecord(Money.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered");
        registry.registerRecord(Order.class);
        assertThatThrownBy(() -> registry.registerRecord(Order.class, "renamed.Order"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldExplainAConflictWithATypeRegisteredAlongWithARecord() {
        registry.registerRecord(Order.class);
        assertThatThrownBy(() -> registry.register(Money.class, "com.acme.Money", new MoneyCodec()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("register hand-written codecs before the records that use them");
    }

    @Test
    void shouldRefuseAStableNameThatAlreadyStandsForAnotherType() {
        registry.register(Money.class, "shared.name", new MoneyCodec());
        assertThatThrownBy(() -> registry.registerRecord(Order.class, "shared.name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("that stable name already stands for " + Money.class.getName());
    }

    @Test
    void shouldRefuseBuiltInPrimitiveInterfaceAndAbstractTypes() {
        assertThatThrownBy(() -> registry.register(String.class, "my.String", codecOf(String.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is built in");
        assertThatThrownBy(() -> registry.register(int.class, "my.int", codecOf(int.class)))
                .hasMessageContaining("primitive");
        assertThatThrownBy(() -> registry.register(CharSequence.class, "my.CharSequence", codecOf(CharSequence.class)))
                .hasMessageContaining("register each concrete class");
        assertThatThrownBy(() -> registry.register(Shape.class, "my.Shape", codecOf(Shape.class)))
                .hasMessageContaining("register each concrete class");
    }

    @Test
    void shouldRefuseInvalidStableNames() {
        for (String bad : List.of("", "   ", " padded", "tab\there", "x".repeat(257))) {
            assertThatThrownBy(() -> registry.register(Plain.class, bad, codecOf(Plain.class)))
                    .as("name '%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid stable name");
        }
    }

    @Test
    void shouldRegisterRecordsAndEnumsAmongComponentsRecursively() {
        registry.registerRecord(Holder.class);
        assertThat(registry.canEncode(Leaf.class)).isTrue();
        assertThat(registry.canEncode(Color.class)).isTrue();
        assertThat(registry.canEncode(Money.class)).as("type argument of Optional").isTrue();
        Codec<Object> values = registry.valueCodec("test");
        Holder holder = new Holder(List.of(new Leaf(Color.GREEN)), Map.of());
        Encoder out = new Encoder();
        values.encode(holder, out);
        assertThat(values.decode(new Decoder(out.toByteArray()))).isEqualTo(holder);
    }

    @Test
    void shouldKeepAnEarlierRegistrationOfAComponentType() {
        MoneyCodec codec = new MoneyCodec();
        registry.register(Money.class, "com.acme.Money", codec);
        registry.registerRecord(Order.class);
        assertThatThrownBy(() -> registry.registerRecord(Money.class)).hasMessageContaining("already registered");
        // The hand-written codec is still the one in use: its stable name is on the wire.
        Encoder out = new Encoder();
        registry.valueCodec("test").encode(new Order(1, new Money(2)), out);
        assertThat(new String(out.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("com.acme.Money");
    }

    @Test
    void shouldRegisterNothingWhenARecordRegistrationFails() {
        registry.register(Plain.class, Clash.Inner.class.getName(), codecOf(Plain.class));
        assertThatThrownBy(() -> registry.registerRecord(Clash.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("that stable name already stands for " + Plain.class.getName());
        assertThat(registry.canEncode(Clash.class)).isFalse();
        assertThat(registry.canEncode(Clash.Inner.class)).isFalse();
    }

    @Test
    void shouldRefuseRegistrationsAfterFreezeButKeepEncoding() {
        registry.registerRecord(Money.class).freeze();
        assertThat(registry.isFrozen()).isTrue();
        assertThatThrownBy(() -> registry.registerRecord(Order.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("frozen")
                .hasMessageContaining("register every type before the run");
        Encoder out = new Encoder();
        registry.valueCodec("test").encode(new Money(5), out);
        assertThat(registry.valueCodec("test").decode(new Decoder(out.toByteArray()))).isEqualTo(new Money(5));
        assertThatThrownBy(() -> registry.valueCodec("test").encode(new Order(1, null), new Encoder()))
                .hasMessageContaining("before the run starts (this registry is already frozen)");
    }

    @Test
    void shouldDecodeOnlyWithARegistryThatKnowsTheName() {
        registry.registerRecord(Money.class, "com.acme.Money");
        Encoder out = new Encoder();
        registry.valueCodec("writer").encode(new Money(9), out);
        CodecRegistry other = CodecRegistry.defaults().registerRecord(Money.class, "com.acme.Money");
        assertThat(other.valueCodec("reader").decode(new Decoder(out.toByteArray()))).isEqualTo(new Money(9));
        assertThatThrownBy(() -> CodecRegistry.defaults().valueCodec("reader").decode(new Decoder(out.toByteArray())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("unknown type name 'com.acme.Money' at position 0 (reader)");
    }

    private static <T> Codec<T> codecOf(Class<T> type) {
        return new Codec<>() {
            @Override
            public void encode(T value, Encoder out) {
            }

            @Override
            public T decode(Decoder in) {
                return null;
            }
        };
    }
}
