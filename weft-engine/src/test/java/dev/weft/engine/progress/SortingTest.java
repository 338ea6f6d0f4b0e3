package dev.weft.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The in-place sorts of parallel arrays behind change-batch consolidation. */
class SortingTest {

    static List<Long> seeds() {
        return LongStream.rangeClosed(1, 20).boxed().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldSortKeysAndCarryTheirValues(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 80; round++) {
            int n = random.nextInt(300);
            int capacity = n + random.nextInt(5);
            long[] keys = new long[capacity];
            long[] values = new long[capacity];
            List<long[]> pairs = new ArrayList<>();
            long range = random.nextBoolean() ? 1 + random.nextInt(20) : Long.MAX_VALUE;
            for (int i = 0; i < capacity; i++) {
                keys[i] = range == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextInt((int) range);
                values[i] = random.nextLong();
                if (i < n) {
                    pairs.add(new long[] {keys[i], values[i]});
                }
            }
            if (random.nextInt(4) == 0) {
                // Already sorted, or reversed: the shapes a quicksort gets wrong or slow.
                long[] sorted = keys.clone();
                Arrays.sort(sorted, 0, n);
                for (int i = 0; i < n; i++) {
                    keys[i] = random.nextBoolean() ? sorted[i] : sorted[n - 1 - i];
                }
                pairs.clear();
                for (int i = 0; i < n; i++) {
                    pairs.add(new long[] {keys[i], values[i]});
                }
            }
            long[] tailKeys = Arrays.copyOfRange(keys, n, capacity);

            Sorting.sort(keys, values, n);

            assertThat(firstOutOfOrder(keys, n)).as("seed %d, round %d: first key out of order", seed, round)
                    .isEqualTo(-1);
            List<String> before = pairs.stream().map(p -> p[0] + "=" + p[1]).sorted().toList();
            List<String> after = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                after.add(keys[i] + "=" + values[i]);
            }
            assertThat(after.stream().sorted().toList()).as("seed %d, round %d", seed, round).isEqualTo(before);
            assertThat(Arrays.copyOfRange(keys, n, capacity)).isEqualTo(tailKeys);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldSortByLocationThenTimeAndCarryTheirValues(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 80; round++) {
            int n = random.nextInt(300);
            int[] locations = new int[n];
            long[] times = new long[n];
            long[] values = new long[n];
            List<long[]> triples = new ArrayList<>();
            int locationRange = 1 + random.nextInt(10);
            int timeRange = 1 + random.nextInt(10);
            for (int i = 0; i < n; i++) {
                locations[i] = random.nextInt(locationRange);
                times[i] = random.nextInt(timeRange);
                values[i] = random.nextLong();
                triples.add(new long[] {locations[i], times[i], values[i]});
            }

            Sorting.sort(locations, times, values, n);

            List<long[]> after = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                after.add(new long[] {locations[i], times[i], values[i]});
            }
            Comparator<long[]> byLocationThenTime = Comparator.<long[]>comparingLong(t -> t[0]).thenComparingLong(t -> t[1]);
            int outOfOrder = -1;
            for (int i = 1; i < n && outOfOrder < 0; i++) {
                if (byLocationThenTime.compare(after.get(i - 1), after.get(i)) > 0) {
                    outOfOrder = i;
                }
            }
            assertThat(outOfOrder).as("seed %d, round %d: first entry out of order", seed, round).isEqualTo(-1);
            Comparator<long[]> total = byLocationThenTime.thenComparingLong(t -> t[2]);
            triples.sort(total);
            after.sort(total);
            assertThat(after).as("seed %d, round %d", seed, round).containsExactlyElementsOf(triples);
        }
    }

    private static int firstOutOfOrder(long[] keys, int n) {
        for (int i = 1; i < n; i++) {
            if (keys[i - 1] > keys[i]) {
                return i;
            }
        }
        return -1;
    }
}
