package dev.weft.engine.simulation;

import dev.weft.engine.dataflow.Batch;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.Feedback;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.Notificator;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.OutputHandle;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.SourceContext;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.progress.LongAntichain;
import dev.weft.engine.progress.TimeDomain;
import dev.weft.engine.simulation.DataflowSpec.InputSpec;
import dev.weft.engine.simulation.DataflowSpec.Kind;
import dev.weft.engine.simulation.DataflowSpec.OpSpec;
import dev.weft.engine.simulation.DataflowSpec.PactKind;
import dev.weft.engine.simulation.DataflowSpec.ScopeSpec;
import dev.weft.engine.simulation.DataflowSpec.SourceSpec;
import dev.weft.engine.simulation.DataflowSpec.Step;
import dev.weft.engine.worker.ExecutionConfig;
import dev.weft.engine.worker.SimulatedExecution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One run of a {@link DataflowSpec} on a {@link SimulatedExecution}, with operators that keep the
 * {@link Ledger} and check the engine against the {@link Oracle}:
 * <ul>
 *   <li>after every action of the simulation, every input frontier on every worker is at or before
 *       every time the oracle says could still arrive there, and never moves backwards;</li>
 *   <li>when an operator reads a batch, its input frontier is at or before the batch's time;</li>
 *   <li>each notification comes once, for a time asked for, never after a later time, in
 *       time order within one delivery, and only when the oracle agrees nothing at or before it
 *       can still arrive at the operator's inputs;</li>
 *   <li>at the end, nothing is in flight, no capability is held, every notification asked for
 *       came, and every frontier is empty.</li>
 * </ul>
 * Any violation throws an {@link AssertionError} naming what the engine and the oracle saw.
 */
final class SimulatedRun {

    /** Plenty for the graphs of {@link DataflowSpec}; a run that needs more is reported as not finishing. */
    private static final long MAX_ACTIONS = 2_000_000;

    /** What a run produced. */
    record Outcome(List<String> results, List<String> trace, long actions, long checks, long tightChecks) {
    }

    /** How a record reaching a sink is written, by the run and by {@link SequentialModel}. */
    static String result(int sink, Time t, long x) {
        return "op" + sink + " @ " + t + ": " + x;
    }

    private final DataflowSpec spec;
    private final int peers;
    private final Ledger ledger;
    private final List<String> results = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private final List<WorkerView> views = new ArrayList<>();
    private List<List<Time>> oracle;
    private long oracleVersion = -1;
    private long actions;
    private long checks;
    private long tightChecks;

    private SimulatedRun(DataflowSpec spec, int peers) {
        this.spec = spec;
        this.peers = peers;
        this.ledger = new Ledger(spec, peers);
    }

    /** Runs {@code spec} under {@code config}, scheduling from {@code seed}. */
    static Outcome run(DataflowSpec spec, ExecutionConfig config, long seed) {
        SimulatedRun run = new SimulatedRun(spec, config.workers());
        SimulatedExecution sim = new SimulatedExecution(config, seed);
        sim.build(worker -> {
            WorkerView view = new WorkerView(worker.index());
            run.views.add(view);
            worker.dataflow("sim", root -> {
                view.domains.put(0, root.domain());
                run.buildSteps(view, root, new int[] {0});
            });
        });
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

    // ---------------------------------------------------------------- building

    /** One worker's handles, by spec ids. */
    private static final class WorkerView {
        final int index;
        final Map<Integer, TimeDomain> domains = new HashMap<>();
        final Map<Integer, Stream<Long>> streams = new HashMap<>();
        final Map<Integer, Feedback<Long>> feedbacks = new HashMap<>();
        final Map<Integer, InputHandle<Long>> inputs = new HashMap<>();
        final Map<Integer, List<Time>> lastFrontiers = new HashMap<>();
        final List<OpRuntime> ops = new ArrayList<>();
        /** The scopes (spec ids) this worker has scheduled at least once: some operator of theirs has run. */
        final Set<Integer> startedScopes = new HashSet<>();

        WorkerView(int index) {
            this.index = index;
        }
    }

    private void buildSteps(WorkerView view, Scope scope, int[] cursor) {
        List<Step> steps = spec.steps();
        while (cursor[0] < steps.size()) {
            Step step = steps.get(cursor[0]++);
            if (step instanceof DataflowSpec.AddSource add) {
                buildSource(view, scope, spec.sources.get(add.source()));
            } else if (step instanceof DataflowSpec.AddOp add) {
                view.ops.add(new OpRuntime(view, scope, spec.ops.get(add.op())));
            } else if (step instanceof DataflowSpec.BeginLoop begin) {
                ScopeSpec loop = spec.scopes.get(begin.scope());
                scope.iterate("loop" + loop.id(), loop.iterationBits(), inner -> {
                    view.domains.put(loop.id(), inner.domain());
                    buildSteps(view, inner, cursor);
                    return null;
                });
            } else if (step instanceof DataflowSpec.EndLoop) {
                return;
            } else if (step instanceof DataflowSpec.AddFeedback add) {
                Feedback<Long> feedback = scope.feedback("feedback" + add.feedback());
                view.feedbacks.put(add.feedback(), feedback);
                view.streams.put(spec.feedbacks.get(add.feedback()).stream(), feedback.stream());
            } else if (step instanceof DataflowSpec.Enter enter) {
                view.streams.put(enter.to(), view.streams.get(enter.from()).enter(scope));
            } else if (step instanceof DataflowSpec.Leave leave) {
                view.streams.put(leave.to(), view.streams.get(leave.from()).leave());
            } else if (step instanceof DataflowSpec.Connect connect) {
                view.feedbacks.get(connect.feedback()).connect(view.streams.get(connect.stream()));
            }
        }
    }

    private static Pact<Long> pact(PactKind kind, Kind op) {
        return switch (kind) {
            case PIPELINE -> Pact.pipeline();
            case EXCHANGE -> op == Kind.AGGREGATE ? Pact.exchange(Semantics::key) : Pact.exchange(x -> x);
            case BROADCAST -> Pact.broadcast();
        };
    }

    private void buildSource(WorkerView view, Scope root, SourceSpec source) {
        Map<Long, List<Long>> mine = new TreeMap<>();
        for (long epoch : source.epochs()) {
            mine.put(epoch, new ArrayList<>());
        }
        for (int i = 0; i < source.records().size(); i++) {
            if (i % peers == view.index) {
                long[] record = source.records().get(i);
                mine.get(record[0]).add(record[1]);
            }
        }
        Random random = new Random(Semantics.mix(spec.seed, source.id(), view.index, 11));
        int stream = source.stream();
        long[] epochs = source.epochs();
        int[] position = {0, 0}; // epoch index, record index within the epoch
        String name = "w" + view.index + " src" + source.id();
        ledger.capability(stream, Time.of(0), +1);
        Stream<Long> out = Operators.source(root, "src" + source.id(), (SourceContext<Long> context) -> {
            view.startedScopes.add(0);
            checkEveryFrontier("before an activation of " + name);
            Capability cap = context.capability();
            if (random.nextInt(5) == 0) {
                context.activate(); // an activation that does nothing
                return;
            }
            long epoch = epochs[position[0]];
            if (cap.time() < epoch) {
                downgrade(stream, cap, epoch);
            }
            List<Long> records = mine.get(epoch);
            int emitted = 0;
            while (position[1] < records.size() && emitted < source.chunk()) {
                if (!context.mayEmit()) {
                    trace.add(name + " held back after " + emitted + " at " + epoch);
                    return; // woken when the backlog halves
                }
                ledger.sent(stream, Time.of(epoch), 1);
                context.output().give(cap, records.get(position[1]++));
                emitted++;
            }
            trace.add(name + " emitted " + emitted + " at " + epoch);
            if (position[1] == records.size()) {
                position[0]++;
                position[1] = 0;
                if (position[0] == epochs.length) {
                    ledger.capability(stream, Time.of(cap.time()), -1);
                    cap.drop();
                    trace.add(name + " closed");
                    return;
                }
                if (random.nextBoolean()) {
                    downgrade(stream, cap, epochs[position[0]]);
                }
            }
            context.activate();
        });
        view.streams.put(stream, out);
    }

    private void downgrade(int stream, Capability cap, long epoch) {
        ledger.capability(stream, Time.of(epoch), +1);
        ledger.capability(stream, Time.of(cap.time()), -1);
        cap.downgrade(epoch);
    }

    // ---------------------------------------------------------------- the operators

    /** One operator of the spec on one worker: does what {@link Semantics} says, and checks as it goes. */
    private final class OpRuntime {
        private final WorkerView view;
        private final OpSpec op;
        private final ScopeSpec scope;
        private final TimeDomain domain;
        private final String name;
        private final List<InputHandle<Long>> ins = new ArrayList<>();
        private final List<OutputHandle<Long>> outs = new ArrayList<>();
        private final Notificator notificator;
        private final Random random;
        /** DELAY: what to send at each notified time. */
        private final TreeMap<Time, List<Long>> delayed = new TreeMap<>();
        /** AGGREGATE: per time, per key, (sum, count). */
        private final TreeMap<Time, TreeMap<Long, long[]>> sums = new TreeMap<>();
        /** Extra notifications: how many more to chain from each pending time. */
        private final Map<Time, Integer> chains = new HashMap<>();
        private final Set<Time> pending = new HashSet<>();
        private final Set<Time> requested = new HashSet<>();
        private final List<Time> notified = new ArrayList<>();
        private Time lastInDelivery;

        OpRuntime(WorkerView view, Scope engineScope, OpSpec op) {
            this.view = view;
            this.op = op;
            this.scope = spec.scopes.get(op.scope());
            this.domain = engineScope.domain();
            this.name = "w" + view.index + " op" + op.id();
            this.notificator = new Notificator(domain);
            this.random = new Random(Semantics.mix(spec.seed, op.id(), view.index, 13));
            OperatorBuilder builder = engineScope.operator("op" + op.id() + "-" + op.kind());
            for (int input : op.inputs()) {
                InputSpec in = spec.inputs.get(input);
                InputHandle<Long> handle = builder.input(view.streams.get(in.stream()), pact(in.pact(), op.kind()));
                ins.add(handle);
                view.inputs.put(input, handle);
            }
            for (int o = 0; o < op.outputs().size(); o++) {
                OutputHandle<Long> output = builder.output();
                outs.add(output);
                view.streams.put(op.outputs().get(o), output.stream());
            }
            builder.build(capabilities -> {
                capabilities.forEach(Capability::drop); // everything is sent at input times or on notification
                return this::run;
            });
        }

        private void run() {
            view.startedScopes.add(op.scope());
            checkEveryFrontier("before an activation of " + name);
            lastInDelivery = null;
            notificator.forEachReady(ins, this::notified);
            for (int port = 0; port < ins.size(); port++) {
                Batch<Long> batch;
                while ((batch = ins.get(port).next()) != null) {
                    read(port, batch);
                }
            }
        }

        private void read(int port, Batch<Long> batch) {
            int input = op.inputs().get(port);
            Time t = Time.decode(batch.time(), domain);
            ledger.consumed(input, t, batch.size());
            LongAntichain frontier = ins.get(port).frontier();
            if (!frontier.lessEqual(batch.time())) {
                throw new AssertionError(name + ": input " + ledger.describeInput(input) + " read a batch at " + t
                        + " but its frontier " + frontier + " had already passed it");
            }
            trace.add(name + "#" + port + " read " + batch.size() + " at " + t);
            boolean broadcast = spec.inputs.get(input).pact() == PactKind.BROADCAST && peers > 1;
            for (int i = 0; i < batch.size(); i++) {
                long x = batch.get(i);
                if (!broadcast || Semantics.owner(x, peers) == view.index) {
                    process(port, t, x);
                }
            }
            if (op.extraNotifications() && random.nextInt(3) == 0) {
                Time at = later(t, false);
                chains.merge(at, random.nextInt(3), Math::max);
                request(port, at);
            }
        }

        private void process(int port, Time t, long x) {
            switch (op.kind()) {
                case MAP -> {
                    for (int j = 0; j < Semantics.fanout(op.id(), x); j++) {
                        send(0, t, Semantics.transform(op.id(), x, j), null);
                    }
                }
                case DELAY -> {
                    Time at = Semantics.delay(op.id(), x, t, scope);
                    delayed.computeIfAbsent(at, k -> new ArrayList<>()).add(Semantics.transform(op.id(), x, 0));
                    request(port, at);
                }
                case AGGREGATE -> {
                    long[] sumCount = sums.computeIfAbsent(t, k -> new TreeMap<>())
                            .computeIfAbsent(Semantics.key(x), k -> new long[2]);
                    sumCount[0] += x;
                    sumCount[1]++;
                    request(port, t);
                }
                case SWITCH -> {
                    if (t.innermost() < Semantics.bound(op.id(), x)) {
                        send(0, t, Semantics.transform(op.id(), x, 0), null);
                    } else if (Semantics.leaves(op.id(), x)) {
                        send(1, t, x, null);
                    }
                }
                case SINK -> results.add(result(op.id(), t, x));
            }
        }

        /** {@code t}, or a random later time (strictly later if {@code strictly}) that the domain can hold. */
        private Time later(Time t, boolean strictly) {
            boolean iteration = scope.depth() > 1 && random.nextBoolean();
            if (iteration) {
                long room = scope.maxIteration() - t.innermost();
                long add = Math.min(room, (strictly ? 1 : 0) + random.nextInt(2));
                if (add > 0 || !strictly) {
                    return t.plus(t.depth() - 1, add);
                }
            }
            return t.plus(0, (strictly ? 1 : 0) + random.nextInt(2));
        }

        /** Asks for a notification at {@code at}, keeping a capability retained from input {@code port}. */
        private void request(int port, Time at) {
            if (notified.contains(at)) {
                throw new AssertionError(name + ": asked for a notification at " + at + " after being notified at it:"
                        + " a record arrived at or before a time whose notification had been delivered");
            }
            Capability cap = ins.get(port).retain(at.encode(domain), outs.get(0));
            keep(cap, at);
        }

        private void keep(Capability cap, Time at) {
            int stream = op.outputs().get(0);
            ledger.capability(stream, at, +1);
            boolean duplicate = pending.contains(at);
            if (duplicate && random.nextInt(3) != 0) {
                ledger.capability(stream, at, -1);
                cap.drop();
                return;
            }
            notificator.notifyAt(cap); // a duplicate now and then, which the notificator must merge
            if (duplicate == cap.isValid()) {
                throw new AssertionError(name + ": the notificator " + (duplicate ? "kept" : "dropped")
                        + " a capability for " + at + (duplicate ? " already requested" : " requested once"));
            }
            if (duplicate) {
                ledger.capability(stream, at, -1);
            } else {
                pending.add(at);
                requested.add(at);
            }
        }

        private void notified(Capability cap) {
            Time t = Time.decode(cap.time(), domain);
            if (!pending.remove(t)) {
                throw new AssertionError(name + ": notified at " + t + ", which was "
                        + (requested.contains(t) ? "already notified" : "never requested"));
            }
            for (Time earlier : notified) {
                if (t.lessEqual(earlier)) {
                    throw new AssertionError(name + ": notified at " + t + " after " + earlier);
                }
            }
            if (lastInDelivery != null && t.compareTo(lastInDelivery) < 0) {
                throw new AssertionError(name + ": notified at " + t + " after " + lastInDelivery + " in one delivery");
            }
            lastInDelivery = t;
            List<List<Time>> could = oracle();
            for (int input : op.inputs()) {
                if (Oracle.anyAtOrBefore(could.get(input), t)) {
                    throw new AssertionError(name + ": notified at " + t + " but input " + ledger.describeInput(input)
                            + " could still receive " + could.get(input) + "; outstanding:\n" + ledger.describe());
                }
            }
            notified.add(t);
            trace.add(name + " notified at " + t);
            List<Long> toSend = delayed.remove(t);
            if (toSend != null) {
                for (long x : toSend) {
                    send(0, t, x, cap);
                }
            }
            TreeMap<Long, long[]> byKey = sums.remove(t);
            if (byKey != null) {
                byKey.forEach((key, sc) -> send(0, t, Semantics.aggregate(op.id(), key, sc[0], sc[1]), cap));
            }
            Integer chain = chains.remove(t);
            if (chain != null && chain > 0) {
                Time next = later(t, true);
                chains.merge(next, chain - 1, Math::max);
                keep(cap.delayed(next.encode(domain)), next);
            }
            ledger.capability(op.outputs().get(0), t, -1);
            cap.drop();
        }

        private void send(int port, Time t, long x, Capability cap) {
            ledger.sent(op.outputs().get(port), t, 1);
            if (cap != null) {
                outs.get(port).give(cap, x);
            } else {
                outs.get(port).giveAt(t.encode(domain), x);
            }
        }

        void checkAtEnd() {
            if (!pending.isEmpty() || !delayed.isEmpty() || !sums.isEmpty()) {
                throw new AssertionError(name + ": finished with notifications pending at " + pending);
            }
            if (!requested.equals(new HashSet<>(notified)) || notified.size() != requested.size()) {
                throw new AssertionError(name + ": requested " + requested + " but notified " + notified);
            }
        }
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
     */
    private void checkEveryFrontier(String when) {
        List<List<Time>> could = oracle();
        for (WorkerView view : views) {
            for (Map.Entry<Integer, InputHandle<Long>> e : view.inputs.entrySet()) {
                int input = e.getKey();
                int scope = spec.ops.get(spec.inputs.get(input).op()).scope();
                if (!view.startedScopes.contains(scope)) {
                    // Known engine bug, see ProgressTrackingSimulationTest#shouldShowTheMinimumFrontierBeforeTheFirstStep:
                    // until a worker first schedules a scope, every input frontier in it reads as empty.
                    continue;
                }
                TimeDomain domain = view.domains.get(scope);
                LongAntichain engine = e.getValue().frontier();
                List<Time> frontier = new ArrayList<>(engine.size());
                for (int i = 0; i < engine.size(); i++) {
                    frontier.add(Time.decode(engine.get(i), domain));
                }
                checks++;
                for (Time t : could.get(input)) {
                    if (!Oracle.anyAtOrBefore(frontier, t)) {
                        throw new AssertionError(when + ", worker " + view.index + ": the frontier "
                                + frontier + " of input " + ledger.describeInput(input) + " has passed " + t
                                + ", which can still arrive there (oracle: " + could.get(input) + "); outstanding:\n"
                                + ledger.describe());
                    }
                    if (frontier.contains(t)) {
                        tightChecks++;
                    }
                }
                List<Time> last = view.lastFrontiers.put(input, frontier);
                if (last != null && !last.equals(frontier)) {
                    for (Time t : frontier) {
                        if (!Oracle.anyAtOrBefore(last, t)) {
                            throw new AssertionError(when + ", worker " + view.index
                                    + ": the frontier of input " + ledger.describeInput(input) + " moved back from "
                                    + last + " to " + frontier);
                        }
                    }
                }
            }
        }
    }

    private void checkAtEnd() {
        if (!ledger.isEmpty()) {
            throw new AssertionError("finished with pointstamps outstanding:\n" + ledger.describe());
        }
        for (WorkerView view : views) {
            for (OpRuntime op : view.ops) {
                op.checkAtEnd();
            }
            view.inputs.forEach((input, handle) -> {
                if (!handle.frontier().isEmpty()) {
                    throw new AssertionError("finished, but worker " + view.index + " still has frontier "
                            + handle.frontier() + " at input " + ledger.describeInput(input));
                }
            });
        }
    }
}
