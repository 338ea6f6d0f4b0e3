package dev.weft.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.codec.StableHash;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.KeyGroups;
import dev.weft.engine.dataflow.OperatorFailure;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Stream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream.Builder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(120)
class MultiWorkerTest {

    static java.util.stream.Stream<Arguments> workersAndModes() {
        Builder<Arguments> cases = java.util.stream.Stream.builder();
        for (int workers : new int[] {1, 2, 4}) {
            cases.add(Arguments.of(workers, false));
            cases.add(Arguments.of(workers, true));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} worker(s), serializing={1}")
    @MethodSource("workersAndModes")
    void shouldDeliverEveryExchangedRecordExactlyOnceToTheWorkerItsRoutePicks(int workers, boolean serializing) {
        long perWorker = 20_000;
        Map<Long, Integer> receivedBy = new ConcurrentHashMap<>();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong misrouted = new AtomicLong();
        KeyGroups routes = new KeyGroups(256, workers);
        ExecutionConfig config = ExecutionConfig.defaults(workers).withSerializing(serializing);
        new Execution(config).run(worker -> worker.dataflow("exchange", scope -> {
            Stream<Long> numbers = Operators.source(scope, "numbers", new Operators.SourceLogic<Long>() {
                private long next = worker.index() * perWorker;

                @Override
                public void run(dev.weft.engine.dataflow.SourceContext<Long> context) {
                    Capability cap = context.capability();
                    long end = (worker.index() + 1) * perWorker;
                    while (next < end && context.mayEmit()) {
                        context.output().give(cap, next++);
                        if (next % 5_000 == 0) {
                            cap.downgrade(next / 5_000);
                        }
                    }
                    if (next == end) {
                        cap.drop();
                    } else {
                        context.activate();
                    }
                }
            });
            Operators.sink(numbers, "routed", Pact.exchange(StableHash::hash), batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    Long value = batch.get(i);
                    if (receivedBy.put(value, worker.index()) != null) {
                        duplicates.incrementAndGet();
                    }
                    if (routes.workerFor(StableHash.hash(value)) != worker.index()) {
                        misrouted.incrementAndGet();
                    }
                }
            });
        }));
        assertThat(receivedBy).hasSize((int) (perWorker * workers));
        assertThat(duplicates).hasValue(0);
        assertThat(misrouted).hasValue(0);
    }

    @Test
    void shouldStopEveryWorkerAndNameTheOperatorWhenOneThrowsOnWorkerTwoOfFour() {
        assertThatThrownBy(() -> new Execution(ExecutionConfig.defaults(4)).run(worker -> worker.dataflow("flow", scope -> {
            // The source never ends on its own: only the failure can stop this execution.
            Stream<Long> ticks = Operators.source(scope, "ticks", context -> {
                context.output().give(context.capability(), 1L);
                context.activateAfter(Duration.ofMillis(1));
            });
            Operators.sink(ticks, "explode", Pact.pipeline(), batch -> {
                if (worker.index() == 2) {
                    throw new IllegalArgumentException("boom");
                }
            });
        })))
                .isInstanceOf(OperatorFailure.class)
                .hasMessageContaining("'flow.explode'")
                .hasMessageContaining("worker 2")
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("boom");
    }

    @Test
    void shouldReportAForgottenCapabilityInsteadOfHanging() {
        ExecutionConfig config = ExecutionConfig.defaults(2).withStallTimeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> new Execution(config).run(worker -> worker.dataflow("leaky", scope -> {
            Stream<Long> numbers = Operators.epochSource(scope, "numbers", e -> e < 3 ? List.of(e) : null);
            // Keeps its capability and never drops it: the dataflow can never finish.
            Stream<Long> copy = Operators.unary(numbers, "forgetful", Pact.pipeline(),
                    capability -> (input, output) -> input.forEach(output::send));
            Operators.sink(copy, "sink", Pact.pipeline(), batch -> { });
        })))
                .isInstanceOf(StalledException.class)
                .hasMessageContaining("capability(ies) held at output 0 of 'forgetful' at time 0");
    }

    @Test
    void shouldHoldBackASourceFarFasterThanItsSink() {
        long limit = 10_000;
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        AtomicLong maxGap = new AtomicLong();
        ExecutionConfig config = ExecutionConfig.defaults(2).withMaxRecordsInFlight(limit);
        new Execution(config).run(worker -> worker.dataflow("flow", scope -> {
            Stream<Long> fast = Operators.source(scope, "fast", new Operators.SourceLogic<Long>() {
                private long sent;

                @Override
                public void run(dev.weft.engine.dataflow.SourceContext<Long> context) {
                    while (sent < 200_000 && context.mayEmit()) {
                        context.output().give(context.capability(), sent++);
                        long gap = produced.incrementAndGet() - consumed.get();
                        maxGap.accumulateAndGet(gap, Math::max);
                    }
                    if (sent == 200_000) {
                        context.capability().drop();
                    }
                }
            });
            Operators.sink(fast, "slow", Pact.exchange(StableHash::hash), batch -> {
                // Counted on receipt, so produced - consumed is exactly the records in flight.
                consumed.addAndGet(batch.size());
                long end = System.nanoTime() + 20_000;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            });
        }));
        assertThat(consumed).hasValue(400_000);
        // A worker hears of another's production before it can consume those records, so its count
        // never drops below what it has heard of, and its own records in flight never exceed the
        // limit plus the one record given after mayEmit said yes. Each worker may not yet have heard
        // of the other's records, so the bound is workers x (limit + 1); it is reached (20,002).
        assertThat(maxGap.get()).isLessThanOrEqualTo(config.workers() * (limit + 1));
    }
}
