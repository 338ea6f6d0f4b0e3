package dev.weft.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.dataflow.WakeupTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Engine timers: they follow the run's clock, never pile up, and never hide a stall. */
@Timeout(60)
class WakeupTimerTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldHoldOneQueueEntryPerTimerHoweverOftenItsDeadlineMoves() {
        ManualClock clock = new ManualClock(START);
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(1).withClock(clock), 1);
        AtomicInteger fired = new AtomicInteger();
        AtomicReference<WakeupTimer> handle = new AtomicReference<>();
        sim.build(worker -> worker.dataflow("moving", scope -> {
            OperatorBuilder builder = scope.operator("mover");
            builder.output();
            WakeupTimer timer = worker.timer("mover", () -> fired.incrementAndGet());
            handle.set(timer);
            builder.build(capabilities -> {
                Capability capability = capabilities.get(0);
                return () -> {
                    if (fired.get() > 0) {
                        capability.drop();
                    }
                };
            });
            // A deadline that moves 100,000 times, later and earlier, as a per-key timeout does.
            for (int i = 0; i < 100_000; i++) {
                timer.wakeAt(START.plusSeconds(3600 + (i % 7) - 3));
                assertThat(worker.pendingTimerCount()).isEqualTo(1);
            }
            timer.wakeAt(START.plusSeconds(10));
        }));
        Worker worker = sim.workers().get(0);
        assertThat(worker.pendingTimerCount()).isEqualTo(1);
        assertThat(handle.get().pendingAt()).isEqualTo(START.plusSeconds(10));

        worker.step();
        clock.advance(Duration.ofSeconds(9));
        worker.step();
        assertThat(fired).hasValue(0);

        clock.advance(Duration.ofSeconds(1));
        worker.step();
        assertThat(fired).hasValue(1);
        assertThat(worker.pendingTimerCount()).isZero();
        assertThat(handle.get().pendingAt()).isNull();
    }

    @Test
    void shouldFireInDeadlineOrderAndNeverAfterCancelOrClose() {
        ManualClock clock = new ManualClock(START);
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(1).withClock(clock), 1);
        List<String> fired = new ArrayList<>();
        List<WakeupTimer> timers = new ArrayList<>();
        sim.build(worker -> worker.dataflow("order", scope -> {
            for (String name : List.of("a", "b", "c", "d")) {
                timers.add(worker.timer(name, () -> fired.add(name)));
            }
            OperatorBuilder idle = scope.operator("idle");
            idle.output();
            idle.build(capabilities -> () -> capabilities.get(0).drop());
        }));
        Worker worker = sim.workers().get(0);
        timers.get(0).wakeAt(START.plusSeconds(3));
        timers.get(1).wakeAt(START.plusSeconds(1));
        timers.get(2).wakeAt(START.plusSeconds(2));
        timers.get(3).wakeAt(START.plusSeconds(2));
        timers.get(2).cancel();
        timers.get(3).close();
        assertThatThrownBy(() -> timers.get(3).wakeAt(START))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the timer of 'd' on worker 0 is closed");

        clock.advance(Duration.ofSeconds(5));
        worker.step();
        assertThat(fired).containsExactly("b", "a");
        assertThat(worker.pendingTimerCount()).isZero();
    }

    @Test
    void shouldWakeASleepingSourceWhenAManualClockReachesItsTime() throws Exception {
        ManualClock clock = new ManualClock(START);
        Execution execution = new Execution(ExecutionConfig.defaults(2).withClock(clock));
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> execution.run(worker -> worker.dataflow("late",
                scope -> {
                    Stream<String> late = Operators.source(scope, "late", context -> {
                        Instant now = context.clock().instant();
                        if (now.isBefore(START.plus(Duration.ofHours(1)))) {
                            context.wakeAt(START.plus(Duration.ofHours(1)));
                            return;
                        }
                        context.output().give(context.capability(), "at " + now + " on " + context.workerIndex());
                        context.capability().drop();
                    });
                    Operators.sink(late, "print", Pact.pipeline(), batch -> {
                        for (int i = 0; i < batch.size(); i++) {
                            seen.add(batch.get(i));
                        }
                    });
                })));
        clock.advance(Duration.ofHours(1));
        execution.clockMoved();
        run.get(30, TimeUnit.SECONDS);
        assertThat(seen).containsExactlyInAnyOrder("at 2026-01-01T01:00:00Z on 0", "at 2026-01-01T01:00:00Z on 1");
    }

    @Test
    void shouldReportAForgottenCapabilityEvenWithATimerAnHourAwayAndNameTheTimer() {
        ManualClock clock = new ManualClock(START);
        ExecutionConfig config = ExecutionConfig.defaults(2).withStallTimeout(Duration.ofMillis(200)).withClock(clock);
        assertThatThrownBy(() -> new Execution(config).run(worker -> worker.dataflow("leaky", scope -> {
            Stream<Long> numbers = Operators.epochSource(scope, "numbers", e -> e < 3 ? List.of(e) : null);
            // Keeps its capability and never drops it: the dataflow can never finish.
            Stream<Long> copy = Operators.unary(numbers, "forgetful", Pact.pipeline(),
                    capability -> (input, output) -> input.forEach(output::send));
            patientSink(worker, copy, START.plus(Duration.ofHours(1)));
        })))
                .isInstanceOf(StalledException.class)
                .hasMessageContaining("capability(ies) held at output 0 of 'forgetful' at time 0")
                .hasMessageContaining("timer of 'patient' on worker 0, due at 2026-01-01T01:00:00Z")
                .hasMessageContaining("timer of 'patient' on worker 1, due at 2026-01-01T01:00:00Z");
    }

    @Test
    void shouldReportAStallOnTheSystemClockWithATimerAnHourAway() {
        ExecutionConfig config = ExecutionConfig.defaults(2).withStallTimeout(Duration.ofMillis(200));
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        assertThatThrownBy(() -> new Execution(config).run(worker -> worker.dataflow("leaky", scope -> {
            Stream<Long> numbers = Operators.epochSource(scope, "numbers", e -> e < 3 ? List.of(e) : null);
            Stream<Long> copy = Operators.unary(numbers, "forgetful", Pact.pipeline(),
                    capability -> (input, output) -> input.forEach(output::send));
            patientSink(worker, copy, inAnHour);
        })))
                .isInstanceOf(StalledException.class)
                .hasMessageContaining("output 0 of 'forgetful'")
                .hasMessageContaining("timer of 'patient' on worker 0");
    }

    @Test
    void shouldNotReportAStallWhileASourceWaitsForItsTimer() throws Exception {
        ManualClock clock = new ManualClock(START);
        // A stall timeout of a millisecond: a false stall would be declared within a few idle rounds.
        Execution execution = new Execution(ExecutionConfig.defaults(2).withStallTimeout(Duration.ofMillis(1))
                .withClock(clock));
        ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> execution.run(worker -> worker.dataflow("wait",
                scope -> {
                    Stream<Long> ticks = Operators.source(scope, "ticks", context -> {
                        if (context.clock().instant().isBefore(START.plusSeconds(60))) {
                            context.wakeAt(START.plusSeconds(60));
                            return;
                        }
                        context.output().give(context.capability(), (long) context.workerIndex());
                        context.capability().drop();
                    });
                    patientSink(worker, ticks, START.plus(Duration.ofHours(2)), seen::add);
                })));
        long checksBefore = execution.stallChecks();
        while (execution.stallChecks() < checksBefore + 100 && !run.isDone()) {
            Thread.onSpinWait();
        }
        assertThat(run).isNotDone();
        clock.advance(Duration.ofSeconds(60));
        execution.clockMoved();
        run.get(30, TimeUnit.SECONDS);
        assertThat(seen).containsExactlyInAnyOrder(0L, 1L);
    }

    private static void patientSink(Worker worker, Stream<Long> up, Instant wakeAt) {
        patientSink(worker, up, wakeAt, x -> { });
    }

    /** A sink that also asks to be woken at {@code wakeAt}, as a batching writer waits for its deadline. */
    private static void patientSink(Worker worker, Stream<Long> up, Instant wakeAt,
            java.util.function.Consumer<Long> out) {
        OperatorBuilder builder = up.scope().operator("patient");
        InputHandle<Long> input = builder.input(up, Pact.pipeline());
        WakeupTimer timer = worker.timer("patient", builder.activator());
        timer.wakeAt(wakeAt);
        builder.build(capabilities -> () -> {
            input.forEach(batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    out.accept(batch.get(i));
                }
            });
            if (input.frontier().isEmpty()) {
                timer.close();
            }
        });
    }
}
