package dev.weft.core;

import dev.weft.StepException;
import dev.weft.engine.dataflow.Batch;
import dev.weft.engine.dataflow.BatchStage;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a {@code flatMapBatch} step's mapper on each engine batch, as one link of a fused chain.
 * The mapper sees the batch as a {@link BatchList}; if it returns that same list, still backed by
 * the batch, the batch moves on without a copy, otherwise its results are packed into new batches
 * at the same time.
 */
final class FlatMapBatchStage implements BatchStage<Object, Object> {

    private final String stepId;
    private final int worker;
    private final Function<List<Object>, Iterable<Object>> mapper;

    FlatMapBatchStage(String stepId, int worker, Function<List<Object>, Iterable<Object>> mapper) {
        this.stepId = stepId;
        this.worker = worker;
        this.mapper = mapper;
    }

    @Override
    public void apply(Batch<Object> batch, Consumer<Batch<Object>> downstream) {
        BatchList<Object> view = new BatchList<>(batch);
        Iterable<Object> out;
        try {
            out = mapper.apply(view);
        } catch (RuntimeException | Error e) {
            throw Failures.at(stepId, worker, StepException.Role.MAPPER, e);
        }
        if (out == view && view.isBatch()) {
            if (!batch.isEmpty()) {
                downstream.accept(batch);
            }
            return;
        }
        if (out == null) {
            throw Failures.at(stepId, worker, StepException.Role.MAPPER,
                    new NullPointerException("the mapper returned null; return an empty list instead"));
        }
        long time = batch.time();
        if (out instanceof Collection<?> collection) {
            // Batches sized to the results: a mapper that returns a few items does not cost a full batch array.
            int remaining = collection.size();
            if (remaining == 0) {
                return;
            }
            Batch<Object> next = sized(time, remaining);
            for (Object item : out) {
                if (next.isFull()) {
                    downstream.accept(next);
                    remaining -= next.size();
                    next = sized(time, Math.max(1, remaining));
                }
                next.add(item);
            }
            if (!next.isEmpty()) {
                downstream.accept(next);
            }
            return;
        }
        Batch<Object> next = new Batch<>(time);
        for (Object item : out) {
            if (next.isFull()) {
                downstream.accept(next);
                next = new Batch<>(time);
            }
            next.add(item);
        }
        if (!next.isEmpty()) {
            downstream.accept(next);
        }
    }

    private static Batch<Object> sized(long time, int items) {
        return new Batch<>(time, new Object[Math.min(items, Batch.CAPACITY)], 0);
    }
}
