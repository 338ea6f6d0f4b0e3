package dev.weft.bench.weft;

import dev.weft.bench.baseline.ExchangeHandLoop;
import dev.weft.bench.baseline.MapsHandLoop;
import dev.weft.bench.harness.Workload;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.worker.Execution;
import dev.weft.engine.worker.ExecutionConfig;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code exchange} benchmark on Weft: two workers each emit half of a pre-built array, an
 * exchange routes every record by the hand loop's 64-bit hash to its key group's worker, and each
 * worker sums what it receives.
 */
public final class WeftExchange implements Workload {

    private final int records;
    private final int workers;
    private Long[] input;

    /** A workload over {@code records} records on {@code workers} workers. */
    public WeftExchange(int records, int workers) {
        this.records = records;
        this.workers = workers;
    }

    @Override
    public void setup() {
        input = MapsHandLoop.input(records);
    }

    @Override
    public long run() {
        AtomicLong total = new AtomicLong();
        new Execution(ExecutionConfig.defaults(workers)).run(worker -> worker.dataflow("exchange", scope -> {
            int me = worker.index();
            int from = (int) ((long) records * me / workers);
            int to = (int) ((long) records * (me + 1) / workers);
            Stream<Long> numbers = Operators.source(scope, "numbers", new ArraySource(input, from, to));
            Operators.sink(numbers, "sum", Pact.exchange(ExchangeHandLoop::hash), batch -> {
                long sum = 0;
                for (int i = 0; i < batch.size(); i++) {
                    sum += batch.get(i);
                }
                total.addAndGet(sum);
            });
        }));
        long expected = (long) records * (records - 1) / 2;
        if (total.get() != expected) {
            throw new IllegalStateException("weft exchange: sum " + total.get() + ", expected " + expected);
        }
        return records;
    }

    @Override
    public String detail() {
        return workers + " workers, sum checked";
    }
}
