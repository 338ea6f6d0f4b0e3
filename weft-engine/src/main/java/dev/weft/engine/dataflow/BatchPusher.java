package dev.weft.engine.dataflow;

/**
 * Receives the batches of one operator output on behalf of one consumer: hands them to a local
 * input, routes them to workers, or converts them into or out of a loop scope.
 *
 * @param <T> the record type
 */
interface BatchPusher<T> {

    /** Takes ownership of a non-empty batch. */
    void push(Batch<T> batch);

    /** Sends anything buffered; called at the end of every activation of the producer. */
    default void flush() {
    }
}
