package dev.weft.bench.harness;

/**
 * One variant's measured rates: the median of its timed runs, and their spread.
 *
 * @param benchmark the benchmark's name
 * @param variant   the variant's name
 * @param baseline  whether the variant is its benchmark's baseline
 * @param unit      what the rates count, such as {@code "rec/s"}
 * @param median    the median rate over the timed runs, units per second
 * @param min       the slowest timed run's rate
 * @param max       the fastest timed run's rate
 * @param runs      how many timed runs the figures come from
 * @param detail    the workload's note on its result ({@link Workload#detail()}), or empty
 */
public record Result(
        String benchmark, String variant, boolean baseline, String unit,
        double median, double min, double max, int runs, String detail) {
}
