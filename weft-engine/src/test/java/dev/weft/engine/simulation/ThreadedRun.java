package dev.weft.engine.simulation;

import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.dataflow.SyncActivator;
import dev.weft.engine.simulation.DataflowSpec.SourceSpec;
import dev.weft.engine.worker.Execution;
import dev.weft.engine.worker.ExecutionConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of a random {@link DataflowSpec} on real worker threads ({@link Execution}), drawn
 * entirely from a seed: the graph (loops, nested loops, exchanges, broadcasts), the workers (2 to
 * 8), whether the sources are fed from threads of their own through a {@link SyncActivator}
 * ({@link FedSource}) or drive themselves, a tiny flow-control limit or not, serializing or not,
 * and how often the operators yield or park in the middle of an activation ({@link Settings#of}).
 *
 * <p>Checks, throwing an {@link AssertionError} that names the seed, its settings and how to
 * replay it ({@code -Dweft.stress.seed=...}):
 * <ul>
 *   <li>as it runs, by every {@link SpecOperator}: no batch is read behind its input's frontier
 *       or at or before a time already notified; every notification comes once, for a time asked
 *       for, in order;</li>
 *   <li>at the end: the execution finished (no failure, no stall, within {@link #GUARD}), every
 *       notification asked for came, every input frontier is empty, and the records that reached
 *       the sinks are exactly those of the {@link SequentialModel}.</li>
 * </ul>
 * The schedule itself is up to the threads, so a failing seed may need a few runs to fail again;
 * the graph and settings are always the same. Public for the stress sweep of {@code weft-bench}.
 */
public final class ThreadedRun {

    /** How long a run may take before it is cancelled and reported as hung. */
    static final Duration GUARD = Duration.ofSeconds(30);

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "weft-stress-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * What a seed runs with, besides its graph.
     *
     * @param seed           the seed everything is drawn from
     * @param workers        worker threads, 2 to 8
     * @param fed            whether each source partition is fed by a thread of its own through a sync activator
     * @param maxInFlight    the flow-control limit (1 to 4 for a tiny one, else the default)
     * @param serializing    whether every exchanged batch goes through the codecs
     * @param yieldOneIn     an operator yields its thread at about one step in this many
     * @param parkOneIn      an operator parks for up to 100 µs at about one step in this many
     */
    public record Settings(long seed, int workers, boolean fed, long maxInFlight, boolean serializing,
            int yieldOneIn, int parkOneIn) {

        /** The settings of {@code seed}: half fed from threads, a quarter under a tiny limit, a quarter serializing. */
        public static Settings of(long seed) {
            Random random = new Random(Semantics.mix(seed, 23));
            int workers = 2 + random.nextInt(7);
            boolean fed = random.nextBoolean();
            long limit = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : ExecutionConfig.defaults(1).maxRecordsInFlight();
            boolean serializing = random.nextInt(4) == 0;
            int[] yields = {4, 16, 64};
            int[] parks = {64, 256, 1024};
            return new Settings(seed, workers, fed, limit, serializing, yields[random.nextInt(3)],
                    parks[random.nextInt(3)]);
        }

        /** Whether the flow-control limit is a tiny one. */
        public boolean tightFlowControl() {
            return maxInFlight < 100;
        }

        ExecutionConfig config() {
            return ExecutionConfig.defaults(workers).withMaxRecordsInFlight(maxInFlight).withSerializing(serializing);
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + workers + " workers, sources " + (fed ? "fed from threads" : "self-driven")
                    + (tightFlowControl() ? ", at most " + maxInFlight + " record(s) in flight" : "")
                    + (serializing ? ", serializing" : "") + ", yields 1/" + yieldOneIn + ", parks 1/" + parkOneIn;
        }
    }

    /**
     * What a passing run did.
     *
     * @param settings  what it ran with
     * @param shape     the graph, described
     * @param results   records that reached the sinks
     * @param wallNanos how long the execution took
     */
    public record Outcome(Settings settings, String shape, int results, long wallNanos) {
    }

    /** The JVM option that replays one seed, in the failure messages. */
    public static String replay(long seed) {
        return "-Dweft.stress.seed=" + seed
                + " (e.g. wmvn -o -B -pl weft-engine test -Dtest=ThreadedStressTest -Dweft.stress.seed=" + seed + ")";
    }

    private final DataflowSpec spec;
    private final Settings settings;
    private final WorkerHooks[] hooks;
    private final SpecDataflow[] graphs;
    private final Queue<Thread> feeders = new ConcurrentLinkedQueue<>();

    private ThreadedRun(DataflowSpec spec, Settings settings) {
        this.spec = spec;
        this.settings = settings;
        this.hooks = new WorkerHooks[settings.workers()];
        this.graphs = new SpecDataflow[settings.workers()];
        for (int w = 0; w < hooks.length; w++) {
            hooks[w] = new WorkerHooks(new Random(Semantics.mix(settings.seed(), w, 29)), settings);
        }
    }

    /**
     * Runs seed {@code seed} and checks it.
     *
     * @throws AssertionError naming the seed, its settings and graph, what went wrong, and how to replay it
     */
    public static Outcome run(long seed) {
        Settings settings = Settings.of(seed);
        DataflowSpec spec = DataflowSpec.generate(seed);
        ThreadedRun run = new ThreadedRun(spec, settings);
        long start = System.nanoTime();
        try {
            run.execute();
            int results = run.checkAtEnd();
            return new Outcome(settings, spec.shape(), results, System.nanoTime() - start);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(settings + "; " + spec.shape() + ":\n" + describe(e) + "\nreplay: "
                    + replay(seed) + "\nlast of each worker's trace:\n" + run.traces(), e);
        } finally {
            run.joinFeeders();
        }
    }

    private void execute() {
        Execution execution = new Execution(settings.config());
        ScheduledFuture<?> guard = WATCHDOG.schedule(
                () -> execution.cancel("the stress run took longer than " + GUARD.toSeconds() + " s"),
                GUARD.toMillis(), TimeUnit.MILLISECONDS);
        try {
            execution.run(worker -> worker.dataflow("stress", root -> graphs[worker.index()] =
                    SpecDataflow.build(spec, root, worker.index(), worker.peers(), hooks[worker.index()],
                            settings.fed() ? this::fedSource : SpecDataflow::selfDrivenSource)));
        } finally {
            guard.cancel(false);
        }
    }

    /** Checks what a finished execution left behind; returns the number of results. */
    private int checkAtEnd() {
        List<String> results = new ArrayList<>();
        for (int w = 0; w < graphs.length; w++) {
            SpecDataflow graph = graphs[w];
            graph.checkAtEnd();
            for (Map.Entry<Integer, InputHandle<Long>> e : graph.inputs().entrySet()) {
                if (!e.getValue().frontier().isEmpty()) {
                    throw new AssertionError("finished, but worker " + w + " still has frontier "
                            + e.getValue().frontier() + " at input " + spec.describeInput(e.getKey()));
                }
            }
            results.addAll(hooks[w].results);
        }
        List<String> expected = new ArrayList<>(SequentialModel.results(spec));
        Collections.sort(results);
        Collections.sort(expected);
        if (!results.equals(expected)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(results);
            List<String> extra = new ArrayList<>(results);
            extra.removeAll(expected);
            throw new AssertionError("the sinks received " + results.size() + " records, the sequential model "
                    + expected.size() + "; missing " + first(missing) + ", unexpected " + first(extra));
        }
        return results.size();
    }

    private static String first(List<String> lines) {
        return lines.size() <= 10 ? lines.toString() : lines.subList(0, 10) + " and " + (lines.size() - 10) + " more";
    }

    /** The failure and its causes, one line each (an operator's assertion arrives wrapped by the engine). */
    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t == e ? "  " : "  caused by ").append(t).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private String traces() {
        StringBuilder out = new StringBuilder();
        for (WorkerHooks h : hooks) {
            synchronized (h.trace) {
                h.trace.forEach(line -> out.append("  ").append(line).append('\n'));
            }
        }
        return out.toString();
    }

    private Stream<Long> fedSource(SpecDataflow graph, Scope root, SourceSpec source) {
        return FedSource.build(graph, root, source, feeders::add);
    }

    private void joinFeeders() {
        for (Thread feeder : feeders) {
            try {
                feeder.join(GUARD.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------- hooks

    /** One worker's hooks: its results, the tail of its trace, and the pauses it puts in its operators. */
    private static final class WorkerHooks implements RunHooks {
        private static final int TRACE = 12;
        private final List<String> results = new ArrayList<>();
        private final ArrayDeque<String> trace = new ArrayDeque<>();
        private final Pauses onActivation;
        private final Pauses inActivation;

        WorkerHooks(Random random, Settings settings) {
            this.onActivation = new Pauses(random, settings.yieldOneIn() / 4, settings.parkOneIn() / 4);
            this.inActivation = new Pauses(random, settings.yieldOneIn(), settings.parkOneIn());
        }

        @Override
        public void activating(String who) {
            onActivation.maybe();
        }

        @Override
        public void between() {
            inActivation.maybe();
        }

        @Override
        public void trace(String line) {
            synchronized (trace) {
                if (trace.size() == TRACE) {
                    trace.poll();
                }
                trace.add(line);
            }
        }

        @Override
        public void result(String record) {
            results.add(record);
        }
    }
}
