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

/** Consolidation of a {@link PointstampBatch} by (location, time), copies and merging. */
class PointstampBatchTest {

    @Test
    void shouldSortByLocationThenTimeAndSum() {
        PointstampBatch batch = new PointstampBatch();
        batch.update(2, 5, 1);
        batch.update(1, 9, 1);
        batch.update(2, 3, 1);
        batch.update(1, 9, 2);
        batch.update(2, 5, -3);

        assertThat(entries(batch)).containsExactly("@1 9:+3", "@2 3:+1", "@2 5:-2");
        assertThat(batch).hasToString("[@1 9:+3, @2 3:+1, @2 5:-2]");
    }

    @Test
    void shouldDropZeroSumsWhenCompacting() {
        PointstampBatch batch = new PointstampBatch();
        batch.update(1, 4, 1);
        batch.update(2, 4, 1);
        batch.update(1, 4, -1);
        batch.update(2, 4, -1);
        batch.update(3, 4, 0);

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.size()).isZero();
    }

    @Test
    void shouldKeepTheSameTimeAtDifferentLocationsApart() {
        PointstampBatch batch = new PointstampBatch();
        batch.update(1, 4, 1);
        batch.update(2, 4, -1);

        assertThat(entries(batch)).containsExactly("@1 4:+1", "@2 4:-1");
    }

    @Test
    void shouldAddEveryChangeOfAnotherBatch() {
        PointstampBatch batch = new PointstampBatch();
        batch.update(1, 4, 1);
        PointstampBatch other = new PointstampBatch();
        other.update(1, 4, -1);
        other.update(0, 2, 1);
        other.update(0, 2, 1);

        batch.addAll(other);

        assertThat(entries(batch)).containsExactly("@0 2:+2");
        assertThat(entries(other)).containsExactly("@0 2:+2", "@1 4:-1");
    }

    @Test
    void shouldCopyIndependentlyOfTheOriginal() {
        PointstampBatch original = new PointstampBatch();
        original.update(1, 4, 1);
        original.update(1, 4, 1);

        PointstampBatch copy = original.copy();
        original.update(1, 4, -2);
        original.update(2, 0, 1);
        copy.update(3, 3, 3);

        assertThat(entries(copy)).containsExactly("@1 4:+2", "@3 3:+3");
        assertThat(entries(original)).containsExactly("@2 0:+1");
    }

    @Test
    void shouldCopyAnEmptyBatch() {
        PointstampBatch copy = new PointstampBatch().copy();

        copy.update(1, 1, 1);

        assertThat(entries(copy)).containsExactly("@1 1:+1");
    }

    @Test
    void shouldForgetEverythingWhenCleared() {
        PointstampBatch batch = new PointstampBatch(1);
        batch.update(1, 4, 1);
        batch.update(2, 4, 1);

        batch.clear();

        assertThat(batch.isEmpty()).isTrue();
    }

    @Test
    void shouldStayBoundedWhenChangesKeepCancellingBeyond32Entries() {
        PointstampBatch batch = new PointstampBatch();
        for (int i = 0; i < 100_000; i++) {
            batch.update(i % 3, 7, 1);
            batch.update(i % 3, 7, -1);
        }

        assertThat(storage(batch)).isLessThanOrEqualTo(64);
        assertThat(batch.isEmpty()).isTrue();
    }

    static List<Long> seeds() {
        return LongStream.rangeClosed(1, 20).boxed().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldMatchAMapOfSumsUnderRandomUpdates(long seed) {
        Random random = new Random(seed);
        PointstampBatch batch = new PointstampBatch(random.nextInt(8));
        Map<String, Long> model = new TreeMap<>();
        PointstampBatch copy = null;
        List<String> copyExpected = null;
        int locations = 1 + random.nextInt(10);
        int timeRange = 1 + random.nextInt(50);
        for (int step = 0; step < 3_000; step++) {
            int action = random.nextInt(100);
            if (action < 85) {
                int location = random.nextInt(locations);
                long time = random.nextInt(timeRange);
                long diff = random.nextInt(5) - 2;
                batch.update(location, time, diff);
                model.merge(key(location, time), diff, Long::sum);
            } else if (action < 93) {
                assertThat(entries(batch)).as("seed %d, step %d", seed, step)
                        .containsExactlyElementsOf(expected(model));
            } else if (action < 96) {
                copy = batch.copy();
                copyExpected = expected(model);
            } else if (action < 98) {
                PointstampBatch other = new PointstampBatch();
                int location = random.nextInt(locations);
                other.update(location, 0, 1);
                other.update(location, 0, 1);
                batch.addAll(other);
                model.merge(key(location, 0), 2L, Long::sum);
            } else {
                batch.clear();
                model.clear();
            }
            if (copy != null && step % 50 == 0) {
                assertThat(entries(copy)).as("seed %d, step %d", seed, step).containsExactlyElementsOf(copyExpected);
            }
        }
        assertThat(entries(batch)).as("seed %d", seed).containsExactlyElementsOf(expected(model));
    }

    /** Sorts like the batch: by location, then by time. */
    private static String key(int location, long time) {
        return String.format("%04d %06d", location, time);
    }

    private static List<String> expected(Map<String, Long> model) {
        List<String> out = new ArrayList<>();
        model.forEach((k, d) -> {
            if (d != 0) {
                String[] parts = k.split(" ");
                out.add("@" + Integer.parseInt(parts[0]) + " " + Long.parseLong(parts[1]) + ":" + (d > 0 ? "+" : "") + d);
            }
        });
        return out;
    }

    static List<String> entries(PointstampBatch batch) {
        List<String> out = new ArrayList<>();
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            out.add("@" + batch.location(i) + " " + batch.time(i) + ":" + (batch.diff(i) > 0 ? "+" : "") + batch.diff(i));
        }
        return out;
    }

    private static int storage(PointstampBatch batch) {
        try {
            Field times = PointstampBatch.class.getDeclaredField("times");
            times.setAccessible(true);
            return ((long[]) times.get(batch)).length;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
