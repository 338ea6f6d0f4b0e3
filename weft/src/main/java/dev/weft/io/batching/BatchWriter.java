package dev.weft.io.batching;

import java.util.List;

/**
 * A function that writes one batch of items somewhere (a bulk insert, an HTTP batch call).
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface BatchWriter<T> {

    /**
     * Writes {@code batch}, never empty; may block while it does.
     *
     * @param batch the items, in order; the list is the writer's to keep
     * @throws Exception when writing fails; the dataflow fails with the step named
     */
    void write(List<T> batch) throws Exception;
}
