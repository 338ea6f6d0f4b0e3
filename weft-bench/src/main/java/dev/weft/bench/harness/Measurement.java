package dev.weft.bench.harness;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Times a workload: warm-up runs, then timed runs, reduced to the median rate and its spread.
 *
 * <p>A <em>run</em> calls {@link Workload#run()} again and again until at least the minimum run
 * time has passed, and its rate is the units those calls returned divided by the time they took:
 * the wall time, or, for a workload that times itself ({@link Workload#lastRunNanos()}), the sum
 * of the processing times it reports. Runs of a second or more smooth out the JIT, the garbage
 * collector and a workload's own start-up cost per call; the median of several runs resists the
 * noise of a shared machine (about ±20% here). Warm-up runs are the same as timed runs and are only logged.
 *
 * <p>Before the first run the workload is set up and {@link System#gc()} is called, so that the
 * garbage of building inputs is not collected inside a timed run. Not thread-safe.
 */
public final class Measurement {

    private final int warmupRuns;
    private final int runs;
    private final long minRunNanos;
    private final PrintStream log;

    /**
     * A measurement plan.
     *
     * @param warmupRuns how many runs to do and discard first, at least 0
     * @param runs       how many timed runs the median is taken over, at least 1
     * @param minRunTime the least wall time of one run, positive
     * @param log        where each run's rate is printed as it finishes
     */
    public Measurement(int warmupRuns, int runs, Duration minRunTime, PrintStream log) {
        if (warmupRuns < 0 || runs < 1) {
            throw new IllegalArgumentException(
                    "need warmupRuns >= 0 and runs >= 1, got " + warmupRuns + " and " + runs);
        }
        if (minRunTime.isNegative() || minRunTime.isZero()) {
            throw new IllegalArgumentException("minRunTime must be positive, got " + minRunTime);
        }
        this.warmupRuns = warmupRuns;
        this.runs = runs;
        this.minRunNanos = minRunTime.toNanos();
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Measures one variant: makes its workload from {@code params}, sets it up, warms it up, times
     * it, and closes it.
     *
     * @param benchmark the benchmark the variant belongs to
     * @param variant   the variant
     * @param params    the sizes its workload reads
     * @return the median rate and spread of the timed runs
     * @throws Exception whatever the workload threw (the measurement is abandoned)
     */
    public Result measure(Benchmark benchmark, Variant variant, Params params) throws Exception {
        String label = benchmark.name() + " / " + variant.name();
        try (Workload workload = variant.factory().apply(params)) {
            workload.setup();
            System.gc();
            for (int i = 1; i <= warmupRuns; i++) {
                logRun(label, "warm-up " + i + "/" + warmupRuns, run(workload), benchmark.unit());
            }
            double[] rates = new double[runs];
            for (int i = 0; i < runs; i++) {
                RunRate rate = run(workload);
                rates[i] = rate.perSecond;
                logRun(label, "run " + (i + 1) + "/" + runs, rate, benchmark.unit());
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            return new Result(benchmark.name(), variant.name(), variant.baseline(), benchmark.unit(),
                    median(rates), sorted[0], sorted[sorted.length - 1], runs, workload.detail());
        }
    }

    /**
     * The median of {@code values}: the middle one, or the mean of the middle two.
     *
     * @param values at least one value; not modified
     * @return their median
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of nothing");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private RunRate run(Workload workload) throws Exception {
        long units = 0;
        long calls = 0;
        long timed = 0;
        long start = System.nanoTime();
        long wall;
        do {
            long callStart = System.nanoTime();
            long done = workload.run();
            long callNanos = System.nanoTime() - callStart;
            if (done <= 0) {
                throw new IllegalStateException(
                        workload.getClass().getName() + ".run() returned " + done + " units; it must do work");
            }
            long own = workload.lastRunNanos();
            if (own > callNanos) {
                throw new IllegalStateException(workload.getClass().getName() + ".lastRunNanos() is " + own
                        + " ns, longer than the whole run() call (" + callNanos + " ns)");
            }
            timed += own >= 0 ? own : callNanos;
            units += done;
            calls++;
            wall = System.nanoTime() - start;
        } while (timed < minRunNanos);
        return new RunRate(units * 1e9 / timed, calls, timed, wall);
    }

    private void logRun(String label, String which, RunRate rate, String unit) {
        String wall = rate.wallNanos - rate.nanos > rate.nanos / 100
                ? String.format(Locale.ROOT, " of processing time; %.2f s wall", rate.wallNanos / 1e9) : "";
        log.printf(Locale.ROOT, "  %s: %s: %s %s (%d calls in %.2f s%s)%n", label, which,
                Report.formatRate(rate.perSecond), unit, rate.calls, rate.nanos / 1e9, wall);
        log.flush();
    }

    private record RunRate(double perSecond, long calls, long nanos, long wallNanos) {
    }
}
