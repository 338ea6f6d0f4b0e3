package dev.weft;

import dev.weft.codec.Codec;
import dev.weft.codec.CodecRegistry;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import java.time.Duration;
import java.time.Instant;

/**
 * The codec registry a Weft run starts from: the built-in codecs, {@link Instant} and
 * {@link Duration} (so that state can hold notification times), and the types Weft itself puts in
 * streams and state ({@link KeyValue}, and the state of built-in operators such as {@code collect}
 * and {@code join}). Register your own record types on the result before running.
 */
public final class WeftCodecs {

    private WeftCodecs() {
    }

    /** A new, unfrozen registry with the built-ins and Weft's own types. */
    public static CodecRegistry defaults() {
        CodecRegistry registry = CodecRegistry.defaults();
        registry.register(Instant.class, "java.time.Instant", new Codec<>() {
            @Override
            public void encode(Instant value, Encoder out) {
                out.writeZigZagLong(value.getEpochSecond());
                out.writeVarInt(value.getNano());
            }

            @Override
            public Instant decode(Decoder in) {
                return Instant.ofEpochSecond(in.readZigZagLong(), in.readVarInt());
            }
        });
        registry.register(Duration.class, "java.time.Duration", new Codec<>() {
            @Override
            public void encode(Duration value, Encoder out) {
                out.writeZigZagLong(value.getSeconds());
                out.writeVarInt(value.getNano());
            }

            @Override
            public Duration decode(Decoder in) {
                return Duration.ofSeconds(in.readZigZagLong(), in.readVarInt());
            }
        });
        registry.registerRecord(KeyValue.class, "dev.weft.KeyValue");
        registry.registerRecord(Stateful.Tagged.class, "dev.weft.join.Tagged");
        return registry;
    }
}
