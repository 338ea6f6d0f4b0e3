package dev.weft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.StepException;
import dev.weft.WatermarkStrategy;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.KeyGroups;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.worker.ExecutionConfig;
import dev.weft.engine.worker.SimulatedExecution;
import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import dev.weft.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@code input} step's watermark, driven by a test clock on the simulated allocator: bounded
 * out-of-orderness over the items' timestamps, the minimum over partitions and workers, and the
 * idle timeout that stops a quiet partition from holding it back.
 */
@Timeout(60)
class SourceWatermarksTest {

    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    record Event(String id, Instant at) {
    }

    private static Event at(long millis) {
        return new Event("e" + millis, Instant.ofEpochMilli(millis));
    }

    private final TestClock clock = new TestClock();

    @Test
    void shouldTrailTheLatestTimestampByTheOutOfOrdernessAndEndAtTheMaximum() {
        Partitions source = new Partitions("only");
        Observer observer = new Observer(1);
        SimulatedExecution sim = run(1, source, observer,
                WatermarkStrategy.boundedOutOfOrderness(Event::at, Duration.ofSeconds(2)));
        int[] step = {0};
        sim.runToCompletion(1_000_000, () -> {
            switch (step[0]) {
                case 0 -> source.release("only", at(1_000));
                case 1 -> {
                    if (observer.last(0) != -1_000) {
                        return;
                    }
                    source.release("only", at(5_000), at(4_000));
                }
                case 2 -> {
                    if (observer.last(0) != 3_000) {
                        return;
                    }
                    source.release("only", at(3_000)); // out of order, within the bound: no change
                    source.release("only", at(9_000));
                }
                case 3 -> {
                    if (observer.last(0) != 7_000) {
                        return;
                    }
                    source.end("only");
                }
                default -> {
                    return;
                }
            }
            step[0]++;
        });
        assertThat(observer.seen.get(0)).containsExactly(MIN, -1_000L, 3_000L, 7_000L, MAX);
        assertThat(observer.read.get(0)).hasSize(5);
    }

    @Test
    void shouldHaveNoWatermarkBeforeTheEndWithTheDefaultStrategy() {
        Partitions source = new Partitions("only");
        Observer observer = new Observer(1);
        SimulatedExecution sim = run(1, source, observer, WatermarkStrategy.none());
        int[] step = {0};
        sim.runToCompletion(1_000_000, () -> {
            if (step[0] == 0) {
                source.release("only", at(1_000), at(2_000));
                step[0]++;
            } else if (step[0] == 1 && observer.read.get(0).size() == 2) {
                source.end("only");
                step[0]++;
            }
        });
        assertThat(observer.seen.get(0)).containsExactly(MIN, MAX);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void shouldStopHoldingTheWatermarkBackWhenAPartitionIsQuietForTheIdleTimeout(int workers) {
        // Partition "a" reads all along; "b" reads nothing until long after its idle timeout. With
        // two workers each owns one, so worker 1's whole input goes idle across the exchange.
        Partitions source = new Partitions("a", "b");
        Observer observer = new Observer(workers);
        SimulatedExecution sim = run(workers, source, observer,
                WatermarkStrategy.boundedOutOfOrderness(Event::at, Duration.ofSeconds(2))
                        .withIdleTimeout(Duration.ofMinutes(1)));
        KeyGroups routes = new KeyGroups(ExecutionConfig.defaults(workers).keyGroups(), workers);
        int[] step = {0};
        sim.runToCompletion(1_000_000, () -> {
            switch (step[0]) {
                case 0 -> source.release("a", at(10_000));
                case 1 -> {
                    if (observer.reads() != 1) {
                        return;
                    }
                    clock.advance(Duration.ofSeconds(30));
                    source.release("a", at(20_000));
                }
                case 2 -> {
                    if (observer.reads() != 2) {
                        return;
                    }
                    assertThat(observer.allShow(MIN)).as("before the idle timeout, b holds everything back").isTrue();
                    clock.advance(Duration.ofSeconds(31)); // b quiet for 61 s: idle; a for 31 s
                }
                case 3 -> {
                    if (!observer.allShow(18_000)) {
                        return;
                    }
                    // b reads again, behind the watermark, an item for every worker: it holds the
                    // watermark again everywhere, which never moves back.
                    for (int w = 0; w < workers; w++) {
                        source.release("b", routedTo(routes, w, 5_000));
                    }
                }
                case 4 -> {
                    if (observer.reads() != 2 + workers) {
                        return;
                    }
                    source.release("a", at(40_000));
                    source.release("b", at(30_000));
                }
                case 5 -> {
                    if (!observer.allShow(28_000)) {
                        return;
                    }
                    source.end("a");
                    source.end("b");
                }
                default -> {
                    return;
                }
            }
            step[0]++;
        });
        for (int w = 0; w < workers; w++) {
            // Across an exchange, a worker may still be taking a's older watermark when b's idleness
            // reaches it (8000 may show on the way to 18000), and b may end before a (38000 at the end).
            assertThat(observer.seen.get(w)).isSorted().startsWith(MIN).endsWith(MAX)
                    .contains(18_000L, 28_000L).isSubsetOf(MIN, 8_000L, 18_000L, 28_000L, 38_000L, MAX);
        }
        if (workers == 1) {
            assertThat(observer.seen.get(0)).startsWith(MIN, 18_000L, 28_000L).endsWith(MAX);
        }
    }

    /** An event at {@code millis} whose id the exchange routes to {@code worker}. */
    private static Event routedTo(KeyGroups routes, int worker, long millis) {
        for (int n = 0; ; n++) {
            Event e = new Event("e" + millis + "-" + n, Instant.ofEpochMilli(millis));
            if (routes.workerFor(e.id().hashCode()) == worker) {
                return e;
            }
        }
    }

    @Test
    void shouldNameTheStepWhenTheTimestampFunctionFails() {
        Partitions source = new Partitions("only");
        Observer observer = new Observer(1);
        SimulatedExecution sim = run(1, source, observer, WatermarkStrategy.<Event>boundedOutOfOrderness(
                event -> event.id().equals("e2") ? null : event.at(), Duration.ZERO));
        source.release("only", at(1), at(2));
        assertThatThrownBy(() -> sim.runToCompletion(1_000_000))
                .cause().isInstanceOf(StepException.class)
                .hasMessageContaining("timestampFunction").hasMessageContaining("flow.in")
                .rootCause().hasMessageContaining("the timestamp function returned null");
    }

    @Test
    void shouldRefuseAnIdleTimeoutWithoutTimestampsAndNonPositiveDurations() {
        assertThatThrownBy(() -> WatermarkStrategy.none().withIdleTimeout(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("boundedOutOfOrderness");
        assertThatThrownBy(() -> WatermarkStrategy.boundedOutOfOrderness(Event::at, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> WatermarkStrategy.boundedOutOfOrderness(Event::at, Duration.ZERO)
                .withIdleTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }

    private SimulatedExecution run(int workers, Partitions source, Observer observer,
            WatermarkStrategy<? super Event> strategy) {
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(workers).withClock(clock), 42);
        CoreStep.Input step = new CoreStep.Input("flow.in", source, "flow.in.down", strategy);
        sim.build(worker -> worker.dataflow("flow", scope -> observer.build(
                InputOperator.build(scope, step, Duration.ofDays(1), () -> { }), scope)));
        return sim;
    }

    /**
     * Partitions whose items the test releases; with nothing to give they ask to be polled in an
     * hour, and a release wakes them, so only the idle timeout wakes a quiet partition's step.
     */
    private static final class Partitions implements PartitionedSource<Event, Void> {
        private final List<String> names;
        private final Map<String, ArrayDeque<List<Event>>> pending = new HashMap<>();
        private final Map<String, Runnable> wakeUps = new HashMap<>();
        private final Set<String> ended = new HashSet<>();

        Partitions(String... names) {
            this.names = List.of(names);
            for (String name : names) {
                pending.put(name, new ArrayDeque<>());
            }
        }

        void release(String name, Event... events) {
            pending.get(name).add(List.of(events));
            wake(name);
        }

        void end(String name) {
            ended.add(name);
            wake(name);
        }

        private void wake(String name) {
            Runnable wakeUp = wakeUps.get(name);
            if (wakeUp != null) {
                wakeUp.run();
            }
        }

        @Override
        public List<String> listPartitions() {
            return names;
        }

        @Override
        public SourcePartition<Event, Void> buildPartition(String partition, Void resumeState) {
            ArrayDeque<List<Event>> queue = pending.get(partition);
            return new SourcePartition<>() {
                private Clock runClock;

                @Override
                public List<Event> nextBatch() {
                    List<Event> next = queue.poll();
                    if (next != null) {
                        return next;
                    }
                    return ended.contains(partition) ? null : List.of();
                }

                @Override
                public Instant nextAwake() {
                    return queue.isEmpty() ? runClock.instant().plus(Duration.ofHours(1)) : null;
                }

                @Override
                public Void snapshot() {
                    return null;
                }

                @Override
                public void setClock(Clock clock) {
                    runClock = clock;
                }

                @Override
                public void setWakeUp(Runnable wakeUp) {
                    wakeUps.put(partition, wakeUp);
                }
            };
        }
    }

    /** Per worker: each new watermark its input showed, and the items it read (through an exchange). */
    private static final class Observer {
        final List<List<Long>> seen = new ArrayList<>();
        final List<List<Object>> read = new ArrayList<>();

        Observer(int workers) {
            for (int w = 0; w < workers; w++) {
                seen.add(new ArrayList<>(List.of(MIN)));
                read.add(new ArrayList<>());
            }
        }

        void build(Stream<Object> stream, Scope scope) {
            int w = scope.worker().index();
            OperatorBuilder b = scope.operator("observer");
            InputHandle<Object> in = b.input(stream, Pact.exchange(item -> ((Event) item).id().hashCode()));
            b.build(caps -> () -> {
                in.forEach(batch -> {
                    for (int i = 0; i < batch.size(); i++) {
                        read.get(w).add(batch.get(i));
                    }
                });
                long now = in.watermark();
                if (now != last(w)) {
                    seen.get(w).add(now);
                }
            });
        }

        long last(int worker) {
            List<Long> mine = seen.get(worker);
            return mine.get(mine.size() - 1);
        }

        boolean allShow(long watermark) {
            for (int w = 0; w < seen.size(); w++) {
                if (last(w) != watermark) {
                    return false;
                }
            }
            return true;
        }

        int reads() {
            return read.stream().mapToInt(List::size).sum();
        }
    }
}
