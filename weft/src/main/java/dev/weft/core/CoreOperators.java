package dev.weft.core;

import dev.weft.codec.CodecRegistry;
import dev.weft.engine.dataflow.BatchStage;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import java.time.Duration;
import java.util.List;

/**
 * The core operators as the runtime's lowering builds them on the engine, one method per kind of
 * {@link CoreStep} that is more than a plain engine operator. Internal: for {@code dev.weft.runtime}.
 */
public final class CoreOperators {

    private CoreOperators() {
    }

    /**
     * Builds an {@code input} step.
     *
     * @param scope the worker's root scope
     * @param step the step
     * @param epochInterval how long each input epoch lasts
     * @param abort stops the execution when the source aborts
     * @return the step's output stream
     */
    public static Stream<Object> input(Scope scope, CoreStep.Input step, Duration epochInterval, Runnable abort) {
        return InputOperator.build(scope, step, epochInterval, abort::run);
    }

    /**
     * Builds an {@code output} step.
     *
     * @param scope the worker's root scope
     * @param step the step
     * @param up the stream it writes
     */
    public static void output(Scope scope, CoreStep.Output step, Stream<Object> up) {
        OutputOperator.build(scope, step, up);
    }

    /**
     * A {@code flatMapBatch} step as one link of a fused chain.
     *
     * @param step the step
     * @param worker the worker's index
     * @return the stage that runs the step's mapper on each batch
     */
    public static BatchStage<Object, Object> flatMapBatch(CoreStep.FlatMapBatch step, int worker) {
        return new FlatMapBatchStage(step.stepId(), worker, step.mapper());
    }

    /**
     * Builds a {@code statefulBatch} step.
     *
     * @param scope the worker's root scope
     * @param step the step
     * @param up the keyed stream it reads
     * @param restoreEveryBatch for tests: rebuild each key's state from its encoded snapshot after
     *     every callback
     * @param codecs the registry for state round trips
     * @return the step's output stream
     */
    public static Stream<Object> statefulBatch(Scope scope, CoreStep.StatefulBatch step, Stream<Object> up,
            boolean restoreEveryBatch, CodecRegistry codecs) {
        return StatefulBatchOperator.build(scope, step, up, new StatefulBatchOperator.Options(restoreEveryBatch, codecs));
    }

    /**
     * Builds a {@code branch} step.
     *
     * @param scope the worker's root scope
     * @param step the step
     * @param up the stream it splits
     * @return the accepted items' stream, then the rejected items' stream
     */
    public static List<Stream<Object>> branch(Scope scope, CoreStep.Branch step, Stream<Object> up) {
        return BranchOperator.build(scope, step, up);
    }
}
