package dev.weft.testing;

import dev.weft.Dataflow;
import dev.weft.runtime.RunConfig;
import dev.weft.runtime.Runner;

/**
 * Runs a dataflow in-process, for tests: on one worker ({@link #runMain}, Bytewax's
 * {@code run_main}) or several ({@link #run}, its {@code cluster_main}). Items a
 * {@link TestingSink} collected are in its list afterwards.
 */
public final class Testing {

    private Testing() {
    }

    /** Runs {@code flow} on one worker until its inputs end. */
    public static void runMain(Dataflow flow) {
        run(flow, 1);
    }

    /** Runs {@code flow} on {@code workers} worker threads until its inputs end. */
    public static void run(Dataflow flow, int workers) {
        Runner.run(flow, RunConfig.defaults(workers));
    }

    /** Runs {@code flow} under {@code config}. */
    public static void run(Dataflow flow, RunConfig config) {
        Runner.run(flow, config);
    }
}
