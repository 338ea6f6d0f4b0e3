package dev.weft.engine.dataflow;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A per-batch function: one link of a fused chain of pipeline steps, run inside a single engine
 * operator (see {@link Operators#chain}). A chain of maps and filters thus costs one operator
 * activation per batch and one call per record per step, with no channel in between.
 *
 * <p>A stage owns the batch it receives: it may transform it in place and pass it on, drop it,
 * or emit new batches. It emits only non-empty batches, at the input batch's time.
 *
 * @param <T> the record type in
 * @param <R> the record type out
 */
@FunctionalInterface
public interface BatchStage<T, R> {

    /** Processes {@code batch} and passes zero or more non-empty batches to {@code downstream}. */
    void apply(Batch<T> batch, Consumer<Batch<R>> downstream);

    /** This stage followed by {@code next}, as one stage. */
    default <U> BatchStage<T, U> then(BatchStage<R, U> next) {
        BatchStage<T, R> first = this;
        return (batch, downstream) -> first.apply(batch, out -> next.apply(out, downstream));
    }

    /** A stage applying {@code mapper} to each record, in place. */
    static <T, R> BatchStage<T, R> map(Function<? super T, ? extends R> mapper) {
        return (batch, downstream) -> {
            Object[] items = batch.items();
            int n = batch.size();
            for (int i = 0; i < n; i++) {
                @SuppressWarnings("unchecked")
                T item = (T) items[i];
                items[i] = mapper.apply(item);
            }
            @SuppressWarnings("unchecked")
            Batch<R> mapped = (Batch<R>) (Batch<?>) batch;
            downstream.accept(mapped);
        };
    }

    /** A stage keeping the records that match {@code predicate}, compacting in place. */
    static <T> BatchStage<T, T> filter(Predicate<? super T> predicate) {
        return (batch, downstream) -> {
            Object[] items = batch.items();
            int n = batch.size();
            int kept = 0;
            for (int i = 0; i < n; i++) {
                @SuppressWarnings("unchecked")
                T item = (T) items[i];
                if (predicate.test(item)) {
                    items[kept++] = item;
                }
            }
            batch.truncate(kept);
            if (kept > 0) {
                downstream.accept(batch);
            }
        };
    }

    /** A stage replacing each record by the records {@code mapper} returns, in batches of at most the capacity. */
    static <T, R> BatchStage<T, R> flatMap(Function<? super T, ? extends Iterable<? extends R>> mapper) {
        return (batch, downstream) -> {
            Batch<R> out = new Batch<>(batch.time());
            for (int i = 0; i < batch.size(); i++) {
                for (R r : mapper.apply(batch.get(i))) {
                    if (out.isFull()) {
                        downstream.accept(out);
                        out = new Batch<>(batch.time());
                    }
                    out.add(r);
                }
            }
            if (!out.isEmpty()) {
                downstream.accept(out);
            }
        };
    }
}
