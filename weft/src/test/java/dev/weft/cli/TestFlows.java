package dev.weft.cli;

import dev.weft.Branch;
import dev.weft.Dataflow;
import dev.weft.StateUpdate;
import dev.weft.io.DynamicSource;
import dev.weft.io.StatelessSourcePartition;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Dataflows, factories and wrong flow classes for the CLI's tests; the child JVMs of
 * {@code WeftRunIT} run some of them by name.
 */
public final class TestFlows {

    /** What {@link #collect} flows wrote, by sink name; a name appears as soon as the flow is built. */
    public static final Map<String, List<Object>> SINKS = new ConcurrentHashMap<>();

    /** Counted down when a {@link #forever()} source first runs. */
    public static volatile CountDownLatch foreverStarted = new CountDownLatch(1);

    /** How many readers of {@link #forever()} sources have been opened. */
    public static final AtomicInteger FOREVER_OPENED = new AtomicInteger();

    /** How many readers of {@link #forever()} sources have been closed. */
    public static final AtomicInteger FOREVER_CLOSED = new AtomicInteger();

    private TestFlows() {
    }

    /** {@code args[0]} names the sink; the other arguments are upper-cased into it. */
    public static Dataflow collect(List<String> args) {
        List<Object> items = new ArrayList<>();
        SINKS.put(args.get(0), items);
        Dataflow flow = new Dataflow("collect");
        flow.input("words", new TestingSource<String>(args.subList(1, args.size())))
                .map("upper", String::toUpperCase)
                .output("out", new TestingSink<>(items));
        return flow;
    }

    /** Prints each argument upper-cased, as {@code printed.show: A}. */
    public static Dataflow printed(String... args) {
        Dataflow flow = new Dataflow("printed");
        flow.input("words", new TestingSource<String>(List.of(args)))
                .map("upper", String::toUpperCase)
                .inspect("show");
        return flow;
    }

    /** Fails in step {@code failing.explode} for key {@code k2}. */
    public static Dataflow failing() {
        Dataflow flow = new Dataflow("failing");
        flow.input("numbers", new TestingSource<Integer>(List.of(1, 2, 3)))
                .keyOn("key", n -> "k" + n)
                .statefulMap("explode", (Integer seen, Integer n) -> {
                    if (n == 2) {
                        throw new IllegalArgumentException("cannot take " + n);
                    }
                    return StateUpdate.of(n, n);
                })
                .output("out", new TestingSink<>());
        return flow;
    }

    /**
     * Never ends: each worker's source emits {@code tick} once, then polls for nothing forever;
     * prints {@code forever.show: tick}.
     */
    public static Dataflow forever() {
        return forever(true);
    }

    /** As {@link #forever()}, printing nothing. */
    public static Dataflow silentForever() {
        return forever(false);
    }

    private static Dataflow forever(boolean print) {
        Dataflow flow = new Dataflow("forever");
        flow.input("ticks", (DynamicSource<String>) (worker, workers) -> new StatelessSourcePartition<>() {
            private boolean ticked;

            {
                FOREVER_OPENED.incrementAndGet();
            }

            @Override
            public List<String> nextBatch() {
                foreverStarted.countDown();
                if (ticked) {
                    return List.of();
                }
                ticked = true;
                return List.of("tick");
            }

            @Override
            public Instant nextAwake() {
                return Instant.now().plusMillis(20);
            }

            @Override
            public void close() {
                FOREVER_CLOSED.incrementAndGet();
            }
        }).inspect("show", (step, item) -> {
            if (print) {
                System.out.println(step + ": " + item);
            }
        });
        return flow;
    }

    /** Branches, with a composite operator on one side: the visualization tests' flow. */
    public static Dataflow branching() {
        Dataflow flow = new Dataflow("viz");
        Branch<String> split = flow.input("words", new TestingSource<String>(List.of("apple", "bob")))
                .branch("split", w -> w.startsWith("a"));
        split.trues().countFinal("count", w -> w).output("counts", new TestingSink<>());
        split.falses().map("upper", String::toUpperCase).output("others", new TestingSink<>());
        return flow;
    }

    /** Has an input and no output. */
    public static Dataflow noOutput() {
        Dataflow flow = new Dataflow("half");
        flow.input("words", new TestingSource<String>(List.of("a")));
        return flow;
    }

    /** Returns the wrong type. */
    public static String notAFlow() {
        return "flow";
    }

    /** Not static. */
    public Dataflow instanceMethod() {
        return printed();
    }

    /** Not public. */
    static Dataflow hidden() {
        return printed();
    }

    /** Takes parameters weft cannot pass. */
    public static Dataflow needsInts(int a, int b) {
        return printed();
    }

    /** Throws while building. */
    public static Dataflow throwing() {
        throw new IllegalStateException("no input file configured");
    }

    /** Returns null. */
    public static Dataflow returnsNull() {
        return null;
    }

    /** A factory: {@link #collect} of its arguments. */
    public static final class Factory implements DataflowFactory {
        @Override
        public Dataflow build(List<String> args) {
            return collect(args);
        }
    }

    /** A supplier of {@code collect(["supplied", "x"])}. */
    public static final class SupplierFlow implements Supplier<Dataflow> {
        @Override
        public Dataflow get() {
            return collect(List.of("supplied", "x"));
        }
    }

    /** Builds nothing by itself; has a static method that does. */
    public static final class NotAFactory {
        /** The method a user may have meant. */
        public static Dataflow flow() {
            return printed();
        }
    }

    /** Throws from {@code build}. */
    public static final class ThrowingFactory implements DataflowFactory {
        @Override
        public Dataflow build(List<String> args) {
            throw new IllegalStateException("no input file configured");
        }
    }

    /** Has no no-argument constructor. */
    public static final class NoDefaultConstructor implements DataflowFactory {
        /** Needs a number. */
        public NoDefaultConstructor(int n) {
        }

        @Override
        public Dataflow build(List<String> args) {
            return printed();
        }
    }

    /** Cannot be instantiated. */
    public abstract static class AbstractFactory implements DataflowFactory {
    }

    /** Throws from its constructor. */
    public static final class ConstructorThrows implements DataflowFactory {
        /** Throws. */
        public ConstructorThrows() {
            throw new IllegalStateException("constructor failed");
        }

        @Override
        public Dataflow build(List<String> args) {
            return printed();
        }
    }

    /** A supplier of the wrong type. */
    public static final class WrongSupplier implements Supplier<String> {
        @Override
        public String get() {
            return "flow";
        }
    }
}
