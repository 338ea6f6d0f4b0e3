package dev.weft.bench.weft;

import dev.weft.bench.baseline.EpochsHandLoop;
import dev.weft.bench.baseline.LongSum;
import dev.weft.bench.harness.Workload;
import dev.weft.engine.dataflow.BatchStage;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Probe;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.worker.Execution;
import dev.weft.engine.worker.ExecutionConfig;

/**
 * The {@code epochs} benchmark on Weft, measuring progress tracking: a source emits one record per
 * epoch, through a map into a summing sink, and starts epoch {@code e + 1} only once a probe after
 * the sink shows epoch {@code e} complete; one worker.
 */
public final class WeftEpochs implements Workload {

    private final long epochs;
    private final LongSum sink = new LongSum();

    /** A workload of {@code epochs} epochs per run. */
    public WeftEpochs(long epochs) {
        this.epochs = epochs;
    }

    @Override
    public long run() {
        sink.reset();
        long[] completed = new long[1];
        new Execution(ExecutionConfig.defaults(1)).run(worker -> worker.dataflow("epochs", scope -> {
            Probe[] probe = new Probe[1];
            Stream<Long> records = Operators.source(scope, "records", context -> {
                Capability cap = context.capability();
                long epoch = cap.time();
                if (epoch > 0 && probe[0].lessThan(epoch)) {
                    context.activate(); // the previous epoch is not complete yet
                    return;
                }
                if (epoch > 0) {
                    completed[0]++;
                }
                if (epoch == epochs) {
                    cap.drop();
                    return;
                }
                context.output().give(cap, epoch);
                cap.downgrade(epoch + 1);
                context.activate();
            });
            Stream<Long> mapped = Operators.chain(records, "map", Pact.pipeline(), BatchStage.map(EpochsHandLoop.MAPPER));
            Operators.sink(mapped, "sum", Pact.pipeline(), batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    sink.accept(batch.get(i));
                }
            });
            probe[0] = Operators.probe(mapped, "probe");
        }));
        if (completed[0] != epochs || sink.sum() != EpochsHandLoop.expectedSum(epochs)) {
            throw new IllegalStateException("weft epochs: completed " + completed[0] + " of " + epochs + ", sum "
                    + sink.sum() + ", expected " + EpochsHandLoop.expectedSum(epochs));
        }
        return epochs;
    }

    @Override
    public String detail() {
        return "1 record/epoch, each complete before the next";
    }
}
