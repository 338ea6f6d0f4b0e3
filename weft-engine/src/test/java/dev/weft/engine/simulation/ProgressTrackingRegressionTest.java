package dev.weft.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Probe;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.worker.ExecutionConfig;
import dev.weft.engine.worker.SimulatedExecution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The smallest dataflows that show the engine bugs found by {@link ProgressTrackingSimulationTest},
 * each on the simulated allocator with a fixed seed.
 */
@Timeout(60)
class ProgressTrackingRegressionTest {

    /**
     * The initial capabilities are put in a scope's tracker when it is built but propagated only at
     * its first schedule, so until a worker first steps, every input frontier there (and every
     * probe) reads as empty, as if the input were complete: a driver that builds a dataflow and
     * waits with {@code while (probe.lessThan(epoch)) worker.step();} does not wait at all.
     * reference/timely.md, Correction 5: "Before the first propagation an input frontier must
     * already be {minimum}". Fixed by {@code Scope.initializeFrontiers}; the randomized suites
     * check every frontier from the start of a run.
     */
    @Test
    void shouldShowTheMinimumFrontierBeforeTheFirstStep() {
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(2), 1);
        List<Probe> probes = new ArrayList<>();
        sim.build(worker -> worker.dataflow("probe", scope -> {
            Stream<Long> numbers = Operators.epochSource(scope, "numbers", epoch -> epoch < 3 ? List.of(epoch) : null);
            probes.add(Operators.probe(numbers, "probe"));
        }));

        for (Probe probe : probes) {
            assertThat(probe.done()).as("a probe before its worker's first step").isFalse();
            assertThat(probe.lessEqual(0)).as("epoch 0 may still arrive").isTrue();
        }
        sim.runToCompletion(10_000);
        assertThat(probes).allMatch(Probe::done);
    }

    /**
     * The same inside a loop scope, which a worker schedules only once records enter it: before any
     * step, a probe inside the loop must already see (0, 0) as possibly arriving.
     */
    @Test
    void shouldShowTheMinimumFrontierInsideALoopBeforeTheFirstStep() {
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(2), 1);
        List<Probe> probes = new ArrayList<>();
        List<Long> minimum = new ArrayList<>();
        sim.build(worker -> worker.dataflow("loop-probe", scope -> {
            Stream<Long> numbers = Operators.epochSource(scope, "numbers", epoch -> epoch < 3 ? List.of(epoch) : null);
            scope.iterate("loop", 4, inner -> {
                probes.add(Operators.probe(numbers.enter(inner), "inner probe"));
                minimum.add(inner.domain().minimum());
                return null;
            });
        }));

        for (int w = 0; w < probes.size(); w++) {
            assertThat(probes.get(w).done()).as("a probe in a loop before its worker's first step").isFalse();
            assertThat(probes.get(w).lessEqual(minimum.get(w))).as("(0, 0) may still arrive").isTrue();
        }
        sim.runToCompletion(10_000);
        assertThat(probes).allMatch(Probe::done);
    }

    /**
     * A broadcast sends every record to every worker, but the sender counts it once in progress
     * tracking while each of the W workers counts a consumption: the count at the input goes to
     * -(W-1) per record, and its frontier passes records still in flight. Here each of two workers
     * broadcasts one record at epoch 0; the input's frontier must stay at 0 until all four copies
     * have been read.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 2, 3, 4})
    void shouldKeepABroadcastInputOpenUntilEveryCopyIsRead(long seed) {
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(2), seed);
        List<InputHandle<Long>> inputs = new ArrayList<>();
        boolean[] started = new boolean[2];
        int[] read = new int[1];
        sim.build(worker -> worker.dataflow("broadcast", scope -> {
            Stream<Long> one = Operators.source(scope, "one", context -> {
                Capability cap = context.capability();
                context.output().give(cap, (long) context.workerIndex());
                cap.drop();
            });
            OperatorBuilder builder = scope.operator("count");
            InputHandle<Long> input = builder.input(one, Pact.broadcast());
            inputs.add(input);
            builder.build(capabilities -> {
                capabilities.forEach(Capability::drop);
                return () -> {
                    started[worker.index()] = true;
                    input.forEach(batch -> read[0] += batch.size());
                };
            });
        }));
        List<String> violations = new ArrayList<>();

        sim.runToCompletion(10_000, () -> {
            for (int w = 0; w < 2; w++) {
                if (started[w] && read[0] < 4 && !inputs.get(w).frontier().lessEqual(0)) {
                    violations.add("worker " + w + ": frontier " + inputs.get(w).frontier() + " with " + read[0]
                            + " of 4 copies read");
                }
            }
        });

        assertThat(read[0]).isEqualTo(4);
        assertThat(violations).isEmpty();
    }

    /**
     * A source held back by flow control is woken only by a propagation of the root scope that has
     * updates to apply ({@code Scope.propagate} returns before looking at its waiters otherwise).
     * When the backlog that made {@code mayEmit()} false is the source's own unpublished records and
     * its consumer reads them in the same round, the records' production and consumption cancel
     * before the tracker sees them: nothing ever changes again, the waiter is never run, and the
     * dataflow stalls with the source's capability held. One worker, a limit of four records in
     * flight, a source asking {@code mayEmit()} before each of its ten records, a pipeline into a
     * sink: the source emits five, is held back, and is never woken.
     */
    @Test
    void shouldWakeASourceHeldBackByRecordsItsConsumerAlreadyRead() {
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(1).withMaxRecordsInFlight(4), 0);
        List<Long> seen = new ArrayList<>();
        sim.build(worker -> worker.dataflow("held-back", scope -> {
            long[] next = {0};
            Stream<Long> numbers = Operators.source(scope, "numbers", context -> {
                Capability cap = context.capability();
                while (next[0] < 10) {
                    if (!context.mayEmit()) {
                        return; // woken when the backlog has halved
                    }
                    context.output().give(cap, next[0]++);
                }
                cap.drop();
            });
            Operators.sink(numbers, "collect", Pact.pipeline(), batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    seen.add(batch.get(i));
                }
            });
        }));

        sim.runToCompletion(10_000);

        assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }
}
