package dev.weft.bench.harness;

import java.util.Objects;
import java.util.function.Function;

/**
 * One way of doing a benchmark's work: Weft's, a peer engine's, or the hand-written loop that the
 * others are compared to (the baseline).
 *
 * @param name     the name printed in the report, unique within its benchmark
 * @param baseline whether this is the hand-written loop that the other variants' ratios divide by
 * @param factory  makes a fresh workload from the run's parameters, once per measurement
 */
public record Variant(String name, boolean baseline, Function<Params, Workload> factory) {

    /** The name of {@link #handLoop(Function)} variants. */
    public static final String HAND_LOOP = "hand loop";

    /**
     * Checks the components.
     *
     * @param name     the name printed in the report, unique within its benchmark
     * @param baseline whether this is the hand-written loop that the other variants' ratios divide by
     * @param factory  makes a fresh workload from the run's parameters, once per measurement
     */
    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a variant needs a name");
        }
    }

    /**
     * The hand-written baseline, named {@value #HAND_LOOP}.
     *
     * @param factory makes the workload from the run's parameters
     * @return the baseline variant
     */
    public static Variant handLoop(Function<Params, Workload> factory) {
        return new Variant(HAND_LOOP, true, factory);
    }

    /**
     * A variant compared to the baseline, such as {@code "weft, 2 workers"}.
     *
     * @param name    the name printed in the report
     * @param factory makes the workload from the run's parameters
     * @return the variant
     */
    public static Variant of(String name, Function<Params, Workload> factory) {
        return new Variant(name, false, factory);
    }
}
