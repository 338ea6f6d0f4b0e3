package dev.weft;

import dev.weft.runtime.TestLowering;
import dev.weft.engine.dataflow.OperatorFailure;
import dev.weft.engine.worker.ExecutionConfig;
import dev.weft.engine.worker.SimulatedExecution;
import dev.weft.io.batching.QueueSource;
import dev.weft.testing.TestClock;
import dev.weft.testing.TestingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a keyed step on a {@link TestClock}, with the test deciding, step by step, when values
 * arrive and when the clock moves, and getting exact output without sleeps: the run is simulated
 * (its workers, 1 or 3 as the {@link RunMode} says, take turns on the test's thread), and every
 * call returns once the run has done all it can, so whatever a value or a clock move causes has
 * happened when the next call begins.
 *
 * <pre>{@code
 * ClockedRun<String, List<String>> run = ClockedRun.start(mode, keyed -> keyed.collect("c", TIMEOUT, 100));
 * run.send("k", "a");     // the step has applied "a"
 * run.advance(TIMEOUT);   // the step's due timers have fired
 * assertThat(run.output()).containsExactly(KeyValue.of("k", List.of("a")));
 * }</pre>
 *
 * <p>The input's epochs are as long as the clock will ever move in a test, so values are applied
 * as they arrive; state is still restored after every callback in a restoring mode.
 *
 * @param <V> the value type in
 * @param <W> the value type out
 */
final class ClockedRun<V, W> {

    /** Where the clock starts. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static final Duration ONE_EPOCH = Duration.ofDays(1_000_000_000);
    private static final long MAX_ACTIONS = 1_000_000;

    private final TestClock clock = new TestClock(START);
    private final List<QueueSource.Feed<KeyValue<String, V>>> feeds = new ArrayList<>();
    private final TestingSink<KeyValue<String, W>> sink = new TestingSink<>();
    private SimulatedExecution sim;

    private ClockedRun() {
    }

    /**
     * Starts a run of {@code step} over a keyed stream of {@code String} keys in {@code mode}, with
     * {@code records} registered as codecs, and runs it until it waits for input.
     */
    @SafeVarargs
    static <V, W> ClockedRun<V, W> start(RunMode mode, Function<KeyedStream<String, V>, KeyedStream<String, W>> step,
            Class<? extends Record>... records) {
        ClockedRun<V, W> clocked = new ClockedRun<>();
        Dataflow flow = new Dataflow("flow");
        QueueSource<KeyValue<String, V>> source = new QueueSource<>(1_000, 1_000, ONE_EPOCH,
                (worker, workers, feed) -> {
                    clocked.feeds.add(feed);
                    return () -> { };
                });
        KeyedStream<String, V> keyed = flow.input("in", source)
                .keyOn("key", KeyValue::key)
                .mapValue("value", KeyValue::value);
        step.apply(keyed).output("out", clocked.sink);
        for (Class<? extends Record> record : records) {
            register(flow, record);
        }
        ExecutionConfig engine = ExecutionConfig.defaults(mode.workers())
                .withSerializing(mode.serializing())
                .withCodecs(flow.codecs())
                .withClock(clocked.clock);
        clocked.sim = new SimulatedExecution(engine, 1);
        clocked.sim.build(worker -> worker.dataflow(flow.id(), scope -> TestLowering.build(scope, flow, ONE_EPOCH,
                mode.restoring(), flow.codecs(), () -> { })));
        clocked.settle();
        return clocked;
    }

    private static <R extends Record> void register(Dataflow flow, Class<R> record) {
        flow.registerRecord(record);
    }

    /** The run's clock. */
    TestClock clock() {
        return clock;
    }

    /** Sends {@code values} for {@code key}, in order, and runs until the step has applied them. */
    @SafeVarargs
    final ClockedRun<V, W> send(String key, V... values) {
        for (V value : values) {
            if (!feeds.get(0).offer(KeyValue.of(key, value))) {
                throw new IllegalStateException("the test's feed is full");
            }
        }
        settle();
        return this;
    }

    /** Moves the clock forward by {@code duration}, and runs until the step has done what is due. */
    ClockedRun<V, W> advance(Duration duration) {
        clock.advance(duration);
        settle();
        return this;
    }

    /** What the step has emitted so far. */
    List<KeyValue<String, W>> output() {
        return sink.items();
    }

    /** Ends the input, runs to the end, and returns everything the step emitted. */
    List<KeyValue<String, W>> finish() {
        feeds.forEach(QueueSource.Feed::end);
        run();
        return sink.items();
    }

    /** Runs until no worker can do anything more before more input or a clock move. */
    private void settle() {
        unwrapping(() -> sim.runUntilQuiet(MAX_ACTIONS));
    }

    private void run() {
        unwrapping(() -> sim.runToCompletion(MAX_ACTIONS));
    }

    private static void unwrapping(Runnable action) {
        try {
            action.run();
        } catch (OperatorFailure failure) {
            if (failure.getCause() instanceof StepException step) {
                throw step;
            }
            throw failure;
        }
    }
}
