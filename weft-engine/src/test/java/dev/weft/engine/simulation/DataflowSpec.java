package dev.weft.engine.simulation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random dataflow graph, drawn from a seed, independent of any worker count: scopes (the root
 * and loop scopes, possibly nested), sources, operators of a few {@link Kind kinds}, feedback edges,
 * and the streams between them, with every consumer of every stream. It is built on the engine by
 * {@link SimulatedRun} (the same {@link #steps()} on every worker), evaluated by
 * {@link SequentialModel}, and walked by {@link Oracle}.
 *
 * <p>Every cycle goes through a loop's feedback edge, fed only by that loop's {@link Kind#SWITCH},
 * which sends a record around again only while its iteration is below a per-record bound: every
 * run terminates.
 */
final class DataflowSpec {

    /** How records travel to an input. */
    enum PactKind { PIPELINE, EXCHANGE, BROADCAST }

    /** What an operator does; see {@link Semantics}. */
    enum Kind {
        /** Per record: zero, one or two transformed records at the same time. */
        MAP,
        /** Per record: one transformed record at a later (or the same) time, sent on notification. */
        DELAY,
        /** Per (time, key): the sum and count of the records, sent on notification at that time. */
        AGGREGATE,
        /** In a loop: around again (output 0, to the feedback) or out (output 1, left) or dropped. */
        SWITCH,
        /** Collects what arrives as the run's results. */
        SINK
    }

    /** A scope: the root ({@code parent == -1}) or a loop. */
    record ScopeSpec(int id, int parent, int depth, int iterationBits) {
        long maxIteration() {
            return (1L << iterationBits) - 1;
        }
    }

    /** Where records of a stream go. */
    sealed interface Consumer permits OpInput, FeedbackInput, Entering, Leaving {
    }

    /** An operator input (a global input id). */
    record OpInput(int input) implements Consumer {
    }

    /** The input of feedback edge {@code feedback}: records come out of its stream one iteration later. */
    record FeedbackInput(int feedback) implements Consumer {
    }

    /** Entering a loop: records continue on inner stream {@code stream} at (t, 0). */
    record Entering(int stream) implements Consumer {
    }

    /** Leaving a loop: records continue on outer stream {@code stream} at the outer part of t. */
    record Leaving(int stream) implements Consumer {
    }

    /** A stream of scope {@code scope} and the consumers of its records. */
    record StreamSpec(int id, int scope, List<Consumer> consumers) {
    }

    /** Input {@code port} of operator {@code op}, reading {@code stream} under {@code pact}. */
    record InputSpec(int id, int op, int port, int stream, PactKind pact) {
    }

    /** An operator: its inputs (input ids), its output streams, and whether it asks for extra notifications. */
    record OpSpec(int id, int scope, Kind kind, List<Integer> inputs, List<Integer> outputs,
            boolean extraNotifications) {
    }

    /** A feedback edge of loop {@code scope}, whose records come out on {@code stream}. */
    record FeedbackSpec(int id, int scope, int stream) {
    }

    /** A source of the root scope: {@code records} are (epoch, value) pairs, epochs in {@code epochs}. */
    record SourceSpec(int id, int stream, long[] epochs, List<long[]> records, int chunk) {
    }

    /** One step of building the graph, in an order every worker replays. */
    sealed interface Step permits AddSource, AddOp, BeginLoop, EndLoop, AddFeedback, Enter, Leave, Connect {
    }

    record AddSource(int source) implements Step {
    }

    record AddOp(int op) implements Step {
    }

    record BeginLoop(int scope) implements Step {
    }

    record EndLoop(int scope) implements Step {
    }

    record AddFeedback(int feedback) implements Step {
    }

    /** Stream {@code from} enters its loop as {@code to}. */
    record Enter(int from, int to) implements Step {
    }

    /** Stream {@code from} leaves its loop as {@code to}. */
    record Leave(int from, int to) implements Step {
    }

    /** Feedback {@code feedback} is fed by {@code stream}. */
    record Connect(int feedback, int stream) implements Step {
    }

    /** The most records a graph may deliver to consumers in all (in the sequential model). */
    static final long MAX_WORK = 20_000;

    final long seed;
    /** Which draw of the seed this graph is: 0, or more for a seed whose first graphs were too big. */
    final int draw;
    final List<ScopeSpec> scopes = new ArrayList<>();
    final List<StreamSpec> streams = new ArrayList<>();
    final List<InputSpec> inputs = new ArrayList<>();
    final List<OpSpec> ops = new ArrayList<>();
    final List<FeedbackSpec> feedbacks = new ArrayList<>();
    final List<SourceSpec> sources = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    private DataflowSpec(long seed, int draw) {
        this.seed = seed;
        this.draw = draw;
    }

    List<Step> steps() {
        return steps;
    }

    /** The scope of a stream. */
    ScopeSpec scopeOf(int stream) {
        return scopes.get(streams.get(stream).scope());
    }

    /** Whether scope {@code scope} is {@code ancestor} or nested in it. */
    boolean within(int scope, int ancestor) {
        for (int s = scope; s != -1; s = scopes.get(s).parent()) {
            if (s == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** An input as failure messages name it: operator, port, the operator's kind and the pact. */
    String describeInput(int input) {
        InputSpec in = inputs.get(input);
        return "op" + in.op() + "#" + in.port() + " (" + ops.get(in.op()).kind() + ", " + in.pact() + ")";
    }

    /** Numbers of (operators, loops), for the test's description. */
    String shape() {
        return ops.size() + " operators, " + (scopes.size() - 1) + " loops, " + sources.size() + " sources"
                + (draw == 0 ? "" : " (draw " + draw + " of the seed)");
    }

    // ---------------------------------------------------------------- generation

    /** A random graph with at least one loop, drawn from {@code seed}. */
    static DataflowSpec generate(long seed) {
        return generate(seed, EnumSet.allOf(PactKind.class));
    }

    /**
     * A random graph whose inputs use only {@code pacts} (aggregations always exchange by key).
     *
     * <p>Its computation is bounded: loops nested in loops, with maps that double some records and
     * streams read by several consumers, can make a few graphs grow beyond any test (one seed in
     * a few hundred does more than {@value #MAX_WORK} deliveries, some more than ten million, and
     * seed 2713 ran the sequential model out of memory). A graph whose
     * {@link SequentialModel#work work} exceeds {@value #MAX_WORK} is drawn again from the next
     * draw of the same seed, so every seed gives a graph that every run can check.
     */
    static DataflowSpec generate(long seed, Set<PactKind> pacts) {
        for (int draw = 0; ; draw++) {
            DataflowSpec spec = new DataflowSpec(seed, draw);
            long randomSeed = draw == 0 ? Semantics.mix(seed, 17) : Semantics.mix(seed, 17, draw);
            new Generator(spec, new Random(randomSeed), List.copyOf(pacts)).root();
            if (SequentialModel.work(spec, MAX_WORK) >= 0) {
                return spec;
            }
        }
    }

    private static final class Generator {
        private final DataflowSpec spec;
        private final Random random;
        private final List<PactKind> pacts;
        private int loopsLeft;

        Generator(DataflowSpec spec, Random random, List<PactKind> pacts) {
            this.spec = spec;
            this.random = random;
            this.pacts = pacts;
            this.loopsLeft = 1 + random.nextInt(2);
        }

        void root() {
            int root = scope(-1, 0);
            List<Integer> available = new ArrayList<>();
            int sourceCount = 1 + random.nextInt(2);
            for (int i = 0; i < sourceCount; i++) {
                available.add(source(root));
            }
            int before = random.nextInt(2);
            for (int i = 0; i < before; i++) {
                op(root, available, randomKind());
            }
            loop(root, available);
            body(root, available, random.nextInt(3));
            sinkUnconsumed(root);
        }

        private void body(int scope, List<Integer> available, int count) {
            for (int i = 0; i < count; i++) {
                int depth = spec.scopes.get(scope).depth();
                if (loopsLeft > 0 && depth < 3 && random.nextInt(depth == 1 ? 3 : 2) == 0) {
                    loop(scope, available);
                } else {
                    op(scope, available, randomKind());
                }
            }
        }

        private void loop(int parent, List<Integer> parentAvailable) {
            loopsLeft--;
            int[] choices = {2, 3, 4, 8, 16};
            int loop = scope(parent, choices[random.nextInt(choices.length)]);
            spec.steps.add(new BeginLoop(loop));
            List<Integer> available = new ArrayList<>();
            List<Integer> entered = new ArrayList<>();
            int enters = 1 + random.nextInt(2);
            for (int i = 0; i < enters; i++) {
                int from = pick(parentAvailable);
                int to = stream(loop);
                spec.streams.get(from).consumers().add(new Entering(to));
                spec.steps.add(new Enter(from, to));
                entered.add(to);
                available.add(to);
            }
            int feedback = spec.feedbacks.size();
            int fed = stream(loop);
            spec.feedbacks.add(new FeedbackSpec(feedback, loop, fed));
            spec.steps.add(new AddFeedback(feedback));
            available.add(fed);
            // The head reads what entered and what came around.
            List<Integer> headInputs = new ArrayList<>(List.of(entered.get(random.nextInt(entered.size())), fed));
            if (random.nextInt(3) == 0) {
                headInputs.add(pick(available));
            }
            Kind[] headKinds = {Kind.MAP, Kind.MAP, Kind.DELAY, Kind.AGGREGATE};
            opOn(loop, available, headKinds[random.nextInt(headKinds.length)], headInputs);
            body(loop, available, random.nextInt(3));
            int switchOp = opOn(loop, available, Kind.SWITCH, List.of(pick(available)));
            List<Integer> outs = spec.ops.get(switchOp).outputs();
            spec.streams.get(outs.get(0)).consumers().add(new FeedbackInput(feedback));
            spec.steps.add(new Connect(feedback, outs.get(0)));
            parentAvailable.add(leave(outs.get(1), parent));
            if (random.nextInt(3) == 0) {
                parentAvailable.add(leave(pick(available), parent));
            }
            sinkUnconsumed(loop);
            spec.steps.add(new EndLoop(loop));
        }

        private int leave(int from, int parent) {
            int to = stream(parent);
            spec.streams.get(from).consumers().add(new Leaving(to));
            spec.steps.add(new Leave(from, to));
            return to;
        }

        private Kind randomKind() {
            int roll = random.nextInt(20);
            return roll < 8 ? Kind.MAP : roll < 13 ? Kind.DELAY : roll < 17 ? Kind.AGGREGATE : Kind.SINK;
        }

        private void op(int scope, List<Integer> available, Kind kind) {
            int inputCount = random.nextInt(10) < 6 ? 1 : random.nextInt(10) < 8 ? 2 : 3;
            List<Integer> from = new ArrayList<>();
            for (int i = 0; i < inputCount; i++) {
                from.add(pick(available));
            }
            opOn(scope, available, kind, from);
        }

        private int opOn(int scope, List<Integer> available, Kind kind, List<Integer> from) {
            int id = spec.ops.size();
            List<Integer> inputIds = new ArrayList<>();
            for (int port = 0; port < from.size(); port++) {
                int stream = from.get(port);
                PactKind pact = kind == Kind.AGGREGATE ? PactKind.EXCHANGE
                        : PactKind.values()[random.nextInt(PactKind.values().length)];
                if (!pacts.contains(pact)) {
                    pact = pacts.get((int) (Semantics.mix(id, port) % pacts.size()));
                }
                int input = spec.inputs.size();
                spec.inputs.add(new InputSpec(input, id, port, stream, pact));
                spec.streams.get(stream).consumers().add(new OpInput(input));
                inputIds.add(input);
            }
            int outputCount = kind == Kind.SINK ? 0 : kind == Kind.SWITCH ? 2 : 1;
            List<Integer> outputs = new ArrayList<>();
            for (int o = 0; o < outputCount; o++) {
                outputs.add(stream(scope));
            }
            boolean extra = kind != Kind.SINK && random.nextInt(3) == 0;
            spec.ops.add(new OpSpec(id, scope, kind, inputIds, outputs, extra));
            spec.steps.add(new AddOp(id));
            if (kind != Kind.SWITCH) {
                available.addAll(outputs);
            }
            return id;
        }

        private void sinkUnconsumed(int scope) {
            for (int s = 0; s < spec.streams.size(); s++) {
                StreamSpec stream = spec.streams.get(s);
                if (stream.scope() == scope && stream.consumers().isEmpty()) {
                    opOn(scope, new ArrayList<>(), Kind.SINK, List.of(s));
                }
            }
        }

        /** Mostly the newest stream (deep graphs), sometimes any. */
        private int pick(List<Integer> available) {
            return random.nextInt(10) < 6 ? available.get(available.size() - 1)
                    : available.get(random.nextInt(available.size()));
        }

        private int scope(int parent, int bits) {
            int id = spec.scopes.size();
            int depth = parent == -1 ? 1 : spec.scopes.get(parent).depth() + 1;
            spec.scopes.add(new ScopeSpec(id, parent, depth, bits));
            return id;
        }

        private int stream(int scope) {
            int id = spec.streams.size();
            spec.streams.add(new StreamSpec(id, scope, new ArrayList<>()));
            return id;
        }

        private int source(int root) {
            int id = spec.sources.size();
            int stream = stream(root);
            List<Long> chosen = new ArrayList<>();
            for (long epoch = 0; epoch < 6; epoch++) {
                if (random.nextInt(2) == 0 || epoch == 5 && chosen.isEmpty()) {
                    chosen.add(epoch);
                }
            }
            long[] epochs = chosen.stream().mapToLong(Long::longValue).toArray();
            List<long[]> records = new ArrayList<>();
            for (long epoch : epochs) {
                int n = random.nextInt(7);
                for (int i = 0; i < n; i++) {
                    records.add(new long[] {epoch, random.nextInt(1000)});
                }
            }
            spec.sources.add(new SourceSpec(id, stream, epochs, records, 1 + random.nextInt(4)));
            spec.steps.add(new AddSource(id));
            return stream;
        }
    }
}
