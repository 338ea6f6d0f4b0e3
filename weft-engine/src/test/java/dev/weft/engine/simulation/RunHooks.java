package dev.weft.engine.simulation;

/**
 * What one kind of run adds to the checks that {@link SpecOperator}s and the sources of a
 * {@link SpecDataflow} make on their own: the simulation keeps its {@link Ledger} and asks its
 * {@link Oracle} (see {@link SimulatedRun}); the threaded run perturbs the schedule and collects
 * results per worker (see {@link ThreadedRun}).
 *
 * <p>Every method is called on the thread of the worker whose operator calls it, at the moment
 * the operator acts: bookkeeping first, then the engine call it describes (so a ledger is never
 * behind the engine on what could still arrive).
 */
interface RunHooks {

    /** At the start of every activation of {@code who} (an operator or a source), before it reads anything. */
    default void activating(String who) {
    }

    /** Between two steps of an activation: before reading a batch, before a notification, after a send. */
    default void between() {
    }

    /** {@code count} records about to be sent at {@code t} on {@code stream}. */
    default void sent(int stream, Time t, long count) {
    }

    /** A batch of {@code count} records at {@code t} just read by {@code input}. */
    default void consumed(int input, Time t, long count) {
    }

    /** A capability for {@code stream} at {@code t} acquired ({@code +1}) or about to be given up ({@code -1}). */
    default void capability(int stream, Time t, long diff) {
    }

    /**
     * {@code who}, operator {@code op} of the spec, is being notified at {@code t}: throws if a
     * record at or before {@code t} could still arrive at one of its inputs.
     */
    default void notifying(String who, DataflowSpec.OpSpec op, Time t) {
    }

    /** A line for the run's trace, shown when it fails. */
    default void trace(String line) {
    }

    /** A record that reached a sink, written as {@link SimulatedRun#result}. */
    void result(String record);
}
