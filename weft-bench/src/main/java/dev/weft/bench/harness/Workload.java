package dev.weft.bench.harness;

/**
 * One benchmark variant's unit of work, which {@link Measurement} runs again and again.
 *
 * <h2>How the methods are called</h2>
 * All on one thread, in this order: {@link #setup()} once (untimed: build inputs, start threads,
 * prepare the JIT), then {@link #run()} many times (warm-up runs, then timed runs), then
 * {@link #detail()} once, then {@link #close()} once, even if a call before it threw.
 *
 * <h2>Honesty</h2>
 * Every run must do the whole work again and must check or keep its result (for example compare a
 * sum with the expected one and throw if it differs), so that the JIT cannot drop work whose result
 * nobody reads. A workload may start its own threads in {@code setup()}, but {@code run()} returns
 * only when all of the run's work is done: its wall time is what is measured.
 */
public interface Workload extends AutoCloseable {

    /**
     * Prepares the workload; not timed.
     *
     * @throws Exception if it cannot be prepared; the benchmark fails
     */
    default void setup() throws Exception {
    }

    /**
     * Does the work once and returns how many units (records, epochs, edges...) it processed: the
     * numerator of the reported rate.
     *
     * @return the units processed, positive
     * @throws Exception if the work failed or its result was wrong; the benchmark fails
     */
    long run() throws Exception;

    /**
     * A short note for the report about the last run's result (e.g. {@code "components=17"}), or
     * the empty string.
     *
     * @return the note, never null
     */
    default String detail() {
        return "";
    }

    /**
     * The processing time of the last {@link #run()} call, for a workload that times itself, or
     * {@code -1} (the default) to be timed by the wall clock around {@code run()}.
     *
     * <p>A workload that starts an engine per run (a mini cluster, worker threads) may exclude that
     * start-up: it then returns, say, the time from its first source read to its sink's end. The
     * harness sums these times instead of wall time, both for the rate and for the least run
     * length, and logs the wall time beside them, so the start-up it left out stays visible.
     *
     * @return nanoseconds, at least 0, or -1
     */
    default long lastRunNanos() {
        return -1;
    }

    /** Stops threads and releases what {@link #setup()} took; throws nothing checked. */
    @Override
    default void close() {
    }
}
