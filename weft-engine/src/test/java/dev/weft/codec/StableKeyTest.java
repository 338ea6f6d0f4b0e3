package dev.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class StableKeyTest {

    /** A record whose hashCode() is useless: grouping must not depend on it. */
    record Flaky(String name) {
        @Override
        public int hashCode() {
            return ThreadLocalRandom.current().nextInt();
        }
    }

    @Test
    void shouldGroupByteArrayKeysByTheirBytes() {
        Map<StableKey, Integer> counts = new HashMap<>();
        counts.merge(new StableKey(new byte[] {1, 2}), 1, Integer::sum);
        counts.merge(new StableKey(new byte[] {1, 2}), 1, Integer::sum);
        assertThat(counts).hasSize(1).containsValue(2);
    }

    @Test
    void shouldGroupRecordsByContentWhateverTheirHashCode() {
        Map<StableKey, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            counts.merge(new StableKey(new Flaky("a")), 1, Integer::sum);
        }
        assertThat(counts).hasSize(1).containsValue(10);
    }

    @Test
    void shouldHashByTheStableHash() {
        assertThat(new StableKey("word").hashCode()).isEqualTo(Long.hashCode(StableHash.hash("word")));
        assertThat(new StableKey("word").key()).isEqualTo("word");
    }

    @Test
    void shouldRefuseAKeyWithoutAStableHash() {
        assertThatThrownBy(() -> new StableKey(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
