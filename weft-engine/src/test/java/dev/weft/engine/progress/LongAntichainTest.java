package dev.weft.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inserting into and querying a {@link LongAntichain}, in the epoch order and in the product order. */
class LongAntichainTest {

    private static final TimeDomain LOOP = TimeDomain.EPOCHS.product(16);

    @Test
    void shouldAnswerThatNothingCanArriveWhenEmpty() {
        LongAntichain frontier = new LongAntichain(TimeDomain.EPOCHS);

        assertThat(frontier.isEmpty()).isTrue();
        assertThat(frontier.size()).isZero();
        assertThat(frontier.lessEqual(0)).isFalse();
        assertThat(frontier.lessThan(Long.MAX_VALUE)).isFalse();
        assertThat(frontier).hasToString("{}");
        assertThat(frontier.domain()).isSameAs(TimeDomain.EPOCHS);
    }

    @Test
    void shouldKeepOnlyTheLeastEpoch() {
        LongAntichain frontier = new LongAntichain(TimeDomain.EPOCHS);

        assertThat(frontier.insert(5)).isTrue();
        assertThat(frontier.insert(7)).isFalse();
        assertThat(frontier.insert(5)).isFalse();
        assertThat(elements(frontier)).containsExactly(5L);

        assertThat(frontier.insert(3)).isTrue();
        assertThat(elements(frontier)).containsExactly(3L);
        assertThat(frontier).hasToString("{3}");
    }

    @Test
    void shouldAnswerWhetherATimeCouldStillArrive() {
        LongAntichain frontier = new LongAntichain(TimeDomain.EPOCHS);
        frontier.insert(5);

        assertThat(frontier.lessEqual(4)).isFalse();
        assertThat(frontier.lessEqual(5)).isTrue();
        assertThat(frontier.lessEqual(6)).isTrue();
        assertThat(frontier.lessThan(5)).isFalse();
        assertThat(frontier.lessThan(6)).isTrue();
    }

    @Test
    void shouldHoldIncomparableProductTimesSideBySide() {
        LongAntichain frontier = new LongAntichain(LOOP);

        assertThat(frontier.insert(LOOP.time(0, 5))).isTrue();
        assertThat(frontier.insert(LOOP.time(1, 2))).isTrue();
        assertThat(frontier.insert(LOOP.time(2, 0))).isTrue();

        assertThat(elements(frontier)).containsExactlyInAnyOrder(LOOP.time(0, 5), LOOP.time(1, 2), LOOP.time(2, 0));
        assertThat(frontier.size()).isEqualTo(3);
        assertThat(frontier).hasToString("{(0, 5), (1, 2), (2, 0)}");
    }

    @Test
    void shouldIgnoreAProductTimeDominatedByAnyElement() {
        LongAntichain frontier = new LongAntichain(LOOP);
        frontier.insert(LOOP.time(0, 5));
        frontier.insert(LOOP.time(2, 0));

        assertThat(frontier.insert(LOOP.time(0, 6))).isFalse();
        assertThat(frontier.insert(LOOP.time(3, 1))).isFalse();
        assertThat(frontier.insert(LOOP.time(2, 0))).isFalse();

        assertThat(elements(frontier)).containsExactlyInAnyOrder(LOOP.time(0, 5), LOOP.time(2, 0));
    }

    @Test
    void shouldRemoveEveryElementANewTimeDominates() {
        LongAntichain frontier = new LongAntichain(LOOP);
        frontier.insert(LOOP.time(0, 5));
        frontier.insert(LOOP.time(1, 2));
        frontier.insert(LOOP.time(3, 0));

        assertThat(frontier.insert(LOOP.time(1, 0))).isTrue();
        assertThat(elements(frontier)).containsExactlyInAnyOrder(LOOP.time(0, 5), LOOP.time(1, 0));

        assertThat(frontier.insert(LOOP.time(0, 0))).isTrue();
        assertThat(elements(frontier)).containsExactly(LOOP.time(0, 0));
    }

    @Test
    void shouldAnswerQueriesAgainstEveryProductElement() {
        LongAntichain frontier = new LongAntichain(LOOP);
        frontier.insert(LOOP.time(0, 5));
        frontier.insert(LOOP.time(2, 0));

        assertThat(frontier.lessEqual(LOOP.time(0, 5))).isTrue();
        assertThat(frontier.lessEqual(LOOP.time(2, 1))).isTrue();
        assertThat(frontier.lessEqual(LOOP.time(1, 9))).isTrue();
        // Below both elements in one coordinate or the other.
        assertThat(frontier.lessEqual(LOOP.time(1, 4))).isFalse();
        assertThat(frontier.lessEqual(LOOP.time(0, 4))).isFalse();
        assertThat(frontier.lessThan(LOOP.time(0, 5))).isFalse();
        assertThat(frontier.lessThan(LOOP.time(2, 0))).isFalse();
        assertThat(frontier.lessThan(LOOP.time(2, 1))).isTrue();
    }

    @Test
    void shouldReadElementsByIndexAndClear() {
        LongAntichain frontier = new LongAntichain(LOOP);
        frontier.insert(LOOP.time(0, 5));
        frontier.insert(LOOP.time(2, 0));

        assertThat(frontier.get(0)).isEqualTo(LOOP.time(0, 5));
        assertThat(frontier.get(1)).isEqualTo(LOOP.time(2, 0));
        assertThatThrownBy(() -> frontier.get(2)).isInstanceOf(IndexOutOfBoundsException.class);

        frontier.clear();

        assertThat(frontier.isEmpty()).isTrue();
        assertThat(frontier.lessEqual(LOOP.time(9, 9))).isFalse();
        assertThat(frontier.insert(LOOP.time(9, 9))).isTrue();
        assertThat(elements(frontier)).containsExactly(LOOP.time(9, 9));
    }

    @Test
    void shouldCompareElementsRegardlessOfOrder() {
        LongAntichain first = new LongAntichain(LOOP);
        first.insert(LOOP.time(0, 5));
        first.insert(LOOP.time(2, 0));
        LongAntichain second = new LongAntichain(LOOP);
        second.insert(LOOP.time(2, 0));
        second.insert(LOOP.time(0, 5));
        LongAntichain third = new LongAntichain(LOOP);
        third.insert(LOOP.time(2, 0));
        third.insert(LOOP.time(0, 6));

        assertThat(first.sameElements(second)).isTrue();
        assertThat(second.sameElements(first)).isTrue();
        assertThat(first.sameElements(third)).isFalse();
        assertThat(first.sameElements(new LongAntichain(LOOP))).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38, 39, 40})
    void shouldHoldTheMinimalElementsOfEverythingInserted(long seed) {
        Random random = new Random(seed);
        LongAntichain frontier = new LongAntichain(LOOP);
        List<Long> inserted = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long time = LOOP.time(random.nextInt(8), random.nextInt(8));
            boolean wasMinimal = inserted.stream().noneMatch(t -> LOOP.lessEqual(t, time));

            assertThat(frontier.insert(time)).as("seed %d, insert %s", seed, LOOP.format(time)).isEqualTo(wasMinimal);
            inserted.add(time);

            List<Long> minimal = inserted.stream().distinct()
                    .filter(t -> inserted.stream().noneMatch(u -> LOOP.lessThan(u, t))).toList();
            assertThat(elements(frontier)).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(minimal);
            long probe = LOOP.time(random.nextInt(9), random.nextInt(9));
            assertThat(frontier.lessEqual(probe)).as("seed %d", seed)
                    .isEqualTo(inserted.stream().anyMatch(t -> LOOP.lessEqual(t, probe)));
            assertThat(frontier.lessThan(probe)).as("seed %d", seed)
                    .isEqualTo(inserted.stream().anyMatch(t -> LOOP.lessThan(t, probe)));
        }
    }

    static List<Long> elements(LongAntichain antichain) {
        List<Long> elements = new ArrayList<>();
        for (int i = 0; i < antichain.size(); i++) {
            elements.add(antichain.get(i));
        }
        return elements;
    }
}
