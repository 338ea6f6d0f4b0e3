package dev.weft.engine.progress;

import static dev.weft.engine.progress.LongAntichainTest.elements;
import static dev.weft.engine.progress.LongChangeBatchTest.entries;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@link MutableLongAntichain} counts times and reports only the changes of its frontier (the
 * minimal times with a positive count), each as +1 or -1.
 */
class MutableLongAntichainTest {

    private static final TimeDomain LOOP = TimeDomain.EPOCHS.product(16);

    private final MutableLongAntichain epochs = new MutableLongAntichain(TimeDomain.EPOCHS);
    private final LongChangeBatch changes = new LongChangeBatch();

    @Test
    void shouldStartEmpty() {
        assertThat(epochs.isEmpty()).isTrue();
        assertThat(epochs.frontier().isEmpty()).isTrue();
        assertThat(epochs.lessEqual(0)).isFalse();
        assertThat(epochs.count(0)).isZero();
        assertThat(epochs).hasToString("{}");
    }

    @Test
    void shouldReportATimeEnteringTheFrontierAsPlusOne() {
        epochs.update(5, 3, changes);

        assertThat(entries(changes)).containsExactly("5:+1");
        assertThat(elements(epochs.frontier())).containsExactly(5L);
        assertThat(epochs.count(5)).isEqualTo(3);
        assertThat(epochs.lessEqual(5)).isTrue();
        assertThat(epochs.lessThan(5)).isFalse();
        assertThat(epochs.lessThan(6)).isTrue();
        assertThat(epochs).hasToString("{5}");
    }

    @Test
    void shouldReportNothingWhenACountChangesBeyondTheFrontier() {
        epochs.update(5, 1, changes);
        changes.clear();

        epochs.update(7, 1, changes);
        epochs.update(9, 2, changes);
        epochs.update(9, -1, changes);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(elements(epochs.frontier())).containsExactly(5L);
        assertThat(entries(epochs.counts())).containsExactly("5:+1", "7:+1", "9:+1");
    }

    @Test
    void shouldReportAnEarlierTimeReplacingTheFrontier() {
        epochs.update(5, 1, changes);
        changes.clear();

        epochs.update(3, 1, changes);

        assertThat(entries(changes)).containsExactly("3:+1", "5:-1");
        assertThat(elements(epochs.frontier())).containsExactly(3L);
    }

    @Test
    void shouldLeaveTheFrontierOnlyWhenTheCountReachesZero() {
        epochs.update(5, 2, changes);
        epochs.update(7, 1, changes);
        changes.clear();

        epochs.update(5, -1, changes);
        assertThat(changes.isEmpty()).isTrue();
        assertThat(elements(epochs.frontier())).containsExactly(5L);

        epochs.update(5, -1, changes);
        assertThat(entries(changes)).containsExactly("5:-1", "7:+1");
        assertThat(elements(epochs.frontier())).containsExactly(7L);

        changes.clear();
        epochs.update(7, -1, changes);
        assertThat(entries(changes)).containsExactly("7:-1");
        assertThat(epochs.isEmpty()).isTrue();
    }

    @Test
    void shouldNeverLetATransientNegativeCountIntoTheFrontier() {
        epochs.update(5, 1, changes);
        changes.clear();

        // A consumer's -1 at 3 arrives before the producer's +1 at 3.
        epochs.update(3, -1, changes);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(elements(epochs.frontier())).containsExactly(5L);
        assertThat(epochs.count(3)).isEqualTo(-1);

        epochs.update(3, 1, changes);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(elements(epochs.frontier())).containsExactly(5L);
        assertThat(epochs.count(3)).isZero();
    }

    @Test
    void shouldNotLetANegativeCountCancelAPositiveOneAtAnotherTime() {
        epochs.update(2, -1, changes);
        epochs.update(5, 1, changes);

        assertThat(entries(changes)).containsExactly("5:+1");
        assertThat(elements(epochs.frontier())).containsExactly(5L);
    }

    @Test
    void shouldStayEmptyWhileTheOnlyCountIsNegative() {
        epochs.update(4, -1, changes);
        assertThat(epochs.isEmpty()).isTrue();

        epochs.update(4, 1, changes);
        assertThat(epochs.isEmpty()).isTrue();
        assertThat(changes.isEmpty()).isTrue();

        epochs.update(4, 1, changes);
        assertThat(elements(epochs.frontier())).containsExactly(4L);
        assertThat(entries(changes)).containsExactly("4:+1");
    }

    @Test
    void shouldReportNoNetChangeWhenTheFrontierIsRebuiltUnchanged() {
        epochs.update(5, 1, changes);
        changes.clear();

        // A +1 at the frontier itself is not beyond it: the frontier is rebuilt, to the same set.
        epochs.update(5, 1, changes);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(elements(epochs.frontier())).containsExactly(5L);
    }

    @Test
    void shouldApplyABatchAndReportOnlyTheNetFrontierChange() {
        epochs.update(5, 1, changes);
        changes.clear();
        LongChangeBatch batch = new LongChangeBatch();
        batch.update(5, -1);
        batch.update(6, 1);
        batch.update(4, 1);
        batch.update(4, -1);

        epochs.updateAll(batch, changes);

        assertThat(entries(changes)).containsExactly("5:-1", "6:+1");
        assertThat(elements(epochs.frontier())).containsExactly(6L);
        assertThat(entries(batch)).containsExactly("5:-1", "6:+1");
    }

    @Test
    void shouldTakeTheFastPathForABatchEntirelyBeyondTheFrontier() {
        epochs.update(5, 1, changes);
        changes.clear();
        LongChangeBatch batch = new LongChangeBatch();
        batch.update(6, 1);
        batch.update(8, -1);

        epochs.updateAll(batch, changes);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(entries(epochs.counts())).containsExactly("5:+1", "6:+1", "8:-1");
    }

    @Test
    void shouldHoldIncomparableProductTimesInTheFrontier() {
        MutableLongAntichain loop = new MutableLongAntichain(LOOP);

        loop.update(LOOP.time(0, 5), 1, changes);
        loop.update(LOOP.time(1, 2), 1, changes);
        loop.update(LOOP.time(2, 0), 1, changes);
        loop.update(LOOP.time(2, 3), 1, changes);

        assertThat(formatted(changes)).containsExactly("(0, 5):+1", "(1, 2):+1", "(2, 0):+1");
        assertThat(elements(loop.frontier()))
                .containsExactlyInAnyOrder(LOOP.time(0, 5), LOOP.time(1, 2), LOOP.time(2, 0));
        assertThat(loop.lessEqual(LOOP.time(1, 4))).isTrue();
        assertThat(loop.lessEqual(LOOP.time(1, 1))).isFalse();
    }

    @Test
    void shouldReportEveryElementAProductTimeDisplacesAndRestoreThemWhenItGoes() {
        MutableLongAntichain loop = new MutableLongAntichain(LOOP);
        loop.update(LOOP.time(0, 5), 1, changes);
        loop.update(LOOP.time(1, 2), 1, changes);
        loop.update(LOOP.time(2, 0), 1, changes);
        changes.clear();

        loop.update(LOOP.time(1, 0), 1, changes);

        assertThat(formatted(changes)).containsExactly("(1, 0):+1", "(1, 2):-1", "(2, 0):-1");
        assertThat(elements(loop.frontier())).containsExactlyInAnyOrder(LOOP.time(0, 5), LOOP.time(1, 0));

        changes.clear();
        loop.update(LOOP.time(1, 0), -1, changes);

        assertThat(formatted(changes)).containsExactly("(1, 0):-1", "(1, 2):+1", "(2, 0):+1");
        assertThat(elements(loop.frontier()))
                .containsExactlyInAnyOrder(LOOP.time(0, 5), LOOP.time(1, 2), LOOP.time(2, 0));
    }

    @Test
    void shouldLeaveTheFrontierAloneForADecrementAtAnIncomparableTimeWithNoCount() {
        MutableLongAntichain loop = new MutableLongAntichain(LOOP);
        loop.update(LOOP.time(0, 5), 1, changes);
        changes.clear();

        loop.update(LOOP.time(1, 0), -1, changes);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(elements(loop.frontier())).containsExactly(LOOP.time(0, 5));
        assertThat(loop.count(LOOP.time(1, 0))).isEqualTo(-1);
    }

    @Test
    void shouldAddAnIncomparableTimeToTheFrontier() {
        MutableLongAntichain loop = new MutableLongAntichain(LOOP);
        loop.update(LOOP.time(0, 5), 1, changes);
        changes.clear();

        loop.update(LOOP.time(1, 0), 1, changes);

        assertThat(formatted(changes)).containsExactly("(1, 0):+1");
        assertThat(elements(loop.frontier())).containsExactlyInAnyOrder(LOOP.time(0, 5), LOOP.time(1, 0));
    }

    static List<Long> seeds() {
        return LongStream.rangeClosed(1, 20).boxed().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldMatchABruteForceFrontierUnderRandomUpdates(long seed) {
        Random random = new Random(seed);
        TimeDomain domain = seed % 3 == 0 ? TimeDomain.EPOCHS : seed % 3 == 1 ? LOOP : LOOP.product(4);
        MutableLongAntichain antichain = new MutableLongAntichain(domain);
        Map<Long, Long> counts = new HashMap<>();
        List<Long> universe = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long[] components = new long[domain.depth()];
            for (int level = 0; level < components.length; level++) {
                components[level] = random.nextInt(4);
            }
            universe.add(domain.time(components));
        }
        for (int step = 0; step < 600; step++) {
            TreeSet<Long> before = minimalPositive(domain, counts);
            LongChangeBatch reported = new LongChangeBatch();
            if (random.nextBoolean()) {
                long time = universe.get(random.nextInt(universe.size()));
                long diff = random.nextInt(5) - 2;
                antichain.update(time, diff, reported);
                counts.merge(time, diff, Long::sum);
            } else {
                LongChangeBatch batch = new LongChangeBatch();
                for (int i = random.nextInt(6); i > 0; i--) {
                    long time = universe.get(random.nextInt(universe.size()));
                    long diff = random.nextInt(5) - 2;
                    batch.update(time, diff);
                    counts.merge(time, diff, Long::sum);
                }
                antichain.updateAll(batch, reported);
            }
            TreeSet<Long> after = minimalPositive(domain, counts);

            List<String> expected = new ArrayList<>();
            for (long t : new TreeSet<>(union(before, after))) {
                if (after.contains(t) && !before.contains(t)) {
                    expected.add(t + ":+1");
                } else if (before.contains(t) && !after.contains(t)) {
                    expected.add(t + ":-1");
                }
            }
            assertThat(entries(reported)).as("seed %d, step %d, %s", seed, step, domain)
                    .containsExactlyElementsOf(expected);
            assertThat(elements(antichain.frontier())).as("seed %d, step %d", seed, step)
                    .containsExactlyInAnyOrderElementsOf(after);
            long probe = universe.get(random.nextInt(universe.size()));
            assertThat(antichain.count(probe)).isEqualTo(counts.getOrDefault(probe, 0L));
        }
    }

    private static TreeSet<Long> union(TreeSet<Long> a, TreeSet<Long> b) {
        TreeSet<Long> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The frontier by definition: times with a positive count that no other such time is below. */
    private static TreeSet<Long> minimalPositive(TimeDomain domain, Map<Long, Long> counts) {
        TreeSet<Long> minimal = new TreeSet<>();
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            boolean dominated = counts.entrySet().stream()
                    .anyMatch(o -> o.getValue() > 0 && domain.lessThan(o.getKey(), e.getKey()));
            if (!dominated) {
                minimal.add(e.getKey());
            }
        }
        return minimal;
    }

    private static List<String> formatted(LongChangeBatch batch) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            out.add(LOOP.format(batch.time(i)) + ":" + (batch.diff(i) > 0 ? "+" : "") + batch.diff(i));
        }
        return out;
    }
}
