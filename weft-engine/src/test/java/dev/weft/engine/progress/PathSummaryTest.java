package dev.weft.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Applying, composing and comparing {@link PathSummary}s, and keeping antichains of them. */
class PathSummaryTest {

    private static final TimeDomain EPOCHS = TimeDomain.EPOCHS;
    private static final TimeDomain LOOP = EPOCHS.product(16);

    @Test
    void shouldLeaveEveryTimeAsItIsOnTheIdentityPath() {
        PathSummary identity = PathSummary.identity(LOOP);

        assertThat(identity.isIdentity()).isTrue();
        assertThat(identity.domain()).isSameAs(LOOP);
        assertThat(identity.resultsIn(LOOP.time(5, 3))).isEqualTo(LOOP.time(5, 3));
        assertThat(identity.resultsIn(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(identity).isEqualTo(PathSummary.of(LOOP, 0, 0)).hasToString("+[0, 0]");
        assertThat(PathSummary.identity(EPOCHS)).hasToString("+0");
    }

    @Test
    void shouldAddOneIterationOnTheFeedbackPath() {
        PathSummary feedback = PathSummary.nextIteration(LOOP);

        assertThat(feedback.isIdentity()).isFalse();
        assertThat(feedback.resultsIn(LOOP.time(5, 3))).isEqualTo(LOOP.time(5, 4));
        assertThat(feedback).isEqualTo(PathSummary.of(LOOP, 0, 1)).hasToString("+[0, 1]");
        assertThat(PathSummary.nextIteration(EPOCHS).resultsIn(41)).isEqualTo(42);
    }

    @Test
    void shouldAddToEachCoordinate() {
        PathSummary summary = PathSummary.of(LOOP, 2, 5);

        assertThat(summary.resultsIn(LOOP.time(1, 1))).isEqualTo(LOOP.time(3, 6));
        assertThat(PathSummary.of(EPOCHS, 10).resultsIn(5)).isEqualTo(15);
    }

    @Test
    void shouldRefuseSummariesOfTheWrongShapeOrMovingBackwards() {
        assertThatThrownBy(() -> PathSummary.of(LOOP, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 coordinates");
        assertThatThrownBy(() -> PathSummary.of(LOOP, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never move time backwards");
    }

    @Test
    void shouldDropATimeWhoseIterationWouldOverflow() {
        PathSummary feedback = PathSummary.nextIteration(LOOP);
        long lastIteration = LOOP.time(5, LOOP.maxComponent(1));

        assertThat(feedback.resultsIn(LOOP.time(5, LOOP.maxComponent(1) - 1))).isEqualTo(lastIteration);
        assertThat(feedback.resultsIn(lastIteration)).isEqualTo(TimeDomain.NO_TIME);
    }

    @Test
    void shouldDropATimeWhoseOuterCoordinateWouldOverflow() {
        long lastEpoch = LOOP.time(LOOP.maxComponent(0), 0);

        assertThat(PathSummary.of(LOOP, 1, 0).resultsIn(lastEpoch)).isEqualTo(TimeDomain.NO_TIME);
        assertThat(PathSummary.of(LOOP, 0, 1).resultsIn(lastEpoch)).isEqualTo(LOOP.time(LOOP.maxComponent(0), 1));
        assertThat(PathSummary.of(EPOCHS, 1).resultsIn(Long.MAX_VALUE)).isEqualTo(TimeDomain.NO_TIME);
        assertThat(PathSummary.of(EPOCHS, 5).resultsIn(Long.MAX_VALUE - 5)).isEqualTo(Long.MAX_VALUE);
        assertThat(PathSummary.of(EPOCHS, Long.MAX_VALUE).resultsIn(1)).isEqualTo(TimeDomain.NO_TIME);
    }

    @Test
    void shouldNeverCarryAnOverflowingIterationIntoTheOuterCoordinate() {
        // A summary adding more than the iteration can hold sends no time through, rather than wrapping.
        PathSummary tooLarge = PathSummary.of(LOOP, 0, 1L << 16);

        assertThat(tooLarge.resultsIn(LOOP.time(0, 0))).isEqualTo(TimeDomain.NO_TIME);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void shouldNeverMoveATimeBackwards(long seed) {
        Random random = new Random(seed);
        TimeDomain small = EPOCHS.product(3);
        for (int i = 0; i < 5_000; i++) {
            PathSummary summary = PathSummary.of(small, random.nextInt(3), random.nextInt(4));
            long time = small.time(random.nextInt(10), random.nextInt(8));
            long result = summary.resultsIn(time);
            if (result != TimeDomain.NO_TIME) {
                assertThat(small.lessEqual(time, result)).as("seed %d: %s on %s", seed, summary, small.format(time))
                        .isTrue();
                assertThat(result).isGreaterThanOrEqualTo(time);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void shouldComposeLikeApplyingBothPathsInSequence(long seed) {
        Random random = new Random(seed);
        // Three iteration bits, so that overflow is common.
        TimeDomain small = EPOCHS.product(3);
        for (int i = 0; i < 5_000; i++) {
            PathSummary first = PathSummary.of(small, random.nextInt(3), random.nextInt(6));
            PathSummary second = PathSummary.of(small, random.nextInt(3), random.nextInt(6));
            long time = small.time(random.nextInt(5), random.nextInt(8));
            long inSequence = first.resultsIn(time) == TimeDomain.NO_TIME
                    ? TimeDomain.NO_TIME : second.resultsIn(first.resultsIn(time));
            PathSummary composed = first.followedBy(second);
            long together = composed == null ? TimeDomain.NO_TIME : composed.resultsIn(time);

            assertThat(together).as("seed %d: %s then %s on %s", seed, first, second, small.format(time))
                    .isEqualTo(inSequence);
        }
    }

    @Test
    void shouldComposeByAddingCoordinateWise() {
        PathSummary composed = PathSummary.of(LOOP, 1, 2).followedBy(PathSummary.nextIteration(LOOP));

        assertThat(composed).isEqualTo(PathSummary.of(LOOP, 1, 3));
        assertThat(PathSummary.identity(LOOP).followedBy(composed)).isEqualTo(composed);
        assertThat(composed.followedBy(PathSummary.identity(LOOP))).isEqualTo(composed);
    }

    @Test
    void shouldRefuseToComposePathsWhoseSumOverflows() {
        PathSummary almostAllIterations = PathSummary.of(LOOP, 0, LOOP.maxComponent(1));

        assertThat(almostAllIterations.followedBy(PathSummary.nextIteration(LOOP))).isNull();
        assertThat(PathSummary.of(EPOCHS, Long.MAX_VALUE).followedBy(PathSummary.of(EPOCHS, 1))).isNull();
        assertThat(PathSummary.of(EPOCHS, Long.MAX_VALUE - 1).followedBy(PathSummary.of(EPOCHS, 1)))
                .isEqualTo(PathSummary.of(EPOCHS, Long.MAX_VALUE));
    }

    @Test
    void shouldCompareSummariesCoordinateWise() {
        PathSummary identity = PathSummary.identity(LOOP);
        PathSummary nextEpoch = PathSummary.of(LOOP, 1, 0);
        PathSummary nextIteration = PathSummary.nextIteration(LOOP);
        PathSummary both = PathSummary.of(LOOP, 1, 1);

        assertThat(identity.lessEqual(nextEpoch)).isTrue();
        assertThat(nextEpoch.lessEqual(both)).isTrue();
        assertThat(nextIteration.lessEqual(both)).isTrue();
        assertThat(both.lessEqual(both)).isTrue();
        assertThat(both.lessEqual(nextEpoch)).isFalse();
        assertThat(nextEpoch.lessEqual(nextIteration)).isFalse();
        assertThat(nextIteration.lessEqual(nextEpoch)).isFalse();
    }

    @Test
    void shouldSeeOnlyTheOuterCoordinatesFromTheEnclosingScope() {
        PathSummary summary = PathSummary.of(LOOP, 2, 5);

        PathSummary outer = summary.outerSummary();

        assertThat(outer.domain()).isSameAs(EPOCHS);
        assertThat(outer).isEqualTo(PathSummary.of(EPOCHS, 2));
        assertThat(outer.resultsIn(10)).isEqualTo(12);
        assertThat(PathSummary.nextIteration(LOOP).outerSummary().isIdentity()).isTrue();
        assertThat(PathSummary.of(LOOP.product(8), 1, 2, 3).outerSummary()).isEqualTo(PathSummary.of(LOOP, 1, 2));
    }

    @Test
    void shouldKeepOnlyMinimalSummariesWhenInserting() {
        List<PathSummary> antichain = new ArrayList<>();

        assertThat(PathSummary.insertInto(antichain, PathSummary.of(LOOP, 1, 1))).isTrue();
        assertThat(PathSummary.insertInto(antichain, PathSummary.of(LOOP, 1, 1))).isFalse();
        assertThat(PathSummary.insertInto(antichain, PathSummary.of(LOOP, 2, 1))).isFalse();
        assertThat(antichain).containsExactly(PathSummary.of(LOOP, 1, 1));

        assertThat(PathSummary.insertInto(antichain, PathSummary.of(LOOP, 1, 0))).isTrue();
        assertThat(antichain).containsExactly(PathSummary.of(LOOP, 1, 0));

        assertThat(PathSummary.insertInto(antichain, PathSummary.of(LOOP, 0, 3))).isTrue();
        assertThat(antichain).containsExactlyInAnyOrder(PathSummary.of(LOOP, 1, 0), PathSummary.of(LOOP, 0, 3));

        assertThat(PathSummary.insertInto(antichain, PathSummary.of(LOOP, 0, 4))).isFalse();
        assertThat(PathSummary.insertInto(antichain, PathSummary.identity(LOOP))).isTrue();
        assertThat(antichain).containsExactly(PathSummary.identity(LOOP));
    }

    @Test
    void shouldTreatSummariesWithTheSameAddsAsEqual() {
        assertThat(PathSummary.of(LOOP, 1, 2)).isEqualTo(PathSummary.of(LOOP, 1, 2))
                .hasSameHashCodeAs(PathSummary.of(LOOP, 1, 2))
                .isNotEqualTo(PathSummary.of(LOOP, 2, 1));
    }

    @Test
    void shouldNotShareTheCallersArray() {
        long[] adds = {1, 2};
        PathSummary summary = PathSummary.of(LOOP, adds);

        adds[1] = 7;

        assertThat(summary).isEqualTo(PathSummary.of(LOOP, 1, 2));
    }

    @Test
    void shouldRefuseToSummarizeARootDomainSummaryForAnEnclosingScope() {
        assertThatThrownBy(() -> PathSummary.identity(TimeDomain.EPOCHS).outerSummary())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("root domain");
    }
}
