package dev.weft.bench.harness;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The sizes of a run's workloads, by name: each benchmark declares its parameters with defaults
 * ({@link Benchmark#parameters()}), and the command line may override them
 * ({@code --param maps.records=1000000}). Every variant of a benchmark reads the same values, so
 * they do the same work. Immutable.
 */
public final class Params {

    private final Map<String, Long> values;

    /**
     * Parameters with these values.
     *
     * @param values the values by name
     */
    public Params(Map<String, Long> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * The defaults of {@code benchmarks}, with {@code overrides} applied.
     *
     * @param benchmarks the benchmarks whose parameters are known
     * @param overrides  values to use instead of the defaults
     * @return the parameters
     * @throws IllegalArgumentException if an override names a parameter no benchmark declares, or
     *                                  two benchmarks declare different defaults for one name
     */
    public static Params of(Iterable<Benchmark> benchmarks, Map<String, Long> overrides) {
        Map<String, Long> values = new TreeMap<>();
        for (Benchmark benchmark : benchmarks) {
            benchmark.parameters().forEach((name, value) -> {
                Long previous = values.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value)) {
                    throw new IllegalArgumentException("parameter '" + name + "' has two defaults, "
                            + previous + " and " + value + " (benchmark '" + benchmark.name() + "')");
                }
            });
        }
        overrides.forEach((name, value) -> {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name
                        + "' for the selected benchmarks; known: " + values.keySet());
            }
            values.put(name, value);
        });
        return new Params(values);
    }

    /**
     * The value of parameter {@code name}.
     *
     * @param name a declared parameter
     * @return its value
     * @throws IllegalArgumentException if no such parameter is declared
     */
    public long get(String name) {
        Objects.requireNonNull(name, "name");
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("unknown parameter '" + name + "'; known: " + values.keySet()
                    + " (declare it in its Benchmark's parameters)");
        }
        return value;
    }

    /**
     * The value of parameter {@code name}, which must fit a positive {@code int} (an array size).
     *
     * @param name a declared parameter
     * @return its value
     * @throws IllegalArgumentException if no such parameter is declared, or its value is not in
     *                                  {@code 1 .. Integer.MAX_VALUE}
     */
    public int getInt(String name) {
        long value = get(name);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "' must be between 1 and " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) value;
    }

    /** {@return every parameter and its value, sorted by name} */
    public Map<String, Long> values() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
