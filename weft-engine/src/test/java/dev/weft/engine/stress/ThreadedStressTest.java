package dev.weft.engine.stress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.simulation.ThreadedRun;
import dev.weft.engine.simulation.ThreadedRun.Settings;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The threaded engine under random graphs and schedules: each seed is one {@link ThreadedRun} of a
 * random graph with loops, nested loops, exchanges and broadcasts on 2 to 8 real worker threads,
 * half of them with sources fed from other threads through a sync activator, a quarter under a
 * flow-control limit of 1 to 4 records, a quarter serializing, and operators that yield and park
 * in the middle of their activations. Each run checks that no batch is read behind its input's
 * frontier, that every notification comes once, in order, with nothing arriving at or before a
 * notified time, and that the sinks receive exactly what the sequential model computes.
 *
 * <p>The seed is in each case's name and in every failure, with the option that replays it:
 * {@code -Dweft.stress.seed=N} runs that seed alone; {@code -Dweft.stress.seeds=N} runs seeds 0
 * to N-1 instead of the default {@value #DEFAULT_SEEDS}. The long sweep (thousands of seeds) is
 * {@code bench/run stress} in weft-bench.
 */
class ThreadedStressTest {

    private static final long DEFAULT_SEEDS = 500;

    static LongStream seeds() {
        Long replay = Long.getLong("weft.stress.seed");
        if (replay != null) {
            return LongStream.of(replay);
        }
        return LongStream.range(0, Long.getLong("weft.stress.seeds", DEFAULT_SEEDS));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @Timeout(90)
    void shouldComputeWhatTheSequentialModelComputesWithoutReadingBehindAFrontier(long seed) {
        // Throws an AssertionError naming the seed, its settings, the violation and how to replay it.
        ThreadedRun.run(seed);
    }

    @Test
    void shouldDrawEveryKindOfRunAmongTheSeedsOfTheSuite() {
        List<Settings> settings = LongStream.range(0, DEFAULT_SEEDS).mapToObj(Settings::of).toList();

        assertThat(settings).extracting(Settings::workers).containsAll(List.of(2, 3, 4, 5, 6, 7, 8));
        assertThat(settings.stream().filter(Settings::fed).count()).isBetween(DEFAULT_SEEDS / 3, DEFAULT_SEEDS * 2 / 3);
        assertThat(settings.stream().filter(Settings::tightFlowControl).count()).isGreaterThan(DEFAULT_SEEDS / 8);
        assertThat(settings.stream().filter(Settings::serializing).count()).isGreaterThan(DEFAULT_SEEDS / 8);
    }
}
