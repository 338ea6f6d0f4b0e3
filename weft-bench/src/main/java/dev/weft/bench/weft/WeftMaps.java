package dev.weft.bench.weft;

import dev.weft.bench.baseline.LongSum;
import dev.weft.bench.baseline.MapsHandLoop;
import dev.weft.bench.harness.Workload;
import dev.weft.engine.dataflow.BatchStage;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.worker.Execution;
import dev.weft.engine.worker.ExecutionConfig;

/**
 * The {@code maps} benchmark on Weft: the hand loop's three functions as a fused chain of three
 * map stages in one engine operator, between an array source and a summing sink, on one worker.
 */
public final class WeftMaps implements Workload {

    private final int records;
    private Long[] input;
    private final LongSum sink = new LongSum();

    /** A workload over {@code records} records. */
    public WeftMaps(int records) {
        this.records = records;
    }

    @Override
    public void setup() {
        input = MapsHandLoop.input(records);
    }

    @Override
    public long run() {
        sink.reset();
        new Execution(ExecutionConfig.defaults(1)).run(worker -> worker.dataflow("maps", scope -> {
            Stream<Long> numbers = Operators.source(scope, "numbers", new ArraySource(input, 0, records));
            Stream<Long> mapped = Operators.chain(numbers, "maps", Pact.pipeline(),
                    BatchStage.<Long, Long>map(MapsHandLoop.FIRST)
                            .then(BatchStage.map(MapsHandLoop.SECOND))
                            .then(BatchStage.map(MapsHandLoop.THIRD)));
            Operators.sink(mapped, "sum", Pact.pipeline(), batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    sink.accept(batch.get(i));
                }
            });
        }));
        long expected = MapsHandLoop.expectedSum(records);
        if (sink.sum() != expected) {
            throw new IllegalStateException("weft maps: sum " + sink.sum() + ", expected " + expected);
        }
        return records;
    }

    @Override
    public String detail() {
        return "sum checked";
    }
}
