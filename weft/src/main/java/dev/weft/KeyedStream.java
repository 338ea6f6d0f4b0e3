package dev.weft;

import dev.weft.core.CoreStep;
import dev.weft.io.DynamicSink;
import dev.weft.io.PartitionedSink;
import dev.weft.io.Sink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A stream of {@link KeyValue}s whose keys route each item's state to one worker: the input of
 * every stateful operator.
 *
 * <p>Keys must have a stable hash: String, boxed numbers, byte[], or records and lists of these
 * (the hash is computed by Weft from the components, never from {@code hashCode()}), so the same
 * key goes to the same worker in every process and across restarts. Operators ending in
 * {@code Value} see only values; those ending in {@code Final} emit at the end of input.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KeyedStream<K, V> {

    private final Stream<KeyValue<K, V>> stream;

    KeyedStream(Stream<KeyValue<K, V>> stream) {
        this.stream = stream;
    }

    /** This stream as a plain stream of key-value pairs. */
    public Stream<KeyValue<K, V>> asStream() {
        return stream;
    }

    /** The dataflow this stream belongs to. */
    public Dataflow flow() {
        return stream.flow();
    }

    /** The values, without their keys. */
    public Stream<V> keyRm(String stepId) {
        return stream.map(stepId, KeyValue::value);
    }

    // ---------------------------------------------------------------- core operator

    /**
     * Core operator {@code stateful_batch}: runs one {@link StatefulBatchLogic} per key, built by
     * {@code builder} from the key's resume state ({@code null} for a new key); its callbacks emit,
     * discard and set timers through a {@link StatefulContext}. See {@code docs/stateful-logic.md}.
     */
    @SuppressWarnings("unchecked")
    public <W, S> KeyedStream<K, W> statefulBatch(String stepId,
            Function<S, ? extends StatefulBatchLogic<K, V, W, S>> builder) {
        Dataflow flow = stream.flow();
        String stepFullId = flow.register(stepId, "stateful_batch");
        String down = stepFullId + ".down";
        Function<Object, StatefulBatchLogic<Object, Object, Object, Object>> erased =
                (Function<Object, StatefulBatchLogic<Object, Object, Object, Object>>) (Function<?, ?>) builder;
        flow.add(new CoreStep.StatefulBatch(stepFullId, stream.idIn(flow, stepFullId), down, erased));
        return new KeyedStream<>(new Stream<>(flow, down));
    }

    /** Writes each item to the partition its key picks; each partition is written by one worker. */
    public void output(String stepId, PartitionedSink<K, V, ?> sink) {
        Dataflow flow = stream.flow();
        String stepFullId = flow.register(stepId, "output");
        flow.add(new CoreStep.Output(stepFullId, stream.idIn(flow, stepFullId), (Sink<?>) sink));
    }

    /** Writes each item with a writer per worker. */
    public void output(String stepId, DynamicSink<? super KeyValue<K, V>> sink) {
        stream.output(stepId, sink);
    }

    // ---------------------------------------------------------------- stateless on values

    /** Maps each value, keeping its key. */
    public <W> KeyedStream<K, W> mapValue(String stepId, Function<? super V, ? extends W> mapper) {
        return Stateless.mapValue(this, stepId, mapper);
    }

    /** Any number of values out per value in, each with the same key. */
    public <W> KeyedStream<K, W> flatMapValue(String stepId, Function<? super V, ? extends Iterable<? extends W>> mapper) {
        return Stateless.flatMapValue(this, stepId, mapper);
    }

    /** The items whose value {@code predicate} accepts. */
    public KeyedStream<K, V> filterValue(String stepId, Predicate<? super V> predicate) {
        return Stateless.filterValue(this, stepId, predicate);
    }

    /** Maps values, dropping empty results. */
    public <W> KeyedStream<K, W> filterMapValue(String stepId, Function<? super V, Optional<W>> mapper) {
        return Stateless.filterMapValue(this, stepId, mapper);
    }

    // ---------------------------------------------------------------- stateful, on statefulBatch

    /** Runs one {@link StatefulLogic} per key, value by value. */
    public <W, S> KeyedStream<K, W> stateful(String stepId, Function<S, ? extends StatefulLogic<K, V, W, S>> builder) {
        return Stateful.stateful(this, stepId, builder);
    }

    /**
     * One value out per value in, with per-key state: {@code mapper} receives the key's state
     * ({@code null} at first) and the value, and returns the new state ({@code null} discards it)
     * and the value to emit.
     */
    public <W, S> KeyedStream<K, W> statefulMap(String stepId, BiFunction<S, ? super V, StateUpdate<S, W>> mapper) {
        return Stateful.statefulMap(this, stepId, mapper);
    }

    /** As {@link #statefulMap}, emitting any number of values per value in. */
    public <W, S> KeyedStream<K, W> statefulFlatMap(String stepId,
            BiFunction<S, ? super V, StateUpdate<S, ? extends Iterable<W>>> mapper) {
        return Stateful.statefulFlatMap(this, stepId, mapper);
    }

    /** Folds each key's values into an accumulator, emitted at the end of input. */
    public <S> KeyedStream<K, S> foldFinal(String stepId, Supplier<S> builder, BiFunction<S, ? super V, S> folder) {
        return Stateful.foldFinal(this, stepId, builder, folder);
    }

    /**
     * Combines each key's values with {@code reducer}, emitted at the end of input. Values are
     * combined within each batch before the exchange (a combiner), so {@code reducer} must be
     * associative.
     */
    public KeyedStream<K, V> reduceFinal(String stepId, BinaryOperator<V> reducer) {
        return Stateful.reduceFinal(this, stepId, reducer);
    }

    /** Each key's greatest value by {@code by}, at the end of input. */
    public <C extends Comparable<? super C>> KeyedStream<K, V> maxFinal(String stepId, Function<? super V, C> by) {
        return Stateful.maxFinal(this, stepId, by);
    }

    /** Each key's smallest value by {@code by}, at the end of input. */
    public <C extends Comparable<? super C>> KeyedStream<K, V> minFinal(String stepId, Function<? super V, C> by) {
        return Stateful.minFinal(this, stepId, by);
    }

    /**
     * Collects each key's values into lists, emitted when a list reaches {@code maxSize}, when
     * {@code timeout} has passed since the key's last value (on the run's clock), or at the end of
     * input.
     */
    public KeyedStream<K, List<V>> collect(String stepId, Duration timeout, int maxSize) {
        return Stateful.collect(this, stepId, timeout, maxSize);
    }

    /**
     * Joins this stream with {@code others} by key in the default mode ({@link JoinMode#DEFAULT}:
     * each side's last value; a row once every side has one).
     */
    @SafeVarargs
    public final KeyedStream<K, List<Object>> join(String stepId, KeyedStream<K, ?>... others) {
        return Stateful.join(this, stepId, JoinMode.DEFAULT, List.of(others));
    }

    /**
     * Joins this stream with {@code others} by key: rows hold one value per side, in argument
     * order ({@code null} for a side without a value, in FINAL and RUNNING modes).
     */
    @SafeVarargs
    public final KeyedStream<K, List<Object>> join(String stepId, JoinMode mode, KeyedStream<K, ?>... others) {
        return Stateful.join(this, stepId, mode, List.of(others));
    }

    @Override
    public String toString() {
        return "KeyedStream(" + stream.id() + ")";
    }
}
