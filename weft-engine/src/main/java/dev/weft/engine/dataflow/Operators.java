package dev.weft.engine.dataflow;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The common operator shapes, built on {@link OperatorBuilder}: sources, unary and binary
 * operators (with frontier notifications through {@link Notificator}), fused chains, sinks,
 * probes and concatenation.
 */
public final class Operators {

    private Operators() {
    }

    /**
     * The logic of a source, run on each activation.
     *
     * @param <T> the record type
     */
    @FunctionalInterface
    public interface SourceLogic<T> {
        /** Emits what is available now through {@code context}. */
        void run(SourceContext<T> context);
    }

    /**
     * A source: an operator with no input that holds a capability and emits records.
     *
     * @param scope where the source lives
     * @param name its name
     * @param logic called on every activation
     * @return the source's records
     */
    public static <T> Stream<T> source(Scope scope, String name, SourceLogic<T> logic) {
        OperatorBuilder builder = scope.operator(name);
        OutputHandle<T> output = builder.output();
        Runnable activate = builder.activator();
        WorkerContext worker = scope.worker();
        builder.notifyOnFrontier(false);
        WakeupTimer timer = worker.timer(name, activate);
        builder.build(capabilities -> {
            Capability capability = capabilities.get(0);
            SourceContext<T> context = new SourceContext<>() {
                @Override
                public Capability capability() {
                    return capability.isValid() ? capability : null;
                }

                @Override
                public OutputHandle<T> output() {
                    return output;
                }

                @Override
                public boolean mayEmit() {
                    return scope.mayEmit(output.unpublishedRecords(), activate);
                }

                @Override
                public void activate() {
                    activate.run();
                }

                @Override
                public Clock clock() {
                    return worker.clock();
                }

                @Override
                public void wakeAt(Instant at) {
                    timer.wakeAt(at);
                }

                @Override
                public void activateAfter(Duration delay) {
                    Instant now = worker.clock().instant();
                    Instant at;
                    try {
                        at = now.plus(delay);
                    } catch (DateTimeException | ArithmeticException tooFar) {
                        at = delay.isNegative() ? Instant.MIN : Instant.MAX;
                    }
                    timer.wakeAt(at);
                }

                @Override
                public SyncActivator syncActivator() {
                    return worker.syncActivator(activate);
                }

                @Override
                public int workerIndex() {
                    return worker.index();
                }

                @Override
                public int peers() {
                    return worker.peers();
                }
            };
            return () -> {
                if (capability.isValid()) {
                    logic.run(context);
                }
                if (!capability.isValid()) {
                    timer.close();
                }
            };
        });
        return output.stream();
    }

    /**
     * A source that emits {@code perEpoch.apply(epoch)} at each epoch from 0 while it returns
     * non-null, one epoch per activation, then closes. Useful for tests and examples.
     */
    public static <T> Stream<T> epochSource(Scope scope, String name, Function<Long, List<T>> perEpoch) {
        return source(scope, name, context -> {
            Capability cap = context.capability();
            List<T> records = perEpoch.apply(cap.time());
            if (records == null) {
                cap.drop();
                return;
            }
            for (T record : records) {
                context.output().give(cap, record);
            }
            cap.downgrade(cap.time() + 1);
            context.activate();
        });
    }

    /**
     * The logic of a unary operator, run on each activation.
     *
     * @param <T> the record type in
     * @param <R> the record type out
     */
    @FunctionalInterface
    public interface UnaryLogic<T, R> {
        /** Processes what arrived on {@code input}, sending on {@code output}. */
        void run(InputHandle<T> input, OutputHandle<R> output);
    }

    /**
     * A unary operator. {@code constructor} receives the operator's initial capability (keep it
     * to send later, typically through a {@link Notificator}, or drop it) and returns its logic.
     */
    public static <T, R> Stream<R> unary(Stream<T> stream, String name, Pact<T> pact,
            Function<Capability, UnaryLogic<T, R>> constructor) {
        OperatorBuilder builder = stream.scope().operator(name);
        InputHandle<T> input = builder.input(stream, pact);
        OutputHandle<R> output = builder.output();
        builder.build(capabilities -> {
            UnaryLogic<T, R> logic = constructor.apply(capabilities.get(0));
            return () -> logic.run(input, output);
        });
        return output.stream();
    }

    /**
     * The logic of a binary operator, run on each activation.
     *
     * @param <A> the first input's record type
     * @param <B> the second input's record type
     * @param <R> the record type out
     */
    @FunctionalInterface
    public interface BinaryLogic<A, B, R> {
        /** Processes what arrived on either input, sending on {@code output}. */
        void run(InputHandle<A> first, InputHandle<B> second, OutputHandle<R> output);
    }

    /** A binary operator; {@code constructor} as for {@link #unary}. */
    public static <A, B, R> Stream<R> binary(Stream<A> first, Pact<A> firstPact, Stream<B> second,
            Pact<B> secondPact, String name, Function<Capability, BinaryLogic<A, B, R>> constructor) {
        OperatorBuilder builder = first.scope().operator(name);
        InputHandle<A> a = builder.input(first, firstPact);
        InputHandle<B> b = builder.input(second, secondPact);
        OutputHandle<R> output = builder.output();
        builder.build(capabilities -> {
            BinaryLogic<A, B, R> logic = constructor.apply(capabilities.get(0));
            return () -> logic.run(a, b, output);
        });
        return output.stream();
    }

    /**
     * A fused chain of per-batch stages in one operator: each input batch runs through
     * {@code stage} and what comes out is sent at the batch's time. Frontier changes do not
     * activate it; only data does.
     */
    public static <T, R> Stream<R> chain(Stream<T> stream, String name, Pact<T> pact, BatchStage<T, R> stage) {
        OperatorBuilder builder = stream.scope().operator(name);
        InputHandle<T> input = builder.input(stream, pact);
        OutputHandle<R> output = builder.output();
        builder.notifyOnFrontier(false);
        Consumer<Batch<R>> send = output::send;
        builder.build(capabilities -> {
            capabilities.get(0).drop();
            return () -> {
                Batch<T> batch;
                while ((batch = input.next()) != null) {
                    stage.apply(batch, send);
                }
            };
        });
        return output.stream();
    }

    /** Consumes {@code stream}, passing each batch to {@code consumer} (which owns it). */
    public static <T> void sink(Stream<T> stream, String name, Pact<T> pact, Consumer<Batch<T>> consumer) {
        OperatorBuilder builder = stream.scope().operator(name);
        InputHandle<T> input = builder.input(stream, pact);
        builder.notifyOnFrontier(false);
        builder.build(capabilities -> () -> input.forEach(consumer));
    }

    /** Watches the frontier of {@code stream}. */
    public static <T> Probe probe(Stream<T> stream, String name) {
        OperatorBuilder builder = stream.scope().operator(name);
        InputHandle<T> input = builder.input(stream, Pact.pipeline());
        builder.notifyOnFrontier(false);
        builder.build(capabilities -> () -> input.forEach(batch -> { }));
        return new Probe(input);
    }

    /** The records of every stream in {@code streams}, all in one scope. */
    @SafeVarargs
    public static <T> Stream<T> concat(String name, Stream<T>... streams) {
        OperatorBuilder builder = streams[0].scope().operator(name);
        @SuppressWarnings("unchecked")
        InputHandle<T>[] inputs = new InputHandle[streams.length];
        for (int i = 0; i < streams.length; i++) {
            inputs[i] = builder.input(streams[i], Pact.pipeline());
        }
        OutputHandle<T> output = builder.output();
        builder.notifyOnFrontier(false);
        builder.build(capabilities -> {
            capabilities.get(0).drop();
            return () -> {
                for (InputHandle<T> input : inputs) {
                    input.forEach(output::send);
                }
            };
        });
        return output.stream();
    }

    /** Passes each batch and the worker index to {@code inspector}, then on unchanged. */
    public static <T> Stream<T> inspectBatches(Stream<T> stream, String name, BiConsumer<Integer, Batch<T>> inspector) {
        int worker = stream.scope().worker().index();
        return chain(stream, name, Pact.pipeline(), (batch, downstream) -> {
            inspector.accept(worker, batch);
            downstream.accept(batch);
        });
    }
}
