package dev.weft.core;

import dev.weft.StepException;
import dev.weft.engine.dataflow.Batch;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.OutputHandle;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import java.util.List;

/** Runs a {@code branch} step: one operator with two outputs, items split by the predicate. */
final class BranchOperator {

    private BranchOperator() {
    }

    static List<Stream<Object>> build(Scope scope, CoreStep.Branch step, Stream<Object> up) {
        int worker = scope.worker().index();
        OperatorBuilder builder = scope.operator(step.stepId());
        InputHandle<Object> input = builder.input(up, Pact.pipeline());
        OutputHandle<Object> trues = builder.output();
        OutputHandle<Object> falses = builder.output();
        builder.notifyOnFrontier(false);
        builder.build(capabilities -> {
            capabilities.forEach(c -> c.drop());
            return () -> input.forEach(batch -> {
                // The accepted items stay in the batch, compacted in place; a second batch is made only
                // for rejected items, when there are some.
                Batch<Object> rejected = null;
                int kept = 0;
                for (int i = 0; i < batch.size(); i++) {
                    Object item = batch.get(i);
                    boolean accepted;
                    try {
                        accepted = step.predicate().test(item);
                    } catch (RuntimeException | Error e) {
                        throw Failures.at(step.stepId(), worker, StepException.Role.PREDICATE, e);
                    }
                    if (accepted) {
                        batch.set(kept++, item);
                    } else {
                        if (rejected == null) {
                            rejected = new Batch<>(batch.time());
                        }
                        rejected.add(item);
                    }
                }
                batch.truncate(kept);
                trues.send(batch);
                if (rejected != null) {
                    falses.send(rejected);
                }
            });
        });
        return List.of(trues.stream(), falses.stream());
    }
}
