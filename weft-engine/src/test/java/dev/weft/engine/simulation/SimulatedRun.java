package dev.weft.engine.simulation;

import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.progress.LongAntichain;
import dev.weft.engine.progress.TimeDomain;
import dev.weft.engine.simulation.DataflowSpec.OpSpec;
import dev.weft.engine.worker.ExecutionConfig;
import dev.weft.engine.worker.SimulatedExecution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a {@link DataflowSpec} on a {@link SimulatedExecution}, whose operators
 * ({@link SpecOperator}) keep the {@link Ledger} and are checked against the {@link Oracle}:
 * <ul>
 *   <li>after every action of the simulation and at the start of every activation, every input
 *       frontier on every worker is at or before every time the oracle says could still arrive
 *       there, and never moves backwards;</li>
 *   <li>when an operator reads a batch, its input frontier is at or before the batch's time, and
 *       it was never notified at or after that time;</li>
 *   <li>each notification comes once, for a time asked for, never after a later time, in
 *       time order within one delivery, and only when the oracle agrees nothing at or before it
 *       can still arrive at the operator's inputs;</li>
 *   <li>at the end, nothing is in flight, no capability is held, every notification asked for
 *       came, and every frontier is empty.</li>
 * </ul>
 * Any violation throws an {@link AssertionError} naming what the engine and the oracle saw.
 */
final class SimulatedRun implements RunHooks {

    /** Plenty for the graphs of {@link DataflowSpec}; a run that needs more is reported as not finishing. */
    private static final long MAX_ACTIONS = 2_000_000;

    /** What a run produced. */
    record Outcome(List<String> results, List<String> trace, long actions, long checks, long tightChecks) {
    }

    /** How a record reaching a sink is written, by the runs and by {@link SequentialModel}. */
    static String result(int sink, Time t, long x) {
        return "op" + sink + " @ " + t + ": " + x;
    }

    private final DataflowSpec spec;
    private final Ledger ledger;
    private final List<String> results = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private final List<SpecDataflow> graphs = new ArrayList<>();
    /** Per worker, per input id: the frontier seen at the last check. */
    private final Map<Integer, Map<Integer, List<Time>>> lastFrontiers = new HashMap<>();
    private List<List<Time>> oracle;
    private long oracleVersion = -1;
    private long actions;
    private long checks;
    private long tightChecks;

    private SimulatedRun(DataflowSpec spec, int peers) {
        this.spec = spec;
        this.ledger = new Ledger(spec, peers);
    }

    /** Runs {@code spec} under {@code config}, scheduling from {@code seed}. */
    static Outcome run(DataflowSpec spec, ExecutionConfig config, long seed) {
        SimulatedRun run = new SimulatedRun(spec, config.workers());
        SimulatedExecution sim = new SimulatedExecution(config, seed);
        sim.build(worker -> worker.dataflow("sim", root -> {
            run.graphs.add(SpecDataflow.build(spec, root, worker.index(), worker.peers(), run,
                    SpecDataflow::selfDrivenSource));
        }));
        long actions;
        try {
            actions = sim.runToCompletion(MAX_ACTIONS, run::checkAfterAction);
            run.checkAtEnd();
        } catch (RuntimeException | AssertionError e) {
            List<String> tail = run.trace.subList(Math.max(0, run.trace.size() - 30), run.trace.size());
            throw new AssertionError("seed " + spec.seed + ", " + config.workers() + " worker(s), " + spec.shape()
                    + ": " + e.getMessage() + "\nledger:\n" + run.ledger.describe() + "\nlast of the trace:\n  "
                    + String.join("\n  ", tail), e);
        }
        return new Outcome(List.copyOf(run.results), List.copyOf(run.trace), actions, run.checks, run.tightChecks);
    }

    // ---------------------------------------------------------------- hooks: the ledger and the oracle

    @Override
    public void activating(String who) {
        checkEveryFrontier("before an activation of " + who);
    }

    @Override
    public void sent(int stream, Time t, long count) {
        ledger.sent(stream, t, count);
    }

    @Override
    public void consumed(int input, Time t, long count) {
        ledger.consumed(input, t, count);
    }

    @Override
    public void capability(int stream, Time t, long diff) {
        ledger.capability(stream, t, diff);
    }

    @Override
    public void notifying(String who, OpSpec op, Time t) {
        List<List<Time>> could = oracle();
        for (int input : op.inputs()) {
            if (Oracle.anyAtOrBefore(could.get(input), t)) {
                throw new AssertionError(who + ": notified at " + t + " but input " + ledger.describeInput(input)
                        + " could still receive " + could.get(input) + "; outstanding:\n" + ledger.describe());
            }
        }
    }

    @Override
    public void trace(String line) {
        trace.add(line);
    }

    @Override
    public void result(String record) {
        results.add(record);
    }

    // ---------------------------------------------------------------- checks

    private List<List<Time>> oracle() {
        if (ledger.version() != oracleVersion) {
            oracle = Oracle.compute(spec, ledger);
            oracleVersion = ledger.version();
        }
        return oracle;
    }

    private void checkAfterAction() {
        actions++;
        checkEveryFrontier("after action " + actions);
    }

    /**
     * Checks every input frontier on every worker against the oracle. Valid between two actions and
     * also at the start of any operator's activation: no operator is then half-way through one, so
     * the ledger is exact, and a tracker that has not yet seen some progress is only more cautious.
     * Also valid before a worker first runs a scope: its frontiers are then already those of the
     * initial capabilities (see {@link ProgressTrackingRegressionTest#shouldShowTheMinimumFrontierBeforeTheFirstStep}).
     */
    private void checkEveryFrontier(String when) {
        List<List<Time>> could = oracle();
        for (SpecDataflow graph : graphs) {
            Map<Integer, List<Time>> last = lastFrontiers.computeIfAbsent(graph.worker, w -> new HashMap<>());
            for (Map.Entry<Integer, InputHandle<Long>> e : graph.inputs().entrySet()) {
                int input = e.getKey();
                TimeDomain domain = graph.domain(spec.ops.get(spec.inputs.get(input).op()).scope());
                List<Time> frontier = decode(e.getValue().frontier(), domain);
                checks++;
                for (Time t : could.get(input)) {
                    if (!Oracle.anyAtOrBefore(frontier, t)) {
                        throw new AssertionError(when + ", worker " + graph.worker + ": the frontier "
                                + frontier + " of input " + ledger.describeInput(input) + " has passed " + t
                                + ", which can still arrive there (oracle: " + could.get(input) + "); outstanding:\n"
                                + ledger.describe());
                    }
                    if (frontier.contains(t)) {
                        tightChecks++;
                    }
                }
                List<Time> before = last.put(input, frontier);
                if (before != null && !before.equals(frontier)) {
                    for (Time t : frontier) {
                        if (!Oracle.anyAtOrBefore(before, t)) {
                            throw new AssertionError(when + ", worker " + graph.worker
                                    + ": the frontier of input " + ledger.describeInput(input) + " moved back from "
                                    + before + " to " + frontier);
                        }
                    }
                }
            }
        }
    }

    private static List<Time> decode(LongAntichain antichain, TimeDomain domain) {
        List<Time> times = new ArrayList<>(antichain.size());
        for (int i = 0; i < antichain.size(); i++) {
            times.add(Time.decode(antichain.get(i), domain));
        }
        return times;
    }

    private void checkAtEnd() {
        if (!ledger.isEmpty()) {
            throw new AssertionError("finished with pointstamps outstanding:\n" + ledger.describe());
        }
        for (SpecDataflow graph : graphs) {
            graph.checkAtEnd();
            graph.inputs().forEach((input, handle) -> {
                if (!handle.frontier().isEmpty()) {
                    throw new AssertionError("finished, but worker " + graph.worker + " still has frontier "
                            + handle.frontier() + " at input " + ledger.describeInput(input));
                }
            });
        }
    }
}
