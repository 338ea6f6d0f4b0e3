package dev.weft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.codec.StableHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link KeyTable} behaves as a map keyed by content, against a {@link HashMap} as the oracle. */
class KeyTableTest {

    @Test
    void shouldGroupByteArrayKeysByContentAndHoldANullKey() {
        KeyTable<String> table = new KeyTable<>();
        byte[] key = {1, 2, 3};
        table.put(StableHash.hash(key), key, "first");
        table.put(StableHash.hash(null), null, "null");

        assertThat(table.get(StableHash.hash(new byte[] {1, 2, 3}), new byte[] {1, 2, 3})).isEqualTo("first");
        assertThat(table.get(StableHash.hash(null), null)).isEqualTo("null");
        assertThat(table.size()).isEqualTo(2);
    }

    /** Fixed seeds, and one more from {@code -Dweft.keytable.seed=N} to replay a failure. */
    static LongStream seeds() {
        Long replay = Long.getLong("weft.keytable.seed");
        return replay != null ? LongStream.of(replay) : LongStream.range(0, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldMatchAHashMapUnderRandomPutsAndRemovesWithCollidingHashes(long seed) {
        Random random = new Random(seed);
        KeyTable<Integer> table = new KeyTable<>(2);
        Map<List<Object>, Integer> oracle = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            int k = random.nextInt(300);
            List<Object> key = List.of("k", k);
            long hash = k % 7; // few distinct hashes: long probe runs, so deletion must keep them findable
            switch (random.nextInt(3)) {
                case 0 -> assertThat(table.put(hash, key, step)).as("seed %d", seed).isEqualTo(oracle.put(key, step));
                case 1 -> assertThat(table.remove(hash, key)).as("seed %d", seed).isEqualTo(oracle.remove(key));
                default -> assertThat(table.get(hash, key)).as("seed %d", seed).isEqualTo(oracle.get(key));
            }
            assertThat(table.size()).isEqualTo(oracle.size());
        }
        Map<Object, Integer> seen = new HashMap<>();
        table.forEach(seen::put);
        assertThat(seen).isEqualTo(oracle);
    }
}
