package dev.weft;

import dev.weft.codec.Codec;
import dev.weft.codec.CodecRegistry;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;

/**
 * The codec registry every {@link Dataflow} starts from: {@link CodecRegistry#defaults()}, the one
 * set of built-in codecs, plus the types Weft itself puts in streams and state ({@link KeyValue},
 * and the state of built-in operators such as {@code collect} and {@code join}). Users add their
 * own types on the dataflow ({@link Dataflow#registerRecord(Class)} and its neighbours).
 */
final class WeftCodecs {

    private WeftCodecs() {
    }

    /** A new, unfrozen registry with the built-ins and Weft's own types. */
    static CodecRegistry newRegistry() {
        CodecRegistry registry = CodecRegistry.defaults();
        registry.register(KeyValue.class, "dev.weft.KeyValue", keyValueCodec(registry));
        registry.registerRecord(Stateful.Tagged.class, "dev.weft.join.Tagged");
        return registry;
    }

    /**
     * A pair as its key and then its value, each through the registry's value codec (the bytes a
     * record of the two would have); a decoded pair hashes its key once, as any new pair does.
     */
    @SuppressWarnings("rawtypes")
    private static Codec<KeyValue> keyValueCodec(CodecRegistry registry) {
        Codec<Object> values = registry.valueCodec("a KeyValue");
        return new Codec<>() {
            @Override
            public void encode(KeyValue pair, Encoder out) {
                values.encode(pair.key(), out);
                values.encode(pair.value(), out);
            }

            @Override
            public KeyValue decode(Decoder in) {
                Object key = values.decode(in);
                return new KeyValue<>(key, values.decode(in));
            }
        };
    }
}
