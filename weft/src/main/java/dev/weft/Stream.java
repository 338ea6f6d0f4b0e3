package dev.weft;

import dev.weft.core.CoreStep;
import dev.weft.io.DynamicSink;
import dev.weft.io.Sink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stream of items of type {@code T} in a {@link Dataflow}: the output of one step, which any
 * number of later steps may read (each sees every item).
 *
 * <p>Operators are methods; each takes a step id first. This class is a table of contents: the
 * core operators are built here, every other operator in a few lines of core operators in
 * {@code Stateless} or {@code Stateful}, in plain view.
 *
 * @param <T> the item type
 */
public final class Stream<T> {

    private final Dataflow flow;
    private final String id;

    Stream(Dataflow flow, String id) {
        this.flow = flow;
        this.id = id;
    }

    /** The dataflow this stream belongs to. */
    public Dataflow flow() {
        return flow;
    }

    /** The stream's id: the producing step's id and port, such as {@code flow.map.down}. */
    public String id() {
        return id;
    }

    String idIn(Dataflow dataflow, String stepId) {
        if (dataflow != flow) {
            throw new IllegalArgumentException("step '" + stepId + "' of dataflow '" + dataflow.id()
                    + "' cannot read stream '" + id + "' of dataflow '" + flow.id() + "'");
        }
        return id;
    }

    // ---------------------------------------------------------------- core operators

    /**
     * Core operator {@code flat_map_batch}: calls {@code mapper} once per batch of items that
     * reached a worker (batch boundaries are not promised), with no exchange between workers.
     * The mapper owns the list it receives: it may modify and return it.
     */
    @SuppressWarnings("unchecked")
    public <R> Stream<R> flatMapBatch(String stepId, Function<List<T>, ? extends Iterable<? extends R>> mapper) {
        String stepFullId = flow.register(stepId, "flat_map_batch");
        String down = stepFullId + ".down";
        Function<List<Object>, Iterable<Object>> erased = (Function<List<Object>, Iterable<Object>>) (Function<?, ?>) mapper;
        flow.add(new CoreStep.FlatMapBatch(stepFullId, idIn(flow, stepFullId), down, erased));
        return new Stream<>(flow, down);
    }

    /** Core operator {@code output}: writes every item to a sink with one writer per worker. */
    public void output(String stepId, DynamicSink<? super T> sink) {
        String stepFullId = flow.register(stepId, "output");
        flow.add(new CoreStep.Output(stepFullId, idIn(flow, stepFullId), (Sink<?>) sink));
    }

    /**
     * Core operator {@code branch}: splits the stream in two by {@code predicate}.
     *
     * @return the items the predicate accepts and those it rejects
     */
    @SuppressWarnings("unchecked")
    public Branch<T> branch(String stepId, Predicate<? super T> predicate) {
        String stepFullId = flow.register(stepId, "branch");
        String trues = stepFullId + ".trues";
        String falses = stepFullId + ".falses";
        flow.add(new CoreStep.Branch(stepFullId, idIn(flow, stepFullId), trues, falses, (Predicate<Object>) predicate));
        return new Branch<>(new Stream<>(flow, trues), new Stream<>(flow, falses));
    }

    /** Core operator {@code redistribute}: spreads items over all workers, to balance stateless work. */
    public Stream<T> redistribute(String stepId) {
        String stepFullId = flow.register(stepId, "redistribute");
        String down = stepFullId + ".down";
        flow.add(new CoreStep.Redistribute(stepFullId, idIn(flow, stepFullId), down));
        return new Stream<>(flow, down);
    }

    /**
     * Core operator {@code inspect_debug}: passes items through, showing each to {@code inspector}
     * with its epoch and worker. Counts as an output when a dataflow is validated.
     */
    @SuppressWarnings("unchecked")
    public Stream<T> inspectDebug(String stepId, DebugInspector<? super T> inspector) {
        String stepFullId = flow.register(stepId, "inspect_debug");
        String down = stepFullId + ".down";
        flow.add(new CoreStep.InspectDebug(stepFullId, idIn(flow, stepFullId), down, (DebugInspector<Object>) inspector));
        return new Stream<>(flow, down);
    }

    /** Core operator {@code merge}: this stream's items and those of {@code others}. */
    @SafeVarargs
    public final Stream<T> merge(String stepId, Stream<T>... others) {
        List<Stream<T>> all = new java.util.ArrayList<>();
        all.add(this);
        all.addAll(List.of(others));
        return flow.merge(stepId, all);
    }

    // ---------------------------------------------------------------- composition

    /**
     * Applies a user-defined composite operator: the steps {@code operator} creates get dotted ids
     * under {@code stepId}, exactly as built-in derived operators do.
     */
    public <R> R then(String stepId, Function<Stream<T>, R> operator) {
        return flow.operator(stepId, () -> operator.apply(this));
    }

    // ---------------------------------------------------------------- stateless, on flatMapBatch

    /** One item out per item in. */
    public <R> Stream<R> map(String stepId, Function<? super T, ? extends R> mapper) {
        return Stateless.map(this, stepId, mapper);
    }

    /** The items {@code predicate} accepts. */
    public Stream<T> filter(String stepId, Predicate<? super T> predicate) {
        return Stateless.filter(this, stepId, predicate);
    }

    /** Maps, dropping empty results. */
    public <R> Stream<R> filterMap(String stepId, Function<? super T, Optional<R>> mapper) {
        return Stateless.filterMap(this, stepId, mapper);
    }

    /** Any number of items out per item in. */
    public <R> Stream<R> flatMap(String stepId, Function<? super T, ? extends Iterable<? extends R>> mapper) {
        return Stateless.flatMap(this, stepId, mapper);
    }

    /**
     * The elements of each item, which must be an {@link Iterable}.
     *
     * @param <R> the element type
     */
    public <R> Stream<R> flatten(String stepId) {
        return Stateless.flatten(this, stepId);
    }

    /** Prints each item as {@code step_id: item} (through {@link #inspectDebug}). */
    public Stream<T> inspect(String stepId) {
        return Stateless.inspect(this, stepId, (step, item) -> System.out.println(step + ": " + item));
    }

    /** Shows each item to {@code inspector} with the step's id; passes items through. */
    public Stream<T> inspect(String stepId, java.util.function.BiConsumer<String, ? super T> inspector) {
        return Stateless.inspect(this, stepId, inspector);
    }

    /**
     * Keys each item by {@code key}; the key routes the item's state to one worker, so it must have
     * a stable hash (String, boxed numbers, byte[], records of these).
     */
    public <K> KeyedStream<K, T> keyOn(String stepId, Function<? super T, ? extends K> key) {
        return Stateless.keyOn(this, stepId, key);
    }

    /**
     * Enriches each item with a value looked up by {@code getter} for the item's cache key, cached
     * for {@code ttl} on the run's clock: an entry loaded at t serves items until the clock passes
     * t + {@code ttl}, and is then dropped. Items are routed by cache key (which needs a stable
     * hash, as a key does), so each key is looked up by one worker; the cache is not recovered.
     * Any {@code ttl} is accepted: one too long to expire before {@link java.time.Instant#MAX}
     * never does.
     */
    public <K, L, R> Stream<R> enrichCached(String stepId, Function<? super T, ? extends K> cacheKey,
            Function<? super K, ? extends L> getter, java.util.function.BiFunction<? super T, ? super L, ? extends R> mapper,
            Duration ttl) {
        java.util.Objects.requireNonNull(ttl, "enrichCached needs a TTL; use the overload without one for a cache"
                + " that never expires");
        return Stateful.enrichCached(this, stepId, cacheKey, getter, mapper, ttl);
    }

    /**
     * As {@link #enrichCached(String, Function, Function, java.util.function.BiFunction, Duration)}
     * with entries that never expire: each cache key is looked up once.
     */
    public <K, L, R> Stream<R> enrichCached(String stepId, Function<? super T, ? extends K> cacheKey,
            Function<? super K, ? extends L> getter, java.util.function.BiFunction<? super T, ? super L, ? extends R> mapper) {
        return Stateful.enrichCached(this, stepId, cacheKey, getter, mapper, null);
    }

    /** A sink that fails the dataflow on any item: for streams that should stay empty (errors). */
    public void raises(String stepId) {
        Stateless.raises(this, stepId);
    }

    // ---------------------------------------------------------------- stateful, on statefulBatch

    /** Counts items by {@code key}, emitting each key's count at the end of input. */
    public <K> KeyedStream<K, Long> countFinal(String stepId, Function<? super T, ? extends K> key) {
        return Stateful.countFinal(this, stepId, key);
    }

    @Override
    public String toString() {
        return "Stream(" + id + ")";
    }
}
