package dev.weft;

import dev.weft.runtime.RunConfig;
import dev.weft.testing.Testing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One way of running a test dataflow: on 1 or 3 workers, with exchanges in memory or through the
 * codecs (as between processes), and, for stateful steps, with every key's logic rebuilt from its
 * encoded snapshot after every callback. Every poll of an input is its own epoch, so that state is
 * restored between batches.
 *
 * <p>An operator test runs in every mode and asserts the same output: what a dataflow computes
 * depends neither on the number of workers, nor on serialization, nor on recovery.
 *
 * @param workers worker threads
 * @param serializing whether exchanged items go through the codecs
 * @param restoring whether stateful logic is rebuilt from its snapshot after every callback
 */
record RunMode(int workers, boolean serializing, boolean restoring) {

    /** Workers {1, 3} x serializing {off, on}: for stateless operators. */
    static List<RunMode> plain() {
        List<RunMode> modes = new ArrayList<>();
        for (int workers : new int[] {1, 3}) {
            for (boolean serializing : new boolean[] {false, true}) {
                modes.add(new RunMode(workers, serializing, false));
            }
        }
        return modes;
    }

    /** Every plain mode, without and with state restored after every callback: for stateful operators. */
    static List<RunMode> withRestores() {
        List<RunMode> modes = new ArrayList<>();
        for (RunMode mode : plain()) {
            modes.add(mode);
            modes.add(new RunMode(mode.workers, mode.serializing, true));
        }
        return modes;
    }

    /** The run configuration of this mode. */
    RunConfig config() {
        return RunConfig.defaults(workers)
                .withEpochInterval(Duration.ZERO)
                .withSerializing(serializing)
                .withRestoreStateEveryBatch(restoring);
    }

    private static <R extends Record> void register(Dataflow flow, Class<R> record) {
        flow.registerRecord(record);
    }

    /**
     * Runs {@code flow} in this mode until its inputs end; {@code records} are the test's own
     * record types that cross an exchange or live in state.
     */
    @SafeVarargs
    final void run(Dataflow flow, Class<? extends Record>... records) {
        for (Class<? extends Record> record : records) {
            register(flow, record);
        }
        Testing.run(flow, config());
    }

    @Override
    public String toString() {
        return workers + (workers == 1 ? " worker" : " workers") + (serializing ? ", serializing" : "")
                + (restoring ? ", restoring state" : "");
    }
}
