package dev.weft;

import dev.weft.codec.CodecRegistry;

/**
 * The codec registry a Weft run starts from: the built-in codecs plus the types Weft itself puts
 * in streams and state ({@link KeyValue}, and the state of built-in operators such as
 * {@code collect} and {@code join}). Register your own record types on the result before running.
 */
public final class WeftCodecs {

    private WeftCodecs() {
    }

    /** A new, unfrozen registry with the built-ins and Weft's own types. */
    public static CodecRegistry defaults() {
        CodecRegistry registry = CodecRegistry.defaults();
        registry.registerRecord(KeyValue.class, "dev.weft.KeyValue");
        registry.registerRecord(Stateful.CollectState.class, "dev.weft.collect.State");
        registry.registerRecord(Stateful.Tagged.class, "dev.weft.join.Tagged");
        return registry;
    }
}
