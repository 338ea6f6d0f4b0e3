package dev.weft;

import dev.weft.StepException.Role;
import dev.weft.core.FunctionFailure;
import dev.weft.core.KeyTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The stateful derived operators, each written over the core operator {@code statefulBatch}
 * (and {@code flatMapBatch} for combiners), in plain view.
 */
final class Stateful {

    private Stateful() {
    }

    // ---------------------------------------------------------------- stateful (item by item)

    static <K, V, W, S> KeyedStream<K, W> stateful(KeyedStream<K, V> up, String stepId,
            Function<S, ? extends StatefulLogic<K, V, W, S>> builder) {
        return up.statefulBatch(stepId, (S resume) -> new ItemByItem<>(builder, builder.apply(resume)));
    }

    /** Adapts a {@link StatefulLogic} to a {@link StatefulBatchLogic}. */
    private static final class ItemByItem<K, V, W, S> implements StatefulBatchLogic<K, V, W, S> {
        private final Function<S, ? extends StatefulLogic<K, V, W, S>> builder;
        private StatefulLogic<K, V, W, S> logic;
        private DiscardWatch<K, W> watch;

        ItemByItem(Function<S, ? extends StatefulLogic<K, V, W, S>> builder, StatefulLogic<K, V, W, S> logic) {
            this.builder = builder;
            this.logic = logic;
        }

        @Override
        public void onBatch(List<V> values, StatefulContext<K, W> context) {
            if (watch == null) {
                watch = new DiscardWatch<>();
            }
            watch.context = context;
            for (int i = 0; i < values.size(); i++) {
                watch.discarded = false;
                try {
                    logic.onItem(values.get(i), watch);
                } catch (RuntimeException e) {
                    throw FunctionFailure.calling(Role.ON_ITEM, e);
                }
                if (watch.discarded) {
                    if (i == values.size() - 1) {
                        context.discard();
                    } else {
                        // The next value starts afresh, as it would in a batch of its own.
                        context.cancelTimers();
                        logic = requireLogic(builder.apply(null));
                    }
                }
            }
        }

        private static <L> L requireLogic(L logic) {
            if (logic == null) {
                throw new NullPointerException("the builder returned null; return a logic");
            }
            return logic;
        }

        @Override
        public void onProcessingTimer(Instant time, StatefulContext<K, W> context) {
            logic.onProcessingTimer(time, context);
        }

        @Override
        public void onEventTimer(long time, StatefulContext<K, W> context) {
            logic.onEventTimer(time, context);
        }

        @Override
        public void onEof(StatefulContext<K, W> context) {
            logic.onEof(context);
        }

        @Override
        public S snapshot() {
            return logic.snapshot();
        }
    }

    /** Passes a context through, noting whether the callback discarded its key. */
    private static final class DiscardWatch<K, W> implements StatefulContext<K, W> {
        StatefulContext<K, W> context;
        boolean discarded;

        @Override
        public K key() {
            return context.key();
        }

        @Override
        public void emit(W value) {
            context.emit(value);
        }

        @Override
        public void discard() {
            discarded = true;
        }

        @Override
        public Instant now() {
            return context.now();
        }

        @Override
        public long watermark() {
            return context.watermark();
        }

        @Override
        public void setProcessingTimer(Instant time) {
            context.setProcessingTimer(time);
        }

        @Override
        public void cancelProcessingTimer(Instant time) {
            context.cancelProcessingTimer(time);
        }

        @Override
        public void setEventTimer(long time) {
            context.setEventTimer(time);
        }

        @Override
        public void cancelEventTimer(long time) {
            context.cancelEventTimer(time);
        }

        @Override
        public void cancelTimers() {
            context.cancelTimers();
        }
    }

    // ---------------------------------------------------------------- statefulMap, statefulFlatMap

    static <K, V, W, S> KeyedStream<K, W> statefulMap(KeyedStream<K, V> up, String stepId,
            BiFunction<S, ? super V, StateUpdate<S, W>> mapper) {
        return up.statefulBatch(stepId, (S resume) -> new StatefulBatchLogic<K, V, W, S>() {
            private S state = resume;

            @Override
            public void onBatch(List<V> values, StatefulContext<K, W> context) {
                for (V value : values) {
                    StateUpdate<S, W> update =
                            requireUpdate(calling(Role.MAPPER, context, () -> mapper.apply(state, value)));
                    context.emit(update.emit());
                    state = update.state();
                }
                if (state == null) {
                    context.discard();
                }
            }

            @Override
            public S snapshot() {
                return state;
            }
        });
    }

    /** Calls a user function of a derived operator, naming its role and the key if it fails. */
    private static <R> R calling(Role role, StatefulContext<?, ?> context, Supplier<R> function) {
        try {
            return function.get();
        } catch (RuntimeException e) {
            throw FunctionFailure.forKey(role, context.key(), e);
        }
    }

    private static <U extends StateUpdate<?, ?>> U requireUpdate(U update) {
        if (update == null) {
            throw FunctionFailure.calling(Role.MAPPER, new NullPointerException("the mapper returned null; return StateUpdate.of(newState, emit), with a"
                    + " null state to discard the key's state"));
        }
        return update;
    }

    static <K, V, W, S> KeyedStream<K, W> statefulFlatMap(KeyedStream<K, V> up, String stepId,
            BiFunction<S, ? super V, StateUpdate<S, ? extends Iterable<W>>> mapper) {
        return up.statefulBatch(stepId, (S resume) -> new StatefulBatchLogic<K, V, W, S>() {
            private S state = resume;

            @Override
            public void onBatch(List<V> values, StatefulContext<K, W> context) {
                for (V value : values) {
                    StateUpdate<S, ? extends Iterable<W>> update =
                            requireUpdate(calling(Role.MAPPER, context, () -> mapper.apply(state, value)));
                    if (update.emit() == null) {
                        throw FunctionFailure.calling(Role.MAPPER, new NullPointerException("the mapper returned null"
                                + " to emit; return an empty list to emit nothing"));
                    }
                    for (W out : update.emit()) {
                        context.emit(out);
                    }
                    state = update.state();
                }
                if (state == null) {
                    context.discard();
                }
            }

            @Override
            public S snapshot() {
                return state;
            }
        });
    }

    // ---------------------------------------------------------------- *Final aggregates

    static <K, V, S> KeyedStream<K, S> foldFinal(KeyedStream<K, V> up, String stepId, Supplier<S> builder,
            BiFunction<S, ? super V, S> folder) {
        return up.statefulBatch(stepId, (S resume) -> new StatefulBatchLogic<K, V, S, S>() {
            private S accumulator = resume != null ? resume : builder.get();

            @Override
            public void onBatch(List<V> values, StatefulContext<K, S> context) {
                for (V value : values) {
                    accumulator = calling(Role.FOLDER, context, () -> folder.apply(accumulator, value));
                }
            }

            @Override
            public void onEof(StatefulContext<K, S> context) {
                context.emit(accumulator);
            }

            @Override
            public S snapshot() {
                return accumulator;
            }
        });
    }

    private static <S> S initial(Supplier<S> builder) {
        try {
            return builder.get();
        } catch (RuntimeException e) {
            throw FunctionFailure.calling(Role.BUILDER, e);
        }
    }

    static <K, V> KeyedStream<K, V> reduceFinal(KeyedStream<K, V> up, String stepId, BinaryOperator<V> reducer) {
        return up.flow().operator(stepId, "reduce_final", () -> {
            KeyedStream<K, V> combined = new KeyedStream<>(up.asStream().flatMapBatch("combine", items -> {
                // Grouped by each pair's stable hash (computed when the pair was made) and key equality, never by
                // hashCode(); each key's first pair moves to the front of the batch, the running values beside.
                int n = items.size();
                KeyTable<int[]> firstAt = new KeyTable<>(n);
                Object[] running = new Object[n];
                boolean[] combinedAt = new boolean[n];
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    KeyValue<K, V> kv = items.get(i);
                    int[] at = firstAt.get(kv.keyHash(), kv.key());
                    if (at == null) {
                        firstAt.put(kv.keyHash(), kv.key(), new int[] {kept});
                        running[kept] = kv.value();
                        items.set(kept++, kv);
                        continue;
                    }
                    try {
                        @SuppressWarnings("unchecked")
                        V sofar = (V) running[at[0]];
                        running[at[0]] = reducer.apply(sofar, kv.value());
                        combinedAt[at[0]] = true;
                    } catch (RuntimeException e) {
                        throw FunctionFailure.forKey(Role.REDUCER, kv.key(), e);
                    }
                }
                for (int j = 0; j < kept; j++) {
                    if (combinedAt[j]) {
                        @SuppressWarnings("unchecked")
                        V value = (V) running[j];
                        items.set(j, items.get(j).withValue(value));
                    }
                }
                items.subList(kept, n).clear();
                return items;
            }));
            return combined.statefulBatch("reduce", (V resume) -> new StatefulBatchLogic<K, V, V, V>() {
                private V accumulator = resume;

                @Override
                public void onBatch(List<V> values, StatefulContext<K, V> context) {
                    for (V value : values) {
                        accumulator = accumulator == null ? value
                                : calling(Role.REDUCER, context, () -> reducer.apply(accumulator, value));
                    }
                }

                @Override
                public void onEof(StatefulContext<K, V> context) {
                    context.emit(accumulator);
                }

                @Override
                public V snapshot() {
                    return accumulator;
                }
            });
        });
    }


    static <T, K> KeyedStream<K, Long> countFinal(Stream<T> up, String stepId, Function<? super T, ? extends K> key) {
        return up.flow().operator(stepId, "count_final", () -> up
                .<K>keyOn("key", key)
                .mapValue("one", item -> 1L)
                .reduceFinal("sum", Long::sum));
    }

    static <K, V, C extends Comparable<? super C>> KeyedStream<K, V> maxFinal(KeyedStream<K, V> up, String stepId,
            Function<? super V, C> by) {
        return reduceFinal(up, stepId, (a, b) -> by.apply(b).compareTo(by.apply(a)) > 0 ? b : a);
    }

    static <K, V, C extends Comparable<? super C>> KeyedStream<K, V> minFinal(KeyedStream<K, V> up, String stepId,
            Function<? super V, C> by) {
        return reduceFinal(up, stepId, (a, b) -> by.apply(b).compareTo(by.apply(a)) < 0 ? b : a);
    }

    // ---------------------------------------------------------------- collect

    @SuppressWarnings("unchecked")
    static <K, V> KeyedStream<K, List<V>> collect(KeyedStream<K, V> up, String stepId, Duration timeout, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("collect step '" + stepId + "' needs a max size of at least 1; got "
                    + maxSize);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("collect step '" + stepId + "' needs a timeout of zero or more; got "
                    + timeout);
        }
        return up.statefulBatch(stepId, (List<V> resume) -> new StatefulBatchLogic<K, V, List<V>, List<V>>() {
            private List<V> values = resume == null ? new ArrayList<>() : new ArrayList<>(resume);

            @Override
            public void onBatch(List<V> batch, StatefulContext<K, List<V>> context) {
                for (V value : batch) {
                    values.add(value);
                    if (values.size() == maxSize) {
                        context.emit(values);
                        values = new ArrayList<>();
                    }
                }
                // The timeout restarts with every value.
                context.cancelTimers();
                if (values.isEmpty()) {
                    context.discard();
                } else {
                    context.setProcessingTimer(Times.plusSaturating(context.now(), timeout));
                }
            }

            @Override
            public void onProcessingTimer(Instant time, StatefulContext<K, List<V>> context) {
                context.emit(values);
                context.discard();
            }

            @Override
            public void onEof(StatefulContext<K, List<V>> context) {
                if (!values.isEmpty()) {
                    context.emit(values);
                }
            }

            @Override
            public List<V> snapshot() {
                return Collections.unmodifiableList(new ArrayList<>(values));
            }
        });
    }

    // ---------------------------------------------------------------- enrichCached

    static <T, K, L, R> Stream<R> enrichCached(Stream<T> up, String stepId, Function<? super T, ? extends K> cacheKey,
            Function<? super K, ? extends L> getter, BiFunction<? super T, ? super L, ? extends R> mapper,
            Duration ttl) {
        if (ttl != null && ttl.isNegative()) {
            throw new IllegalArgumentException("enrichCached step '" + stepId + "' needs a TTL of zero or more; got "
                    + ttl);
        }
        return up.flow().operator(stepId, "enrich_cached", () -> up
                .<K>keyOn("key", cacheKey)
                .statefulBatch("cache", (Object resume) -> new CachedLookup<K, T, L, R>(getter, mapper, ttl))
                .keyRm("value"));
    }

    /**
     * One cache key's looked-up value, kept while it is fresh: an entry loaded at t serves every item
     * until the run's clock passes t + TTL, and is dropped by a timer just after that. The cache is
     * not part of the step's state (a restore looks values up again), so the value need not be
     * encodable.
     */
    private static final class CachedLookup<K, T, L, R> implements StatefulBatchLogic<K, T, R, Object> {
        private final Function<? super K, ? extends L> getter;
        private final BiFunction<? super T, ? super L, ? extends R> mapper;
        private final Duration ttl;
        private boolean loaded;
        private L value;
        private Instant freshUntil;

        CachedLookup(Function<? super K, ? extends L> getter, BiFunction<? super T, ? super L, ? extends R> mapper,
                Duration ttl) {
            this.getter = getter;
            this.mapper = mapper;
            this.ttl = ttl;
        }

        @Override
        public void onBatch(List<T> items, StatefulContext<K, R> context) {
            if (!loaded || (freshUntil != null && context.now().isAfter(freshUntil))) {
                load(context);
            }
            for (T item : items) {
                R out;
                try {
                    out = mapper.apply(item, value);
                } catch (RuntimeException e) {
                    throw FunctionFailure.forKey(Role.MAPPER, context.key(), e);
                }
                context.emit(out);
            }
        }

        private void load(StatefulContext<K, R> context) {
            try {
                value = getter.apply(context.key());
            } catch (RuntimeException e) {
                throw FunctionFailure.forKey(Role.GETTER, context.key(), e);
            }
            loaded = true;
            context.cancelTimers();
            freshUntil = ttl == null ? null : Times.plusSaturating(context.now(), ttl);
            if (freshUntil != null && freshUntil.isBefore(Instant.MAX)) {
                context.setProcessingTimer(freshUntil.plusNanos(1));
            }
        }

        @Override
        public void onProcessingTimer(Instant time, StatefulContext<K, R> context) {
            context.discard();
        }

        @Override
        public Object snapshot() {
            return null;
        }
    }

    // ---------------------------------------------------------------- join

    /**
     * A value of one side of a join, tagged with the side's position.
     *
     * @param side the side's position in the join's arguments
     * @param value the value
     */
    record Tagged(int side, Object value) {
    }

    @SuppressWarnings("unchecked")
    static <K, V> KeyedStream<K, List<Object>> join(KeyedStream<K, V> first, String stepId, JoinMode mode,
            List<KeyedStream<K, ?>> others) {
        Dataflow flow = first.flow();
        return flow.operator(stepId, "join", () -> {
            List<Stream<KeyValue<K, Object>>> tagged = new ArrayList<>();
            List<KeyedStream<K, ?>> sides = new ArrayList<>();
            sides.add(first);
            sides.addAll(others);
            for (int i = 0; i < sides.size(); i++) {
                int side = i;
                KeyedStream<K, Object> s = (KeyedStream<K, Object>) sides.get(i);
                tagged.add(s.mapValue("tag_" + i, v -> (Object) new Tagged(side, v)).asStream());
            }
            KeyedStream<K, Object> merged = new KeyedStream<>(flow.merge("merge", tagged));
            int count = sides.size();
            return merged.statefulBatch("join", (List<List<Object>> resume) -> new JoinLogic<K>(count, mode, resume));
        });
    }

    @SuppressWarnings("unchecked")
    static <K, V, V2, R> KeyedStream<K, R> join(KeyedStream<K, V> left, String stepId, KeyedStream<K, V2> right,
            JoinMode mode, BiFunction<? super V, ? super V2, ? extends R> combiner) {
        return left.flow().operator(stepId, "join", () -> new KeyedStream<>(join(left, "rows", mode, List.of(right))
                .asStream().map("combine", row -> {
                    try {
                        R combined = combiner.apply((V) row.value().get(0), (V2) row.value().get(1));
                        return KeyValue.of(row.key(), combined);
                    } catch (RuntimeException e) {
                        throw FunctionFailure.forKey(Role.COMBINER, row.key(), e);
                    }
                })));
    }

    /** The per-key logic of a join: one list of values per side. */
    private static final class JoinLogic<K> implements StatefulBatchLogic<K, Object, List<Object>, List<List<Object>>> {
        private final JoinMode mode;
        private final List<List<Object>> sides = new ArrayList<>();

        JoinLogic(int count, JoinMode mode, List<List<Object>> resume) {
            this.mode = mode;
            for (int i = 0; i < count; i++) {
                sides.add(resume == null ? new ArrayList<>() : new ArrayList<>(resume.get(i)));
            }
        }

        @Override
        public void onBatch(List<Object> values, StatefulContext<K, List<Object>> context) {
            for (Object v : values) {
                Tagged t = (Tagged) v;
                List<Object> side = sides.get(t.side());
                boolean kept = true;
                switch (mode.insert()) {
                    case FIRST -> {
                        kept = side.isEmpty();
                        if (kept) {
                            side.add(t.value());
                        }
                    }
                    case LAST -> {
                        side.clear();
                        side.add(t.value());
                    }
                    case PRODUCT -> side.add(t.value());
                }
                if (mode.emit() == JoinMode.Emit.RUNNING) {
                    emitRows(context);
                } else if (mode.emit() == JoinMode.Emit.INCREMENTAL && kept) {
                    emitNewRows(t, side, context);
                } else if (mode.emit() == JoinMode.Emit.COMPLETE && sides.stream().noneMatch(List::isEmpty)) {
                    emitRows(context);
                    sides.forEach(List::clear);
                }
            }
            if (mode.emit() == JoinMode.Emit.COMPLETE && sides.stream().allMatch(List::isEmpty)) {
                context.discard();
            }
        }

        @Override
        public void onEof(StatefulContext<K, List<Object>> context) {
            if (mode.emit() == JoinMode.Emit.FINAL) {
                emitRows(context);
            }
        }

        /**
         * Emits the rows the value just kept on {@code t}'s side completes: that value with the
         * cross product of the other sides, nothing while one of them is empty.
         */
        private void emitNewRows(Tagged t, List<Object> side, StatefulContext<K, List<Object>> context) {
            if (sides.stream().anyMatch(List::isEmpty)) {
                return;
            }
            List<List<Object>> rows = new ArrayList<>();
            rows.add(new ArrayList<>());
            for (int i = 0; i < sides.size(); i++) {
                List<Object> values = i == t.side() ? List.of(side.get(side.size() - 1)) : sides.get(i);
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> row : rows) {
                    for (Object value : values) {
                        List<Object> r = new ArrayList<>(row);
                        r.add(value);
                        next.add(r);
                    }
                }
                rows = next;
            }
            rows.forEach(context::emit);
        }

        /** Emits the cross product of the sides, a missing side giving {@code null}. */
        private void emitRows(StatefulContext<K, List<Object>> context) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(new ArrayList<>());
            for (List<Object> side : sides) {
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> row : rows) {
                    if (side.isEmpty()) {
                        List<Object> r = new ArrayList<>(row);
                        r.add(null);
                        next.add(r);
                    }
                    for (Object value : side) {
                        List<Object> r = new ArrayList<>(row);
                        r.add(value);
                        next.add(r);
                    }
                }
                rows = next;
            }
            rows.forEach(context::emit);
        }

        @Override
        public List<List<Object>> snapshot() {
            List<List<Object>> copy = new ArrayList<>();
            for (List<Object> side : sides) {
                copy.add(Collections.unmodifiableList(new ArrayList<>(side)));
            }
            return copy;
        }
    }
}
