package dev.weft;

import dev.weft.codec.CodecRegistry;

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
        registry.registerRecord(KeyValue.class, "dev.weft.KeyValue");
        registry.registerRecord(Stateful.Tagged.class, "dev.weft.join.Tagged");
        return registry;
    }
}
