package dev.weft.bench.weft;

import dev.weft.engine.dataflow.Batch;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.SourceContext;
import java.util.Arrays;

/**
 * A source emitting a slice of a pre-built array in batches of {@link Batch#CAPACITY}, at epoch 0,
 * a bounded number of batches per activation (so that downstream operators run while the batches
 * are still in cache), respecting flow control; it drops its capability when done.
 */
final class ArraySource implements Operators.SourceLogic<Long> {

    private static final int BATCHES_PER_ACTIVATION = 16;

    private final Long[] input;
    private final int end;
    private int next;

    ArraySource(Long[] input, int from, int to) {
        this.input = input;
        this.next = from;
        this.end = to;
    }

    @Override
    public void run(SourceContext<Long> context) {
        for (int b = 0; b < BATCHES_PER_ACTIVATION && next < end && context.mayEmit(); b++) {
            int n = Math.min(Batch.CAPACITY, end - next);
            Object[] items = Arrays.copyOfRange(input, next, next + Batch.CAPACITY, Object[].class);
            next += n;
            context.output().send(new Batch<>(context.capability().time(), items, n));
        }
        if (next == end) {
            context.capability().drop();
        } else {
            context.activate();
        }
    }
}
