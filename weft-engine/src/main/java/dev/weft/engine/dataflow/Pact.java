package dev.weft.engine.dataflow;

import java.util.function.ToLongFunction;

/**
 * How records travel from an operator output to an input: the parallelization contract.
 *
 * @param <T> the record type
 */
public sealed interface Pact<T> {

    /** Records stay on the worker that produced them. */
    static <T> Pact<T> pipeline() {
        return new Pipeline<>();
    }

    /**
     * Each record goes to the worker owning its key group: its stable 64-bit hash picks one of the
     * execution's key groups, and the routing table maps key groups to workers.
     *
     * @param hash a stable hash of the record's key; must be the same in every process and run
     */
    static <T> Pact<T> exchange(ToLongFunction<? super T> hash) {
        return new Exchange<>(hash);
    }

    /** Every record goes to every worker. */
    static <T> Pact<T> broadcast() {
        return new Broadcast<>();
    }

    /**
     * Same worker.
     *
     * @param <T> the record type
     */
    record Pipeline<T>() implements Pact<T> {
    }

    /**
     * By key group.
     *
     * @param <T> the record type
     * @param hash the stable hash of a record's key
     */
    record Exchange<T>(ToLongFunction<? super T> hash) implements Pact<T> {
    }

    /**
     * To all workers.
     *
     * @param <T> the record type
     */
    record Broadcast<T>() implements Pact<T> {
    }
}
