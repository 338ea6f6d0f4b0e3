package dev.weft.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Consolidation of a {@link LongChangeBatch}: only net, non-zero changes come out, in time order. */
class LongChangeBatchTest {

    @Test
    void shouldSortAndSumChangesByTime() {
        LongChangeBatch batch = new LongChangeBatch();
        batch.update(7, 1);
        batch.update(3, 2);
        batch.update(7, 4);
        batch.update(5, -1);

        assertThat(entries(batch)).containsExactly("3:+2", "5:-1", "7:+5");
        assertThat(batch).hasToString("[3:+2, 5:-1, 7:+5]");
    }

    @Test
    void shouldDropZeroSumsWhenCompacting() {
        LongChangeBatch batch = new LongChangeBatch();
        batch.update(4, 1);
        batch.update(9, 3);
        batch.update(4, -1);
        batch.update(9, -2);
        batch.update(9, -1);

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.size()).isZero();
        assertThat(batch).hasToString("[]");
    }

    @Test
    void shouldIgnoreAZeroChange() {
        LongChangeBatch batch = new LongChangeBatch();
        batch.update(4, 0);

        assertThat(batch.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepAddingAfterBeingRead() {
        LongChangeBatch batch = new LongChangeBatch();
        batch.update(4, 1);
        assertThat(entries(batch)).containsExactly("4:+1");

        batch.update(2, 1);
        batch.update(4, -1);

        assertThat(entries(batch)).containsExactly("2:+1");
    }

    @Test
    void shouldMoveEveryNetChangeIntoAnotherBatchWhenDraining() {
        LongChangeBatch from = new LongChangeBatch();
        from.update(1, 1);
        from.update(2, 1);
        from.update(1, 1);
        LongChangeBatch into = new LongChangeBatch();
        into.update(2, -1);
        into.update(3, 5);

        from.drainInto(into);

        assertThat(from.isEmpty()).isTrue();
        assertThat(entries(into)).containsExactly("1:+2", "3:+5");
    }

    @Test
    void shouldForgetEverythingWhenCleared() {
        LongChangeBatch batch = new LongChangeBatch(1);
        batch.update(1, 1);
        batch.update(2, 1);
        batch.size();
        batch.update(3, 1);

        batch.clear();

        assertThat(batch.isEmpty()).isTrue();
        batch.update(5, 1);
        assertThat(entries(batch)).containsExactly("5:+1");
    }

    @Test
    void shouldStayBoundedWhenChangesKeepCancellingBeyond32Entries() {
        LongChangeBatch batch = new LongChangeBatch();
        for (int i = 0; i < 100_000; i++) {
            batch.update(7, 1);
            batch.update(7, -1);
        }
        batch.update(7, 1);

        // Beyond 32 entries, at least half of them unconsolidated, the batch consolidates itself
        // instead of growing.
        assertThat(storage(batch)).isLessThanOrEqualTo(64);
        assertThat(entries(batch)).containsExactly("7:+1");
    }

    @Test
    void shouldKeepEveryDistinctTimeWhenCompactingOnItsOwn() {
        LongChangeBatch batch = new LongChangeBatch();
        for (long t = 0; t < 1_000; t++) {
            batch.update(999 - t, t + 1);
            batch.update(999 - t, 1);
            batch.update(1_000 + t % 10, 1);
            batch.update(1_000 + t % 10, -1);
        }

        assertThat(batch.size()).isEqualTo(1_000);
        for (int i = 0; i < 1_000; i++) {
            assertThat(batch.time(i)).isEqualTo(i);
            assertThat(batch.diff(i)).isEqualTo(1_000 - i + 1);
        }
    }

    static List<Long> seeds() {
        return LongStream.rangeClosed(1, 20).boxed().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldMatchAMapOfSumsUnderRandomUpdates(long seed) {
        Random random = new Random(seed);
        LongChangeBatch batch = new LongChangeBatch(random.nextInt(8));
        Map<Long, Long> model = new TreeMap<>();
        LongChangeBatch other = new LongChangeBatch();
        Map<Long, Long> otherModel = new TreeMap<>();
        int timeRange = 1 + random.nextInt(200);
        for (int step = 0; step < 3_000; step++) {
            int action = random.nextInt(100);
            if (action < 85) {
                long time = random.nextInt(timeRange);
                long diff = random.nextInt(7) - 3;
                batch.update(time, diff);
                model.merge(time, diff, Long::sum);
            } else if (action < 93) {
                assertThat(entries(batch)).as("seed %d, step %d", seed, step).containsExactlyElementsOf(expected(model));
                assertThat(batch.isEmpty()).isEqualTo(expected(model).isEmpty());
            } else if (action < 97) {
                batch.drainInto(other);
                model.forEach((t, d) -> otherModel.merge(t, d, Long::sum));
                model.clear();
                assertThat(entries(other)).as("seed %d, step %d", seed, step)
                        .containsExactlyElementsOf(expected(otherModel));
            } else if (action < 98) {
                batch.clear();
                model.clear();
            } else {
                batch.compact();
            }
        }
        assertThat(entries(batch)).as("seed %d", seed).containsExactlyElementsOf(expected(model));
        assertThat(entries(other)).as("seed %d", seed).containsExactlyElementsOf(expected(otherModel));
    }

    private static List<String> expected(Map<Long, Long> model) {
        List<String> out = new ArrayList<>();
        model.forEach((t, d) -> {
            if (d != 0) {
                out.add(t + ":" + (d > 0 ? "+" : "") + d);
            }
        });
        return out;
    }

    static List<String> entries(LongChangeBatch batch) {
        List<String> out = new ArrayList<>();
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            out.add(batch.time(i) + ":" + (batch.diff(i) > 0 ? "+" : "") + batch.diff(i));
        }
        return out;
    }

    /** The length of the batch's backing storage: white-box, to see that it consolidates by itself. */
    private static int storage(LongChangeBatch batch) {
        try {
            Field times = LongChangeBatch.class.getDeclaredField("times");
            times.setAccessible(true);
            return ((long[]) times.get(batch)).length;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
