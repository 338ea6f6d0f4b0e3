package dev.weft.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The partial orders of {@link TimeDomain}, its encoding of product times, and entering and leaving a loop. */
class TimeDomainTest {

    private static final TimeDomain LOOP = TimeDomain.EPOCHS.product(16);

    @Test
    void shouldOrderEpochsAsNumbers() {
        TimeDomain epochs = TimeDomain.EPOCHS;

        assertThat(epochs.lessEqual(3, 5)).isTrue();
        assertThat(epochs.lessEqual(5, 5)).isTrue();
        assertThat(epochs.lessEqual(6, 5)).isFalse();
        assertThat(epochs.lessThan(3, 5)).isTrue();
        assertThat(epochs.lessThan(5, 5)).isFalse();
        assertThat(epochs.lessEqual(0, Long.MAX_VALUE)).isTrue();
    }

    @Test
    void shouldDescribeTheRootDomainAsOneLevelOfEpochs() {
        TimeDomain epochs = TimeDomain.EPOCHS;

        assertThat(epochs.depth()).isEqualTo(1);
        assertThat(epochs.outer()).isNull();
        assertThat(epochs.minimum()).isZero();
        assertThat(epochs.maxComponent(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(epochs.time(42)).isEqualTo(42);
        assertThat(epochs.iteration(42)).isEqualTo(42);
        assertThat(epochs).hasToString("epochs");
    }

    @Test
    void shouldPackOuterTimeAndIterationIntoOneLong() {
        long time = LOOP.time(5, 3);

        assertThat(time).isEqualTo(5L << 16 | 3);
        assertThat(LOOP.component(time, 0)).isEqualTo(5);
        assertThat(LOOP.component(time, 1)).isEqualTo(3);
        assertThat(LOOP.iteration(time)).isEqualTo(3);
        assertThat(LOOP.depth()).isEqualTo(2);
        assertThat(LOOP.outer()).isSameAs(TimeDomain.EPOCHS);
        assertThat(LOOP.minimum()).isEqualTo(LOOP.time(0, 0));
        assertThat(LOOP.maxComponent(0)).isEqualTo((1L << 47) - 1);
        assertThat(LOOP.maxComponent(1)).isEqualTo((1L << 16) - 1);
        assertThat(LOOP).hasToString("product[47, 16]");
    }

    @Test
    void shouldPackThreeLevelsWhenNestingALoopInALoop() {
        TimeDomain inner = LOOP.product(8);
        long time = inner.time(7, 2, 9);

        assertThat(inner.depth()).isEqualTo(3);
        assertThat(inner.outer()).isSameAs(LOOP);
        assertThat(inner.component(time, 0)).isEqualTo(7);
        assertThat(inner.component(time, 1)).isEqualTo(2);
        assertThat(inner.component(time, 2)).isEqualTo(9);
        assertThat(inner.iteration(time)).isEqualTo(9);
        assertThat(inner.maxComponent(0)).isEqualTo((1L << 39) - 1);
        assertThat(inner.format(time)).isEqualTo("(7, 2, 9)");
        assertThat(inner).hasToString("product[39, 16, 8]");
    }

    @Test
    void shouldRoundTripEveryCoordinateAtItsLimits() {
        long max = LOOP.time(LOOP.maxComponent(0), LOOP.maxComponent(1));

        assertThat(max).isEqualTo(Long.MAX_VALUE);
        assertThat(LOOP.component(max, 0)).isEqualTo(LOOP.maxComponent(0));
        assertThat(LOOP.component(max, 1)).isEqualTo(LOOP.maxComponent(1));
        assertThat(LOOP.time(0, LOOP.maxComponent(1))).isEqualTo(0xFFFF);
    }

    @Test
    void shouldRefuseTimesWithTheWrongNumberOfCoordinates() {
        assertThatThrownBy(() -> LOOP.time(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 coordinates").hasMessageContaining("got 1");
        assertThatThrownBy(() -> TimeDomain.EPOCHS.time(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseCoordinatesOutOfRange() {
        assertThatThrownBy(() -> LOOP.time(0, 1L << 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coordinate 1 out of range 0..65535");
        assertThatThrownBy(() -> LOOP.time(1L << 47, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coordinate 0");
        assertThatThrownBy(() -> LOOP.time(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeDomain.EPOCHS.time(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldOrderProductTimesCoordinateWise() {
        assertThat(LOOP.lessEqual(LOOP.time(1, 2), LOOP.time(1, 2))).isTrue();
        assertThat(LOOP.lessEqual(LOOP.time(1, 2), LOOP.time(1, 3))).isTrue();
        assertThat(LOOP.lessEqual(LOOP.time(1, 2), LOOP.time(2, 2))).isTrue();
        assertThat(LOOP.lessEqual(LOOP.time(1, 2), LOOP.time(3, 9))).isTrue();
        assertThat(LOOP.lessThan(LOOP.time(1, 2), LOOP.time(1, 3))).isTrue();
        assertThat(LOOP.lessThan(LOOP.time(1, 2), LOOP.time(1, 2))).isFalse();
        assertThat(LOOP.lessEqual(LOOP.time(1, 3), LOOP.time(1, 2))).isFalse();
    }

    @Test
    void shouldLeaveAnEarlierEpochAtALaterIterationIncomparable() {
        long earlyEpochLateIteration = LOOP.time(0, 5);
        long lateEpochEarlyIteration = LOOP.time(1, 0);

        assertThat(LOOP.lessEqual(earlyEpochLateIteration, lateEpochEarlyIteration)).isFalse();
        assertThat(LOOP.lessEqual(lateEpochEarlyIteration, earlyEpochLateIteration)).isFalse();
        assertThat(LOOP.lessThan(earlyEpochLateIteration, lateEpochEarlyIteration)).isFalse();
        assertThat(LOOP.lessThan(lateEpochEarlyIteration, earlyEpochLateIteration)).isFalse();
        // The total order used for sorting still puts them one way round.
        assertThat(earlyEpochLateIteration).isLessThan(lateEpochEarlyIteration);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void shouldSortCompatiblyWithThePartialOrder(long seed) {
        Random random = new Random(seed);
        TimeDomain nested = LOOP.product(6);
        for (TimeDomain domain : new TimeDomain[] {TimeDomain.EPOCHS, LOOP, nested}) {
            for (int i = 0; i < 2_000; i++) {
                long a = randomTime(domain, random);
                long b = randomTime(domain, random);
                if (domain.lessEqual(a, b)) {
                    assertThat(a).as("seed %d, %s: %s <= %s", seed, domain, domain.format(a), domain.format(b))
                            .isLessThanOrEqualTo(b);
                }
                long above = above(domain, a, random);
                assertThat(domain.lessEqual(a, above)).as("seed %d, %s", seed, domain).isTrue();
                assertThat(a).as("seed %d, %s: %s <= %s", seed, domain, domain.format(a), domain.format(above))
                        .isLessThanOrEqualTo(above);
                assertThat(domain.lessThan(a, b)).isEqualTo(domain.lessEqual(a, b) && a != b);
            }
        }
    }

    /** A random time, with coordinates drawn small (to collide) or anywhere in range. */
    private static long randomTime(TimeDomain domain, Random random) {
        long[] components = new long[domain.depth()];
        for (int level = 0; level < components.length; level++) {
            long max = domain.maxComponent(level);
            long anywhere = max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE
                    : Math.floorMod(random.nextLong(), max + 1);
            components[level] = random.nextBoolean() ? random.nextInt(4) : anywhere;
        }
        return domain.time(components);
    }

    /** A time at or above {@code time} in every coordinate. */
    private static long above(TimeDomain domain, long time, Random random) {
        long[] components = new long[domain.depth()];
        for (int level = 0; level < components.length; level++) {
            long c = domain.component(time, level);
            long room = domain.maxComponent(level) - c;
            components[level] = c + (room == 0 ? 0 : Math.floorMod(random.nextLong(), Math.min(room, 10) + 1));
        }
        return domain.time(components);
    }

    @Test
    void shouldEnterALoopAtIterationZero() {
        long entered = LOOP.toInner(7);

        assertThat(entered).isEqualTo(LOOP.time(7, 0));
        assertThat(LOOP.toOuter(entered)).isEqualTo(7);
        assertThat(LOOP.toOuter(LOOP.time(7, 12))).isEqualTo(7);
    }

    @Test
    void shouldEnterAndLeaveANestedLoopKeepingTheOuterIteration() {
        TimeDomain inner = LOOP.product(8);
        long outerTime = LOOP.time(7, 3);

        assertThat(inner.toInner(outerTime)).isEqualTo(inner.time(7, 3, 0));
        assertThat(inner.toOuter(inner.time(7, 3, 200))).isEqualTo(outerTime);
    }

    @Test
    void shouldEnterWithTheLargestOuterTimeThatFits() {
        long largest = (1L << 47) - 1;

        assertThat(LOOP.toInner(largest)).isEqualTo(LOOP.time(largest, 0));
        assertThat(LOOP.toOuter(LOOP.toInner(largest))).isEqualTo(largest);
    }

    @Test
    void shouldRefuseAnOuterTimeTooLargeForTheLoop() {
        assertThatThrownBy(() -> LOOP.toInner(1L << 47)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("16 iteration bits");
        assertThatThrownBy(() -> LOOP.toInner(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
        TimeDomain inner = LOOP.product(8);
        assertThatThrownBy(() -> inner.toInner(LOOP.time(1L << 39, 0))).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("(549755813888, 0)");
    }

    @Test
    void shouldRefuseToEnterOrLeaveTheRootDomain() {
        assertThatThrownBy(() -> TimeDomain.EPOCHS.toInner(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TimeDomain.EPOCHS.toOuter(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseIterationBitsOutOfRange() {
        assertThatThrownBy(() -> TimeDomain.EPOCHS.product(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..31");
        assertThatThrownBy(() -> TimeDomain.EPOCHS.product(32)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TimeDomain.EPOCHS.product(31).maxComponent(1)).isEqualTo((1L << 31) - 1);
        assertThat(TimeDomain.EPOCHS.product(1).maxComponent(1)).isEqualTo(1);
    }

    @Test
    void shouldRefuseNestingThatLeavesTheEpochFewerThan24Bits() {
        TimeDomain wide = TimeDomain.EPOCHS.product(31);

        assertThat(wide.product(8).maxComponent(0)).isEqualTo((1L << 24) - 1);
        assertThatThrownBy(() -> wide.product(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting too deep").hasMessageContaining("23 bits");
    }

    @Test
    void shouldFormatTimesForMessages() {
        assertThat(TimeDomain.EPOCHS.format(5)).isEqualTo("5");
        assertThat(LOOP.format(LOOP.time(5, 3))).isEqualTo("(5, 3)");
        assertThat(LOOP.format(LOOP.minimum())).isEqualTo("(0, 0)");
    }
}
