package dev.weft.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.dataflow.Batch;
import dev.weft.engine.dataflow.BatchStage;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.KeyGroups;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.OutputHandle;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.worker.ExecutionConfig;
import dev.weft.engine.worker.SimulatedExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Watermarks on the simulated allocator, under random delivery orders drawn from the seed in each
 * case's name (a failing case replays with {@code -Dtest='WatermarkSimulationTest'} and that seed).
 *
 * <p>Every worker runs two sources of event-time records, each advancing its watermark to its
 * clock minus a bound and never emitting behind it. The records of the first go through a fused
 * stage and an exchange into a forwarding operator; those of the second are broadcast; both meet
 * in a merge read by a sink. After every action of the simulation, on every worker, the forwarder's
 * and the sink's input watermarks must never have moved back and must be at or before the event
 * time of every record still in flight to them (sent and not yet read); a record read is never
 * behind its input's watermark; and at the end every watermark is the maximum.
 */
@Timeout(120)
class WatermarkSimulationTest {

    private static final int BOUND = 20;

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldNeverMoveAWatermarkBackNorPastARecordInFlight(long seed) {
        Random random = new Random(seed);
        int workers = 1 + random.nextInt(4);
        boolean serializing = random.nextInt(4) == 0;
        System.out.println("WatermarkSimulationTest seed " + seed + ": " + workers + " worker(s), serializing="
                + serializing);
        Run run = new Run(seed, workers);
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(workers)
                .withSerializing(serializing), seed);
        sim.build(worker -> worker.dataflow("watermarks", run::build));

        sim.runToCompletion(5_000_000, run::check);

        run.check();
        for (int w = 0; w < workers; w++) {
            assertThat(run.forwarded[w].watermark()).as("seed %d: forwarder's watermark at the end", seed)
                    .isEqualTo(Long.MAX_VALUE);
            assertThat(run.sunk[w].watermark()).as("seed %d: sink's watermark at the end", seed)
                    .isEqualTo(Long.MAX_VALUE);
        }
        assertThat(run.readBySink).as("seed %d: records read by the sinks", seed).isEqualTo(run.expectedAtSinks);
    }

    /** The dataflow of one seed, its ledger of records in flight, and its checks. */
    private static final class Run {
        private final long seed;
        private final int workers;
        private final KeyGroups routes;
        /** Per worker: event times in flight to the forwarder's input, and to the sink's input (time -> count). */
        private final List<TreeMap<Long, Integer>> toForwarder = new ArrayList<>();
        private final List<TreeMap<Long, Integer>> toSink = new ArrayList<>();
        final InputHandle<?>[] forwarded;
        final InputHandle<?>[] sunk;
        private final long[] lastForwarded;
        private final long[] lastSunk;
        long expectedAtSinks;
        long readBySink;

        Run(long seed, int workers) {
            this.seed = seed;
            this.workers = workers;
            this.routes = new KeyGroups(ExecutionConfig.defaults(workers).keyGroups(), workers);
            this.forwarded = new InputHandle<?>[workers];
            this.sunk = new InputHandle<?>[workers];
            this.lastForwarded = new long[workers];
            this.lastSunk = new long[workers];
            java.util.Arrays.fill(lastForwarded, Long.MIN_VALUE);
            java.util.Arrays.fill(lastSunk, Long.MIN_VALUE);
            for (int w = 0; w < workers; w++) {
                toForwarder.add(new TreeMap<>());
                toSink.add(new TreeMap<>());
            }
        }

        void build(Scope scope) {
            int w = scope.worker().index();
            Stream<Long> events = source(scope, "events", 0, true);
            Stream<Long> side = source(scope, "side", 1, false);
            Stream<Long> mapped = Operators.chain(events, "tag", Pact.pipeline(), BatchStage.map(x -> x));
            OperatorBuilder forward = scope.operator("forward");
            InputHandle<Long> in = forward.input(mapped, Pact.exchange(Run::route));
            OutputHandle<Long> out = forward.output();
            forwarded[w] = in;
            forward.build(caps -> {
                caps.get(0).drop();
                return () -> in.forEach(batch -> {
                    read(batch, in, toForwarder.get(w), "forwarder");
                    out.send(batch);
                });
            });
            Stream<Long> broadcast = Operators.chain(side, "spread", Pact.broadcast(), BatchStage.map(x -> x));
            Stream<Long> merged = Operators.concat("merge", out.stream(), broadcast);
            OperatorBuilder sink = scope.operator("sink");
            InputHandle<Long> sinkIn = sink.input(merged, Pact.pipeline());
            sunk[w] = sinkIn;
            sink.build(caps -> () -> sinkIn.forEach(batch -> {
                read(batch, sinkIn, toSink.get(w), "sink");
                readBySink += batch.size();
            }));
        }

        /**
         * A source of records ({@code event time << 20 | unique id}) emitting at most a few per epoch, each
         * within the bound around its clock, never behind its watermark (its clock minus the bound).
         */
        private Stream<Long> source(Scope scope, String name, int kind, boolean exchanged) {
            int w = scope.worker().index();
            Random random = new Random(Semantics.mix(seed, w, kind, 29));
            int epochs = 2 + random.nextInt(8);
            long[] clock = {random.nextInt(BOUND)};
            int[] sequence = {0};
            return Operators.source(scope, name, context -> {
                Capability cap = context.capability();
                long epoch = cap.time();
                if (epoch == epochs) {
                    cap.drop();
                    return;
                }
                int count = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
                for (int i = 0; i < count; i++) {
                    long time = clock[0] - BOUND + random.nextInt(2 * BOUND + 1);
                    long record = (time + BOUND) << 20 | (long) w << 16 | (long) kind << 15 | sequence[0]++;
                    context.output().give(cap, record);
                    sent(record, exchanged);
                    if (random.nextInt(4) == 0) {
                        clock[0] += random.nextInt(BOUND);
                        context.output().advanceWatermark(clock[0] - BOUND);
                    }
                }
                if (random.nextInt(3) != 0) {
                    clock[0] += random.nextInt(2 * BOUND);
                    context.output().advanceWatermark(clock[0] - BOUND);
                }
                if (random.nextBoolean()) {
                    cap.downgrade(epoch + 1);
                }
                context.activate();
            });
        }

        private static long eventTime(long record) {
            return (record >>> 20) - BOUND;
        }

        private static long route(Long record) {
            return Semantics.mix(record, 0, 0, 0);
        }

        private void sent(long record, boolean exchanged) {
            long time = eventTime(record);
            if (exchanged) {
                int to = routes.workerFor(route(record));
                toForwarder.get(to).merge(time, 1, Integer::sum);
                toSink.get(to).merge(time, 1, Integer::sum);
                expectedAtSinks++;
            } else {
                for (int to = 0; to < workers; to++) {
                    toSink.get(to).merge(time, 1, Integer::sum);
                    expectedAtSinks++;
                }
            }
        }

        private void read(Batch<Long> batch, InputHandle<Long> input, TreeMap<Long, Integer> inFlight, String who) {
            long watermark = input.watermark();
            for (int i = 0; i < batch.size(); i++) {
                long time = eventTime(batch.get(i));
                if (time < watermark) {
                    throw new AssertionError("seed " + seed + ": the " + who + " read a record at event time " + time
                            + " behind its input's watermark " + watermark);
                }
                if (inFlight.merge(time, -1, Integer::sum) == 0) {
                    inFlight.remove(time);
                }
            }
        }

        /** After every action: watermarks never move back, nor pass a record still in flight. */
        void check() {
            for (int w = 0; w < workers; w++) {
                lastForwarded[w] = check(w, forwarded[w], toForwarder.get(w), lastForwarded[w], "forwarder");
                lastSunk[w] = check(w, sunk[w], toSink.get(w), lastSunk[w], "sink");
            }
        }

        private long check(int w, InputHandle<?> input, TreeMap<Long, Integer> inFlight, long last, String who) {
            long watermark = input.watermark();
            if (watermark < last) {
                throw new AssertionError("seed " + seed + ": the " + who + "'s watermark on worker " + w
                        + " moved back from " + last + " to " + watermark);
            }
            if (!inFlight.isEmpty() && watermark > inFlight.firstKey()) {
                throw new AssertionError("seed " + seed + ": the " + who + "'s watermark on worker " + w + " is "
                        + watermark + " while a record at event time " + inFlight.firstKey() + " is still in flight"
                        + " to it");
            }
            return watermark;
        }
    }
}
