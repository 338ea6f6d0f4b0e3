package dev.weft.bench.stress;

import dev.weft.bench.harness.Workload;
import dev.weft.engine.simulation.ThreadedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The {@code stress} benchmark: runs seeds {@code first} to {@code first + seeds - 1} of
 * {@link ThreadedRun} (random graphs with loops, nested loops, exchanges and broadcasts on 2 to 8
 * worker threads, sources fed from other threads or not, tiny flow-control limits, serializing,
 * random yields and parks), each checked against the sequential model, one after the other.
 *
 * <p>Every seed runs even after a failure; each failure is printed to standard error as it
 * happens, with the option that replays it, and {@link #run()} then throws naming every failed
 * seed, so the benchmark fails. {@link #detail()} gives the figures: seeds, failures, the mix of
 * settings, and the slowest seed.
 */
public final class StressSweep implements Workload {

    private final long first;
    private final long seeds;
    private String detail = "";

    /**
     * A sweep of {@code seeds} seeds from {@code first}.
     *
     * @param first the first seed
     * @param seeds how many seeds, at least 1
     */
    public StressSweep(long first, long seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("stress.seeds must be at least 1, got " + seeds);
        }
        this.first = first;
        this.seeds = seeds;
    }

    @Override
    public long run() {
        List<Long> failed = new ArrayList<>();
        TreeMap<Integer, Integer> byWorkers = new TreeMap<>();
        int fed = 0;
        int tight = 0;
        int serializing = 0;
        long slowest = -1;
        long slowestNanos = 0;
        for (long seed = first; seed < first + seeds; seed++) {
            ThreadedRun.Settings settings = ThreadedRun.Settings.of(seed);
            byWorkers.merge(settings.workers(), 1, Integer::sum);
            fed += settings.fed() ? 1 : 0;
            tight += settings.tightFlowControl() ? 1 : 0;
            serializing += settings.serializing() ? 1 : 0;
            try {
                ThreadedRun.Outcome outcome = ThreadedRun.run(seed);
                if (outcome.wallNanos() > slowestNanos) {
                    slowest = seed;
                    slowestNanos = outcome.wallNanos();
                }
            } catch (AssertionError e) {
                failed.add(seed);
                System.err.println("stress: FAILED " + e.getMessage());
            }
            if ((seed - first + 1) % 500 == 0) {
                System.err.printf(Locale.ROOT, "stress: %d of %d seeds, %d failed%n", seed - first + 1, seeds,
                        failed.size());
            }
        }
        detail = String.format(Locale.ROOT, "seeds %d..%d, %d failed; workers (count: seeds) %s; %d fed from threads,"
                + " %d with 1-4 records in flight, %d serializing; slowest seed %d (%.0f ms)", first, first + seeds - 1,
                failed.size(), byWorkers, fed, tight, serializing, slowest, slowestNanos / 1e6);
        if (!failed.isEmpty()) {
            throw new IllegalStateException("stress: " + failed.size() + " of " + seeds + " seeds failed: " + failed
                    + " (each printed above; replay one with " + ThreadedRun.replay(failed.get(0)) + ")");
        }
        return seeds;
    }

    @Override
    public String detail() {
        return detail;
    }
}
