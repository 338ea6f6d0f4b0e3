package dev.weft.bench.harness;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A named piece of work and the variants that do it: at most one baseline (the hand loop), and
 * any number of engines measured against it.
 *
 * @param name        the name the command line selects it by, such as {@code "maps"}
 * @param unit        what one unit of work is, per second, such as {@code "rec/s"}
 * @param description one line on what the work is
 * @param parameters  the sizes its workloads read, with their defaults; by convention every
 *                    name starts with the benchmark's name and a dot ({@code "maps.records"})
 * @param variants    the ways of doing the work, in the order they run
 */
public record Benchmark(
        String name, String unit, String description, Map<String, Long> parameters, List<Variant> variants) {

    /**
     * Checks the components and copies the collections.
     *
     * @param name        the name the command line selects it by, such as {@code "maps"}
     * @param unit        what one unit of work is, per second, such as {@code "rec/s"}
     * @param description one line on what the work is
     * @param parameters  the sizes its workloads read, with their defaults
     * @param variants    the ways of doing the work, in the order they run
     */
    public Benchmark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("benchmark '" + name + "' has no variants");
        }
        if (variants.stream().filter(Variant::baseline).count() > 1) {
            throw new IllegalArgumentException("benchmark '" + name + "' has more than one baseline");
        }
        Set<String> names = new HashSet<>();
        for (Variant variant : variants) {
            if (!names.add(variant.name())) {
                throw new IllegalArgumentException(
                        "benchmark '" + name + "' has two variants named '" + variant.name() + "'");
            }
        }
    }
}
