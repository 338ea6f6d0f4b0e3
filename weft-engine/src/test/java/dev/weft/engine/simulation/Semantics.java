package dev.weft.engine.simulation;

import dev.weft.engine.simulation.DataflowSpec.ScopeSpec;

/**
 * What the operators of a {@link DataflowSpec} do to each record: deterministic functions of the
 * operator, the record and its time, shared by the operators run on the engine and by the
 * {@link SequentialModel}, so that both compute the same graph. Values stay in
 * {@code [0, 1_000_000)} and are {@code Long}s, which the default codecs know.
 */
final class Semantics {

    /** Keys of {@link DataflowSpec.Kind#AGGREGATE}: {@code value % KEYS}. */
    static final long KEYS = 5;

    private Semantics() {
    }

    /** A stable, well-mixed hash (SplitMix64 finalizer over the parts). */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h += part * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h & Long.MAX_VALUE;
    }

    /** How many records {@link DataflowSpec.Kind#MAP} makes of {@code x}: 0 (10%), 1 (80%) or 2 (10%). */
    static int fanout(int op, long x) {
        long roll = mix(op, x, 1) % 10;
        return roll == 0 ? 0 : roll == 9 ? 2 : 1;
    }

    /** The {@code j}-th record an operator makes of {@code x}. */
    static long transform(int op, long x, int j) {
        return mix(op, x, 2, j) % 1_000_000;
    }

    /**
     * When {@link DataflowSpec.Kind#DELAY} sends {@code x}, received at {@code t} in {@code scope}:
     * {@code t} itself, one or two epochs later, or one iteration later if the loop allows it.
     */
    static Time delay(int op, long x, Time t, ScopeSpec scope) {
        long roll = mix(op, x, 3) % 5;
        if (roll <= 1) {
            return t;
        }
        if (roll == 4 && scope.depth() > 1 && t.innermost() < scope.maxIteration()) {
            return t.plus(t.depth() - 1, 1);
        }
        return t.plus(0, roll == 3 ? 2 : 1);
    }

    /** The key {@link DataflowSpec.Kind#AGGREGATE} groups {@code x} by (and exchanges it by). */
    static long key(long x) {
        return x % KEYS;
    }

    /** What {@link DataflowSpec.Kind#AGGREGATE} sends for a key at a time. */
    static long aggregate(int op, long key, long sum, long count) {
        return mix(op, key, sum, count, 4) % 1_000_000;
    }

    /** {@link DataflowSpec.Kind#SWITCH}: how many times {@code x} may go around (0 to 4). */
    static long bound(int op, long x) {
        return mix(op, x, 5) % 5;
    }

    /** {@link DataflowSpec.Kind#SWITCH}: whether {@code x}, done circulating, leaves (else it is discarded). */
    static boolean leaves(int op, long x) {
        return mix(op, x, 6) % 4 != 0;
    }

    /**
     * The worker that keeps {@code x} when it arrives by broadcast (the others drop their copy), so
     * that results do not depend on the worker count.
     */
    static int owner(long x, int peers) {
        return (int) (mix(x, 7) % peers);
    }
}
