package dev.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class StableHashTest {

    record Key(String region, long id) {
    }

    /** A record whose hashCode is different on every call: Weft must never use it. */
    record Moody(String name, int n) {
        @Override
        public int hashCode() {
            return ThreadLocalRandom.current().nextInt();
        }
    }

    record Composite(Key key, List<Integer> parts, byte[] raw, Character c) {
    }

    record WithInstant(String name, Instant at) {
    }

    @Test
    void shouldPinTheHashesOfAFewKeys() {
        // These values are the contract between releases: a key's hash decides its key group in recovery stores.
        // If this test fails, the algorithm changed; that moves every key to another worker and breaks existing
        // recovery stores. Do not update the numbers without a migration plan.
        assertThat(StableHash.hash(0L)).isEqualTo(0x7ACDBB98B1344213L);
        assertThat(StableHash.hash(42L)).isEqualTo(0x1ECFA28D84E37042L);
        assertThat(StableHash.hash("")).isEqualTo(0x72DEE428A469F6FDL);
        assertThat(StableHash.hash("hello")).isEqualTo(0xBB76DCD5C8EBF15AL);
        assertThat(StableHash.hash("\u65e5\u672c\ud83d\ude00")).isEqualTo(0x44931AE758AA65D4L);
        assertThat(StableHash.hash(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9})).isEqualTo(0x075F09587D8DDC22L);
        assertThat(StableHash.hash(1.5)).isEqualTo(0x7D0B03DA884CAF01L);
        assertThat(StableHash.hash(true)).isEqualTo(0x897C73CA1C457799L);
        assertThat(StableHash.hash(List.of("a", 1L))).isEqualTo(0xBAF94D74116E4DA0L);
        assertThat(StableHash.hash(new Key("eu", 7))).isEqualTo(0x5A235CF59CDA99A9L);
    }

    @Test
    void shouldGiveEqualHashesForEqualValues() {
        assertThat(StableHash.hash(new String("order-17"))).isEqualTo(StableHash.hash("order-17"));
        assertThat(StableHash.hash(Long.valueOf(123_456_789_000L))).isEqualTo(StableHash.hash(123_456_789_000L));
        assertThat(StableHash.hash(new byte[] {9, 8, 7})).isEqualTo(StableHash.hash(new byte[] {9, 8, 7}));
        assertThat(StableHash.hash(new ArrayList<>(List.of("a", "b")))).isEqualTo(StableHash.hash(new LinkedList<>(List.of("a", "b"))));
        assertThat(StableHash.hash(new Key("eu", 7))).isEqualTo(StableHash.hash(new Key("eu", 7)));
        assertThat(StableHash.hash(Double.NaN)).isEqualTo(StableHash.hash(Double.longBitsToDouble(0x7ff8_0000_0000_0001L)));
        assertThat(StableHash.hash(Float.NaN)).isEqualTo(StableHash.hash(Float.intBitsToFloat(0x7fc0_0001)));
        assertThat(StableHash.hash(null)).isEqualTo(StableHash.hash(null));
    }

    @Test
    void shouldHashIntegralTypesByNumericValue() {
        long expected = StableHash.hashLong(-5);
        assertThat(StableHash.hash(-5L)).isEqualTo(expected);
        assertThat(StableHash.hash(-5)).isEqualTo(expected);
        assertThat(StableHash.hash((short) -5)).isEqualTo(expected);
        assertThat(StableHash.hash((byte) -5)).isEqualTo(expected);
    }

    @Test
    void shouldSeparateKindsOfKeysWithTheSameBits() {
        Set<Long> hashes = new HashSet<>(List.of(
                StableHash.hash(0L), StableHash.hash(0.0), StableHash.hash(0.0f), StableHash.hash('\u0000'),
                StableHash.hash(false), StableHash.hash(""), StableHash.hash(new byte[0]), StableHash.hash(List.of()),
                StableHash.hash(null), StableHash.hash(-0.0), StableHash.hash("a"), StableHash.hash(List.of("a")),
                StableHash.hash("a\u0000"), StableHash.hash(new byte[] {0})));
        assertThat(hashes).hasSize(14);
    }

    @Test
    void shouldHashRecordsFromTheirComponentsNeverFromHashCode() {
        Moody a = new Moody("x", 1);
        Moody b = new Moody("x", 1);
        assertThat(a.hashCode()).as("precondition").isNotEqualTo(a.hashCode());
        assertThat(StableHash.hash(a)).isEqualTo(StableHash.hash(b)).isEqualTo(StableHash.hash(a));
        assertThat(StableHash.hash(new Moody("x", 2))).isNotEqualTo(StableHash.hash(a));
        // Same components in the same order give the same hash, whatever the record class.
        assertThat(StableHash.hash(new Key("x", 1))).isEqualTo(StableHash.hash(a));
    }

    @Test
    void shouldHashNestedRecordsListsArraysAndNulls() {
        Composite one = new Composite(new Key("eu", 1), List.of(1, 2), new byte[] {5}, null);
        Composite same = new Composite(new Key("eu", 1), List.of(1, 2), new byte[] {5}, null);
        Composite other = new Composite(new Key("eu", 1), List.of(2, 1), new byte[] {5}, null);
        assertThat(StableHash.hash(one)).isEqualTo(StableHash.hash(same)).isNotEqualTo(StableHash.hash(other));
    }

    @Test
    void shouldSpreadSequentialKeysEvenlyOverKeyGroups() {
        int groups = 256;
        int keys = 256 * 200;
        int[] longCounts = new int[groups];
        int[] stringCounts = new int[groups];
        for (int i = 0; i < keys; i++) {
            longCounts[(int) Long.remainderUnsigned(StableHash.hashLong(i), groups)]++;
            stringCounts[(int) Long.remainderUnsigned(StableHash.hash("user-" + i), groups)]++;
        }
        // Deterministic (the hash is fixed), so this is not flaky: about 200 keys per group, none far off.
        assertThat(Arrays.stream(longCounts).min().getAsInt()).isGreaterThan(140);
        assertThat(Arrays.stream(longCounts).max().getAsInt()).isLessThan(260);
        assertThat(Arrays.stream(stringCounts).min().getAsInt()).isGreaterThan(140);
        assertThat(Arrays.stream(stringCounts).max().getAsInt()).isLessThan(260);
    }

    @Test
    void shouldRefuseUnsupportedTypesNamingThemAndTheSupportedOnes() {
        assertThatThrownBy(() -> StableHash.hash(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StableHash cannot hash a key of type java.lang.Object;")
                .hasMessageContaining("supported key types: String, Long, Integer");
        assertThatThrownBy(() -> StableHash.hash(Set.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot hash a key of type java.util.ImmutableCollections$Set12");
        assertThatThrownBy(() -> StableHash.hash(new int[] {1}))
                .hasMessageContaining("cannot hash a key of type int[]");
    }

    @Test
    void shouldSayWhereInsideAKeyAnUnsupportedTypeWasFound() {
        assertThatThrownBy(() -> StableHash.hash(List.of("ok", new WithInstant("n", Instant.EPOCH))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot hash a key of type java.time.Instant (in component 'at' of record "
                        + WithInstant.class.getTypeName() + ", in element 1 of a ");
    }
}
