package dev.weft.engine.simulation;

import dev.weft.engine.dataflow.Batch;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.Notificator;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.OutputHandle;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.progress.LongAntichain;
import dev.weft.engine.progress.TimeDomain;
import dev.weft.engine.simulation.DataflowSpec.InputSpec;
import dev.weft.engine.simulation.DataflowSpec.Kind;
import dev.weft.engine.simulation.DataflowSpec.OpSpec;
import dev.weft.engine.simulation.DataflowSpec.PactKind;
import dev.weft.engine.simulation.DataflowSpec.ScopeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One operator of a {@link DataflowSpec} on one worker: does what {@link Semantics} says, reports
 * what it does to the run's {@link RunHooks}, and checks the engine as it goes, throwing an
 * {@link AssertionError} on the first violation:
 * <ul>
 *   <li>every batch it reads is at or after its input's frontier;</li>
 *   <li>no batch arrives at or before a time it was already notified at;</li>
 *   <li>each notification comes once, for a time asked for, never after a later or equal time,
 *       in time order within one delivery (and, through {@link RunHooks#notifying}, only when
 *       the run agrees nothing at or before it can still arrive);</li>
 *   <li>at the end ({@link #checkAtEnd()}), every notification asked for came.</li>
 * </ul>
 * It holds no capability of its own: it sends at the times of the batches it reads, and at
 * notified times under capabilities retained from them.
 */
final class SpecOperator {

    private final DataflowSpec spec;
    private final int peers;
    private final int worker;
    private final OpSpec op;
    private final ScopeSpec scope;
    private final TimeDomain domain;
    private final RunHooks hooks;
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

    /**
     * Builds {@code op} in {@code engineScope}, reading the streams of {@code streams} (by spec
     * stream id) and adding its own outputs there; its input handles go to {@code inputs} (by
     * spec input id).
     */
    SpecOperator(DataflowSpec spec, int worker, int peers, Scope engineScope, OpSpec op,
            Map<Integer, dev.weft.engine.dataflow.Stream<Long>> streams, Map<Integer, InputHandle<Long>> inputs,
            RunHooks hooks) {
        this.spec = spec;
        this.peers = peers;
        this.worker = worker;
        this.op = op;
        this.scope = spec.scopes.get(op.scope());
        this.domain = engineScope.domain();
        this.hooks = hooks;
        this.name = "w" + worker + " op" + op.id();
        this.notificator = new Notificator(domain);
        this.random = new Random(Semantics.mix(spec.seed, op.id(), worker, 13));
        OperatorBuilder builder = engineScope.operator("op" + op.id() + "-" + op.kind());
        for (int input : op.inputs()) {
            InputSpec in = spec.inputs.get(input);
            InputHandle<Long> handle = builder.input(streams.get(in.stream()), pact(in.pact(), op.kind()));
            ins.add(handle);
            inputs.put(input, handle);
        }
        for (int o = 0; o < op.outputs().size(); o++) {
            OutputHandle<Long> output = builder.output();
            outs.add(output);
            streams.put(op.outputs().get(o), output.stream());
        }
        builder.build(capabilities -> {
            capabilities.forEach(Capability::drop); // everything is sent at input times or on notification
            return this::run;
        });
    }

    private static Pact<Long> pact(PactKind kind, Kind op) {
        return switch (kind) {
            case PIPELINE -> Pact.pipeline();
            case EXCHANGE -> op == Kind.AGGREGATE ? Pact.exchange(Semantics::key) : Pact.exchange(x -> x);
            case BROADCAST -> Pact.broadcast();
        };
    }

    private void run() {
        hooks.activating(name);
        lastInDelivery = null;
        notificator.forEachReady(ins, this::notified);
        for (int port = 0; port < ins.size(); port++) {
            while (true) {
                hooks.between();
                Batch<Long> batch = ins.get(port).next();
                if (batch == null) {
                    break;
                }
                read(port, batch);
            }
        }
    }

    private void read(int port, Batch<Long> batch) {
        int input = op.inputs().get(port);
        Time t = Time.decode(batch.time(), domain);
        hooks.consumed(input, t, batch.size());
        LongAntichain frontier = ins.get(port).frontier();
        if (!frontier.lessEqual(batch.time())) {
            throw new AssertionError(name + ": input " + spec.describeInput(input) + " read a batch at " + t
                    + " but its frontier " + frontier + " had already passed it");
        }
        for (Time done : notified) {
            if (t.lessEqual(done)) {
                throw new AssertionError(name + ": input " + spec.describeInput(input) + " read a batch at " + t
                        + " after the operator was notified at " + done);
            }
        }
        hooks.trace(name + "#" + port + " read " + batch.size() + " at " + t);
        boolean broadcast = spec.inputs.get(input).pact() == PactKind.BROADCAST && peers > 1;
        for (int i = 0; i < batch.size(); i++) {
            long x = batch.get(i);
            if (!broadcast || Semantics.owner(x, peers) == worker) {
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
            case SINK -> hooks.result(SimulatedRun.result(op.id(), t, x));
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
        hooks.capability(op.outputs().get(0), at, +1);
        keep(ins.get(port).retain(at.encode(domain), outs.get(0)), at);
    }

    /** Hands {@code cap} (already counted by the hooks) to the notificator, or drops it now and then if a duplicate. */
    private void keep(Capability cap, Time at) {
        int stream = op.outputs().get(0);
        boolean duplicate = pending.contains(at);
        if (duplicate && random.nextInt(3) != 0) {
            hooks.capability(stream, at, -1);
            cap.drop();
            return;
        }
        notificator.notifyAt(cap); // a duplicate now and then, which the notificator must merge
        if (duplicate == cap.isValid()) {
            throw new AssertionError(name + ": the notificator " + (duplicate ? "kept" : "dropped")
                    + " a capability for " + at + (duplicate ? " already requested" : " requested once"));
        }
        if (duplicate) {
            hooks.capability(stream, at, -1);
        } else {
            pending.add(at);
            requested.add(at);
        }
    }

    private void notified(Capability cap) {
        hooks.between();
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
        hooks.notifying(name, op, t);
        notified.add(t);
        hooks.trace(name + " notified at " + t);
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
            hooks.capability(op.outputs().get(0), next, +1);
            keep(cap.delayed(next.encode(domain)), next);
        }
        hooks.capability(op.outputs().get(0), t, -1);
        cap.drop();
    }

    private void send(int port, Time t, long x, Capability cap) {
        hooks.sent(op.outputs().get(port), t, 1);
        if (cap != null) {
            outs.get(port).give(cap, x);
        } else {
            outs.get(port).giveAt(t.encode(domain), x);
        }
        hooks.between();
    }

    /** Throws if a notification asked for never came. */
    void checkAtEnd() {
        if (!pending.isEmpty() || !delayed.isEmpty() || !sums.isEmpty()) {
            throw new AssertionError(name + ": finished with notifications pending at " + pending);
        }
        if (!requested.equals(new HashSet<>(notified)) || notified.size() != requested.size()) {
            throw new AssertionError(name + ": requested " + requested + " but notified " + notified);
        }
    }
}
