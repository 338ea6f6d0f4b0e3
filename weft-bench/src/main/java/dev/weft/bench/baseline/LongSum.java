package dev.weft.bench.baseline;

import java.util.function.Consumer;

/**
 * The sink of the {@code maps} and {@code epochs} benchmarks: folds every boxed {@code Long} it is
 * given into a {@code long} sum, which the workload checks after each run. Weft's variants should
 * write into this same class, so every variant's sink costs the same. Not thread-safe: one per
 * worker thread.
 */
public final class LongSum implements Consumer<Long> {

    private long sum;

    /** A sink whose sum is 0. */
    public LongSum() {
    }

    /**
     * Adds {@code value} to the sum.
     *
     * @param value a record; not null
     */
    @Override
    public void accept(Long value) {
        sum += value;
    }

    /** {@return the sum of every value accepted since the last {@link #reset()}} */
    public long sum() {
        return sum;
    }

    /** Sets the sum back to 0. */
    public void reset() {
        sum = 0;
    }
}
