package dev.weft.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.worker.ExecutionConfig;
import dev.weft.engine.worker.SimulatedExecution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Watermarks in the engine: carried by batches and watermark-only messages, the minimum over an
 * input's senders, passed on by operators, the maximum at end of input, never moving back.
 */
@Timeout(60)
class WatermarkTest {

    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    /** A source per worker whose watermark and end the test sets between actions of the simulation. */
    private static final class ScriptedSources {
        final long[] watermark;
        final boolean[] idle;
        final boolean[] finished;
        final List<List<Long>> records = new ArrayList<>();

        ScriptedSources(int workers) {
            watermark = new long[workers];
            idle = new boolean[workers];
            finished = new boolean[workers];
            java.util.Arrays.fill(watermark, MIN);
            for (int w = 0; w < workers; w++) {
                records.add(new ArrayList<>());
            }
        }

        Stream<Long> build(Scope scope) {
            int w = scope.worker().index();
            return Operators.source(scope, "scripted", context -> {
                Capability cap = context.capability();
                for (long record : records.get(w)) {
                    context.output().give(cap, record);
                }
                records.get(w).clear();
                context.output().advanceWatermark(watermark[w]);
                context.output().setIdle(idle[w]);
                if (finished[w]) {
                    cap.drop();
                } else {
                    context.activate();
                }
            });
        }
    }

    /** Records, per worker, each new watermark its input showed, and the records it read. */
    private static final class Observer {
        final List<List<Long>> seen = new ArrayList<>();
        final List<List<Long>> read = new ArrayList<>();

        Observer(int workers) {
            for (int w = 0; w < workers; w++) {
                seen.add(new ArrayList<>(List.of(MIN)));
                read.add(new ArrayList<>());
            }
        }

        void build(Stream<Long> stream, Pact<Long> pact) {
            int w = stream.scope().worker().index();
            OperatorBuilder b = stream.scope().operator("observer");
            InputHandle<Long> in = b.input(stream, pact);
            b.build(caps -> () -> {
                in.forEach(batch -> {
                    for (int i = 0; i < batch.size(); i++) {
                        read.get(w).add(batch.get(i));
                    }
                });
                long now = in.watermark();
                List<Long> mine = seen.get(w);
                if (now != mine.get(mine.size() - 1)) {
                    mine.add(now);
                }
            });
        }

        long last(int worker) {
            List<Long> mine = seen.get(worker);
            return mine.get(mine.size() - 1);
        }
    }

    @Test
    void shouldPassASourcesWatermarkThroughAFusedChainToTheNextOperator() {
        ScriptedSources sources = new ScriptedSources(1);
        Observer observer = new Observer(1);
        SimulatedExecution sim = simulation(1, 1, scope -> observer.build(
                Operators.chain(sources.build(scope), "map", Pact.pipeline(), BatchStage.map(x -> x + 1)),
                Pact.pipeline()));
        long[] script = {5, 17, 17, 40};
        int[] step = {0};
        sim.runToCompletion(100_000, () -> {
            if (step[0] < script.length && observer.last(0) == sources.watermark[0]) {
                sources.records.get(0).add(step[0] * 100L);
                sources.watermark[0] = script[step[0]++];
            } else if (step[0] == script.length && observer.last(0) == 40) {
                sources.finished[0] = true;
            }
        });
        assertThat(observer.seen.get(0)).containsExactly(MIN, 5L, 17L, 40L, MAX);
        assertThat(observer.read.get(0)).containsExactly(1L, 101L, 201L, 301L);
    }

    @ParameterizedTest(name = "serializing={0}")
    @ValueSource(booleans = {false, true})
    void shouldTakeTheMinimumOverEverySenderAcrossAnExchange(boolean serializing) {
        int workers = 3;
        ScriptedSources sources = new ScriptedSources(workers);
        Observer observer = new Observer(workers);
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(workers)
                .withSerializing(serializing), 7);
        sim.build(worker -> worker.dataflow("flow", scope -> observer.build(sources.build(scope),
                Pact.exchange(x -> x))));
        // Each phase sets the sources' watermarks (no data at all: watermark-only messages), raising
        // the one that holds the minimum, and waits until every observer shows the new minimum; then
        // the sources end one by one.
        long[][] phases = {{10, 20, 30}, {25, 20, 30}, {25, 40, 30}, {50, 40, 30}, {50, 40, 60}, {50, 70, 60}};
        long[] expected = {10, 20, 25, 30, 40, 50};
        int[] phase = {-1};
        sim.runToCompletion(1_000_000, () -> {
            int p = phase[0];
            if (p >= 0 && p < phases.length && !allShow(observer, workers, expected[p])) {
                return;
            }
            phase[0] = ++p;
            if (p < phases.length) {
                System.arraycopy(phases[p], 0, sources.watermark, 0, workers);
            } else if (p == phases.length) {
                sources.finished[0] = true; // ended: the others alone decide
            } else if (p == phases.length + 1 && allShow(observer, workers, 60)) {
                sources.finished[2] = true;
            } else if (p == phases.length + 2 && allShow(observer, workers, 70)) {
                sources.finished[1] = true;
            } else {
                phase[0]--;
            }
        });
        for (int w = 0; w < workers; w++) {
            assertThat(observer.seen.get(w)).containsExactly(MIN, 10L, 20L, 25L, 30L, 40L, 50L, 60L, 70L, MAX);
        }
    }

    @Test
    void shouldSendAWatermarkOnlyMessageFromAQuietSenderSoTheMinimumMovesOn() {
        // Worker 1 sends data all along; worker 0 sends none, only watermarks. The receivers'
        // watermark follows worker 0's messages, not the data.
        int workers = 2;
        ScriptedSources sources = new ScriptedSources(workers);
        Observer observer = new Observer(workers);
        SimulatedExecution sim = simulation(workers, 11, scope -> observer.build(sources.build(scope),
                Pact.exchange(x -> x)));
        sources.watermark[1] = 1_000;
        int[] rounds = {0};
        sim.runToCompletion(1_000_000, () -> {
            int r = rounds[0];
            if (r < 5 && allShow(observer, workers, sources.watermark[0])) {
                sources.watermark[0] = (r + 1) * 100L;
                sources.records.get(1).add((long) r);
                rounds[0]++;
            } else if (r == 5 && allShow(observer, workers, 500)) {
                sources.finished[0] = true; // ended: the other sender alone decides
                rounds[0]++;
            } else if (r == 6 && allShow(observer, workers, 1_000)) {
                sources.finished[1] = true;
            }
        });
        for (int w = 0; w < workers; w++) {
            assertThat(observer.seen.get(w)).containsExactly(MIN, 100L, 200L, 300L, 400L, 500L, 1_000L, MAX);
        }
        assertThat(observer.read.stream().mapToInt(List::size).sum()).isEqualTo(5);
    }

    @Test
    void shouldLetAnIdleSenderHoldNothingBackUntilItSendsAgain() {
        int workers = 2;
        ScriptedSources sources = new ScriptedSources(workers);
        Observer observer = new Observer(workers);
        // A fused stage between the sources and the exchange passes idleness on.
        SimulatedExecution sim = simulation(workers, 17, scope -> observer.build(
                Operators.chain(sources.build(scope), "map", Pact.pipeline(), BatchStage.map(x -> x)),
                Pact.exchange(x -> x)));
        KeyGroups routes = new KeyGroups(ExecutionConfig.defaults(workers).keyGroups(), workers);
        long toWorker0 = java.util.stream.LongStream.range(0, 1_000).filter(x -> routes.workerFor(x) == 0).findFirst()
                .orElseThrow();
        long toWorker1 = java.util.stream.LongStream.range(0, 1_000).filter(x -> routes.workerFor(x) == 1).findFirst()
                .orElseThrow();
        int[] step = {0};
        sim.runToCompletion(1_000_000, () -> {
            switch (step[0]) {
                case 0 -> {
                    sources.watermark[0] = 10;
                    sources.watermark[1] = 50;
                    step[0]++;
                }
                case 1 -> {
                    if (allShow(observer, workers, 10)) {
                        sources.idle[0] = true; // worker 0 goes quiet: worker 1 alone decides
                        step[0]++;
                    }
                }
                case 2 -> {
                    if (allShow(observer, workers, 50)) {
                        sources.watermark[1] = 80;
                        step[0]++;
                    }
                }
                case 3 -> {
                    if (allShow(observer, workers, 80)) {
                        // Worker 0 sends again (to both workers), behind: it holds the minimum again,
                        // which stays at 80 (never moves back) until worker 0 passes it.
                        sources.idle[0] = false;
                        sources.records.get(0).addAll(List.of(toWorker0, toWorker1));
                        sources.watermark[0] = 30;
                        step[0]++;
                    }
                }
                case 4 -> {
                    if (!observer.read.get(0).isEmpty() && !observer.read.get(1).isEmpty()) {
                        sources.watermark[1] = 200;
                        sources.watermark[0] = 120;
                        step[0]++;
                    }
                }
                case 5 -> {
                    if (allShow(observer, workers, 120)) {
                        sources.finished[0] = true;
                        step[0]++;
                    }
                }
                case 6 -> {
                    if (allShow(observer, workers, 200)) {
                        sources.finished[1] = true;
                        step[0]++;
                    }
                }
                default -> { }
            }
        });
        for (int w = 0; w < workers; w++) {
            assertThat(observer.seen.get(w)).containsExactly(MIN, 10L, 50L, 80L, 120L, 200L, MAX);
        }
    }

    @Test
    void shouldReachTheMaximumWatermarkOnlyAtEndOfInput() {
        int workers = 2;
        ScriptedSources sources = new ScriptedSources(workers);
        Observer observer = new Observer(workers);
        SimulatedExecution sim = simulation(workers, 3, scope -> observer.build(sources.build(scope),
                Pact.exchange(x -> x)));
        boolean[] maxBeforeEnd = {false};
        int[] polls = {0};
        sim.runToCompletion(1_000_000, () -> {
            boolean anyLive = !sources.finished[0] || !sources.finished[1];
            if (anyLive && (observer.last(0) == MAX || observer.last(1) == MAX)) {
                maxBeforeEnd[0] = true;
            }
            if (++polls[0] == 500) {
                sources.finished[0] = true; // worker 0 ends first: its MAX must not carry the others along
            } else if (polls[0] == 2_000) {
                sources.finished[1] = true;
            }
        });
        assertThat(maxBeforeEnd[0]).isFalse();
        assertThat(observer.last(0)).isEqualTo(MAX);
        assertThat(observer.last(1)).isEqualTo(MAX);
    }

    @Test
    void shouldTakeTheMinimumOfMergedStreams() {
        // Two sources merged by concatenation: the merge's output watermark is the lower of its
        // inputs'; an ended source stops holding it back.
        ScriptedSources first = new ScriptedSources(1);
        ScriptedSources second = new ScriptedSources(1);
        Observer observer = new Observer(1);
        SimulatedExecution sim = simulation(1, 5, scope -> observer.build(
                Operators.concat("merge", first.build(scope), second.build(scope)), Pact.pipeline()));
        int[] step = {0};
        sim.runToCompletion(100_000, () -> {
            switch (step[0]) {
                case 0 -> {
                    first.watermark[0] = 30;
                    second.watermark[0] = 10;
                    step[0]++;
                }
                case 1 -> {
                    if (observer.last(0) == 10) {
                        second.watermark[0] = 60;
                        step[0]++;
                    }
                }
                case 2 -> {
                    if (observer.last(0) == 30) {
                        first.finished[0] = true;
                        step[0]++;
                    }
                }
                case 3 -> {
                    if (observer.last(0) == 60) {
                        second.finished[0] = true;
                        step[0]++;
                    }
                }
                default -> { }
            }
        });
        assertThat(observer.seen.get(0)).containsExactly(MIN, 10L, 30L, 60L, MAX);
    }

    private static boolean allShow(Observer observer, int workers, long watermark) {
        for (int w = 0; w < workers; w++) {
            if (observer.last(w) != watermark) {
                return false;
            }
        }
        return true;
    }

    private static SimulatedExecution simulation(int workers, long seed, java.util.function.Consumer<Scope> body) {
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(workers), seed);
        sim.build(worker -> worker.dataflow("flow", body));
        return sim;
    }
}
