package dev.weft.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.simulation.DataflowSpec.PactKind;
import dev.weft.engine.worker.ExecutionConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized progress-tracking tests on the simulated allocator: random graphs with loop scopes
 * (nested up to two deep, iteration counters of 2 to 16 bits), random pacts, 1 to 4 workers and
 * random delivery orders, all drawn from the seed in each case's name, so a failing case replays
 * exactly ({@code -Dtest='ProgressTrackingSimulationTest#method'} and the seed from the report).
 *
 * <p>Every run is checked by {@link SimulatedRun}: after every action and before every operator
 * activation, every input frontier on every worker is compared with a brute-force {@link Oracle}
 * built from the operators' own {@link Ledger} of records in flight and capabilities held
 * (safety); every notification is checked to come once, in order, and only when the oracle agrees
 * nothing at or before it can still arrive; the run must finish with nothing outstanding
 * (liveness); and what reaches the sinks must be exactly what the {@link SequentialModel} of the
 * same graph computes, whatever the worker count and schedule.
 *
 * <p>Bugs these found are each reduced to a small case in {@link ProgressTrackingRegressionTest}.
 */
@Timeout(120)
class ProgressTrackingSimulationTest {

    /** Pacts of the main suites; broadcast also has its own suite. */
    private static final Set<PactKind> PIPELINE_AND_EXCHANGE = EnumSet.allOf(PactKind.class);

    /**
     * Seeds of the main suite: 100, or {@code -Dweft.simulation.seeds=N} for a longer sweep (a
     * one-off, e.g. {@code -Dweft.simulation.seeds=3000 -Dweft.simulation.workers=6}).
     */
    private static final long SEEDS = Long.getLong("weft.simulation.seeds", 100);

    /** The most workers a seed runs on: 4, or {@code -Dweft.simulation.workers=N}. */
    private static final int MAX_WORKERS = Integer.getInteger("weft.simulation.workers", 4);

    /** The workers for a seed: 1 to {@link #MAX_WORKERS}. */
    private static int workers(long seed) {
        return 1 + (int) (seed % MAX_WORKERS);
    }

    /** Every fifth seed holds its sources back hard (1 to 4 records in flight). */
    private static ExecutionConfig config(long seed, int workers, boolean serializing) {
        ExecutionConfig config = ExecutionConfig.defaults(workers).withSerializing(serializing);
        return seed % 5 == 3 ? config.withMaxRecordsInFlight(1 + seed % 4) : config;
    }

    static java.util.stream.Stream<Arguments> seeds() {
        return LongStream.range(0, SEEDS).mapToObj(seed -> Arguments.of(seed, workers(seed)));
    }

    @ParameterizedTest(name = "seed {0}, {1} worker(s)")
    @MethodSource("seeds")
    void shouldKeepFrontiersSafeAndComputeWhatTheSequentialModelComputes(long seed, int workers) {
        DataflowSpec spec = DataflowSpec.generate(seed, PIPELINE_AND_EXCHANGE);

        SimulatedRun.Outcome outcome = SimulatedRun.run(spec, config(seed, workers, false), seed);

        assertThat(sorted(outcome.results())).as("results of %s", spec.shape())
                .isEqualTo(sorted(SequentialModel.results(spec)));
    }

    static java.util.stream.Stream<Arguments> broadcastSeeds() {
        return LongStream.range(100, 124).mapToObj(seed -> Arguments.of(seed, workers(seed)));
    }

    @ParameterizedTest(name = "seed {0}, {1} worker(s), with broadcast")
    @MethodSource("broadcastSeeds")
    void shouldKeepFrontiersSafeWithBroadcastInputs(long seed, int workers) {
        DataflowSpec spec = DataflowSpec.generate(seed, EnumSet.allOf(PactKind.class));

        SimulatedRun.Outcome outcome = SimulatedRun.run(spec, config(seed, workers, false), seed);

        assertThat(sorted(outcome.results())).as("results of %s", spec.shape())
                .isEqualTo(sorted(SequentialModel.results(spec)));
    }

    static java.util.stream.Stream<Arguments> serializingSeeds() {
        return LongStream.range(200, 216).mapToObj(seed -> Arguments.of(seed, 2 + (int) (seed % 3)));
    }

    @ParameterizedTest(name = "seed {0}, {1} workers, serializing")
    @MethodSource("serializingSeeds")
    void shouldKeepFrontiersSafeWhenEveryExchangeIsSerialized(long seed, int workers) {
        DataflowSpec spec = DataflowSpec.generate(seed, PIPELINE_AND_EXCHANGE);

        SimulatedRun.Outcome outcome = SimulatedRun.run(spec, config(seed, workers, true), seed);

        assertThat(sorted(outcome.results())).as("results of %s", spec.shape())
                .isEqualTo(sorted(SequentialModel.results(spec)));
    }

    static LongStream sameGraphSeeds() {
        return LongStream.range(300, 308);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("sameGraphSeeds")
    void shouldComputeTheSameResultsOnOneToFourWorkers(long seed) {
        DataflowSpec spec = DataflowSpec.generate(seed, PIPELINE_AND_EXCHANGE);
        List<String> expected = sorted(SequentialModel.results(spec));

        for (int workers = 1; workers <= 4; workers++) {
            SimulatedRun.Outcome outcome = SimulatedRun.run(spec, config(seed, workers, false), seed * 31 + workers);

            assertThat(sorted(outcome.results())).as("%d worker(s)", workers).isEqualTo(expected);
        }
    }

    @Test
    void shouldReplayASeedExactly() {
        long seed = 7;
        ExecutionConfig config = config(seed, 4, false);

        SimulatedRun.Outcome first = SimulatedRun.run(DataflowSpec.generate(seed, PIPELINE_AND_EXCHANGE), config, seed);
        SimulatedRun.Outcome again = SimulatedRun.run(DataflowSpec.generate(seed, PIPELINE_AND_EXCHANGE), config, seed);
        SimulatedRun.Outcome otherSchedule =
                SimulatedRun.run(DataflowSpec.generate(seed, PIPELINE_AND_EXCHANGE), config, seed + 1);

        assertThat(first.trace()).hasSizeGreaterThan(50).isEqualTo(again.trace());
        assertThat(first.results()).isEqualTo(again.results());
        assertThat(first.actions()).isEqualTo(again.actions());
        assertThat(otherSchedule.trace()).as("another schedule of the same graph").isNotEqualTo(first.trace());
        assertThat(sorted(otherSchedule.results())).isEqualTo(sorted(first.results()));
        assertThat(first.tightChecks()).as("checks where the engine's frontier was exactly the oracle's")
                .isGreaterThan(first.checks() / 10);
    }

    @Test
    void shouldDrawGraphsWithLoopsNestedLoopsAndEveryKindOfOperator() {
        Set<DataflowSpec.Kind> kinds = EnumSet.noneOf(DataflowSpec.Kind.class);
        int nested = 0;
        for (long seed = 0; seed < 64; seed++) {
            DataflowSpec spec = DataflowSpec.generate(seed, PIPELINE_AND_EXCHANGE);
            assertThat(spec.feedbacks).as("seed %d has a cycle", seed).isNotEmpty();
            spec.ops.forEach(op -> kinds.add(op.kind()));
            nested += spec.scopes.stream().anyMatch(s -> s.depth() == 3) ? 1 : 0;
        }
        assertThat(kinds).containsExactlyInAnyOrder(DataflowSpec.Kind.values());
        assertThat(nested).as("graphs with a loop in a loop").isGreaterThan(5);
    }

    /**
     * Seed 2713's first graph (two nested loops whose maps double some records) delivers more than
     * ten million records and ran the sequential model out of memory; the generator draws that
     * seed again until its graph stays within {@link DataflowSpec#MAX_WORK}, so it runs and checks
     * like any other.
     */
    @Test
    void shouldDrawForEverySeedAGraphSmallEnoughToCheck() {
        DataflowSpec spec = DataflowSpec.generate(2713, PIPELINE_AND_EXCHANGE);

        assertThat(spec.draw).as("draws of seed 2713 before one was small enough").isPositive();
        assertThat(SequentialModel.work(spec, DataflowSpec.MAX_WORK)).isBetween(0L, DataflowSpec.MAX_WORK);
        SimulatedRun.Outcome outcome = SimulatedRun.run(spec, config(2713, 3, false), 2713);
        assertThat(sorted(outcome.results())).isEqualTo(sorted(SequentialModel.results(spec)));
        for (long seed = 0; seed < 500; seed++) {
            assertThat(SequentialModel.work(DataflowSpec.generate(seed, PIPELINE_AND_EXCHANGE), DataflowSpec.MAX_WORK))
                    .as("work of seed %d", seed).isBetween(0L, DataflowSpec.MAX_WORK);
        }
    }

    private static List<String> sorted(List<String> results) {
        List<String> copy = new ArrayList<>(results);
        Collections.sort(copy);
        return copy;
    }
}
