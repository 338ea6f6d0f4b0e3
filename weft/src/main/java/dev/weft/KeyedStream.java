package dev.weft;

import dev.weft.core.CoreStep;
import dev.weft.core.FunctionFailure;
import dev.weft.io.DynamicSink;
import dev.weft.io.PartitionedSink;
import dev.weft.io.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
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
 * {@code Value} see only values; those ending in {@code Final} emit at the end of input. The
 * stateless operators that see whole items ({@link #filter}, {@link #inspect}, {@link #branch},
 * {@link #merge}, {@link #redistribute}, {@link #then}) keep the key type, so what they return is
 * still keyed; {@link #of(Stream)} makes any stream of {@link KeyValue}s keyed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KeyedStream<K, V> {

    private final Stream<KeyValue<K, V>> stream;

    KeyedStream(Stream<KeyValue<K, V>> stream) {
        this.stream = stream;
    }

    /**
     * A stream of key-value pairs as a keyed stream, with no step in between: for pairs a
     * {@code map} or a source made. Its keys must have a stable hash, as {@link Stream#keyOn}'s do.
     *
     * <pre>{@code
     * KeyedStream<String, Integer> scores = KeyedStream.of(lines.map("parse", Score::parse));
     * }</pre>
     *
     * @param stream a stream whose items are key-value pairs
     * @param <K> the key type
     * @param <V> the value type
     * @return the same items, as a keyed stream
     */
    public static <K, V> KeyedStream<K, V> of(Stream<KeyValue<K, V>> stream) {
        return new KeyedStream<>(stream);
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

    // ---------------------------------------------------------------- stateless, keeping the key type

    /**
     * The items {@code predicate} accepts, still keyed.
     *
     * @param stepId the step's id
     * @param predicate sees each key-value pair; thread-safe
     * @return the accepted items
     */
    public KeyedStream<K, V> filter(String stepId, Predicate<? super KeyValue<K, V>> predicate) {
        return new KeyedStream<>(stream.filter(stepId, kv -> {
            try {
                return predicate.test(kv);
            } catch (RuntimeException e) {
                throw FunctionFailure.forKey(StepException.Role.PREDICATE, kv.key(), e);
            }
        }));
    }

    /**
     * Prints each item as {@code step_id: item}, passing items through.
     *
     * @param stepId the step's id
     * @return the same items, still keyed
     */
    public KeyedStream<K, V> inspect(String stepId) {
        return new KeyedStream<>(stream.inspect(stepId));
    }

    /**
     * Shows each item to {@code inspector} with the step's full id, passing items through.
     *
     * @param stepId the step's id
     * @param inspector sees the step id and each item; thread-safe
     * @return the same items, still keyed
     */
    public KeyedStream<K, V> inspect(String stepId, BiConsumer<String, ? super KeyValue<K, V>> inspector) {
        return new KeyedStream<>(stream.inspect(stepId, inspector));
    }

    /**
     * Core operator {@code inspect_debug} on a keyed stream: shows each item to {@code inspector}
     * with its epoch and worker, passing items through.
     *
     * @param stepId the step's id
     * @param inspector sees each item with its epoch and worker; thread-safe
     * @return the same items, still keyed
     */
    public KeyedStream<K, V> inspectDebug(String stepId, DebugInspector<? super KeyValue<K, V>> inspector) {
        return new KeyedStream<>(stream.inspectDebug(stepId, inspector));
    }

    /**
     * Core operator {@code branch} on a keyed stream: splits it in two by {@code predicate}, each
     * side still keyed.
     *
     * @param stepId the step's id
     * @param predicate sees each key-value pair; thread-safe
     * @return the items the predicate accepts and those it rejects
     */
    public KeyedBranch<K, V> branch(String stepId, Predicate<? super KeyValue<K, V>> predicate) {
        Branch<KeyValue<K, V>> split = stream.branch(stepId, kv -> {
            try {
                return predicate.test(kv);
            } catch (RuntimeException e) {
                throw FunctionFailure.forKey(StepException.Role.PREDICATE, kv.key(), e);
            }
        });
        return new KeyedBranch<>(new KeyedStream<>(split.trues()), new KeyedStream<>(split.falses()));
    }

    /**
     * Core operator {@code merge} on keyed streams: this stream's items and those of
     * {@code others}, in no promised order, still keyed.
     *
     * @param stepId the step's id
     * @param others more keyed streams of the same dataflow and types
     * @return every item of every stream
     */
    @SafeVarargs
    public final KeyedStream<K, V> merge(String stepId, KeyedStream<K, V>... others) {
        List<Stream<KeyValue<K, V>>> all = new ArrayList<>();
        all.add(stream);
        for (KeyedStream<K, V> other : others) {
            all.add(other.stream);
        }
        return new KeyedStream<>(stream.flow().merge(stepId, all));
    }

    /**
     * Core operator {@code redistribute} on a keyed stream: spreads items over all workers to
     * balance stateless work; a later stateful step still routes each key to its owner.
     *
     * @param stepId the step's id
     * @return the same items, still keyed
     */
    public KeyedStream<K, V> redistribute(String stepId) {
        return new KeyedStream<>(stream.redistribute(stepId));
    }

    /**
     * Applies a user-defined composite operator to this keyed stream: the steps {@code operator}
     * creates get dotted ids under {@code stepId}, as built-in derived operators do.
     *
     * @param stepId the composite step's id
     * @param operator builds steps from this stream
     * @param <R> what the operator returns
     * @return what {@code operator} returns
     */
    public <R> R then(String stepId, Function<KeyedStream<K, V>, R> operator) {
        return stream.flow().operator(stepId, () -> operator.apply(this));
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

    /**
     * As {@link #statefulMap(String, BiFunction)}, with each key's state starting from
     * {@code initial} instead of {@code null} (again after its state is discarded), so plain
     * lambdas need no types:
     *
     * <pre>{@code
     * KeyedStream<String, Long> totals = amounts.statefulMap("total", () -> 0L,
     *         (total, amount) -> StateUpdate.of(total + amount, total + amount));
     * }</pre>
     *
     * @param stepId the step's id
     * @param initial makes a key's first state; thread-safe
     * @param mapper receives the key's state (never {@code null}) and the value, and returns the
     *     new state ({@code null} discards it) and the value to emit; thread-safe
     * @param <W> the type emitted
     * @param <S> the state type
     * @return the emitted values, keyed as their inputs
     */
    public <W, S> KeyedStream<K, W> statefulMap(String stepId, Supplier<S> initial,
            BiFunction<S, ? super V, StateUpdate<S, W>> mapper) {
        return statefulMap(stepId, (S state, V value) -> mapper.apply(state != null ? state : initial.get(), value));
    }

    /**
     * As {@link #statefulFlatMap(String, BiFunction)}, with each key's state starting from
     * {@code initial} instead of {@code null} (again after its state is discarded).
     *
     * @param stepId the step's id
     * @param initial makes a key's first state; thread-safe
     * @param mapper receives the key's state (never {@code null}) and the value, and returns the
     *     new state ({@code null} discards it) and the values to emit; thread-safe
     * @param <W> the type emitted
     * @param <S> the state type
     * @return the emitted values, keyed as their inputs
     */
    public <W, S> KeyedStream<K, W> statefulFlatMap(String stepId, Supplier<S> initial,
            BiFunction<S, ? super V, StateUpdate<S, ? extends Iterable<W>>> mapper) {
        return statefulFlatMap(stepId,
                (S state, V value) -> mapper.apply(state != null ? state : initial.get(), value));
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
     * Each key's greatest value by {@code comparator} (the first of equal ones seen by a worker), at
     * the end of input.
     *
     * @param stepId the step's id
     * @param comparator orders values; thread-safe
     * @return one value per key
     */
    public KeyedStream<K, V> maxFinal(String stepId, Comparator<? super V> comparator) {
        return reduceFinal(stepId, (a, b) -> comparator.compare(b, a) > 0 ? b : a);
    }

    /**
     * Each key's smallest value by {@code comparator} (the first of equal ones seen by a worker), at
     * the end of input.
     *
     * @param stepId the step's id
     * @param comparator orders values; thread-safe
     * @return one value per key
     */
    public KeyedStream<K, V> minFinal(String stepId, Comparator<? super V> comparator) {
        return reduceFinal(stepId, (a, b) -> comparator.compare(b, a) < 0 ? b : a);
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

    /**
     * Joins this stream with {@code other} by key, keeping both value types: each row of the join
     * in {@code mode} becomes {@code combiner.apply(left, right)} ({@code null} for a side without a
     * value, in the {@code FINAL} and {@code RUNNING} modes). With
     * {@code new JoinMode(PRODUCT, INCREMENTAL)} it is an incremental inner join: every matching
     * pair exactly once, whatever the order of arrival.
     */
    public <V2, R> KeyedStream<K, R> join(String stepId, KeyedStream<K, V2> other, JoinMode mode,
            BiFunction<? super V, ? super V2, ? extends R> combiner) {
        return Stateful.join(this, stepId, other, mode, combiner);
    }

    @Override
    public String toString() {
        return "KeyedStream(" + stream.id() + ")";
    }
}
