package dev.weft;

import dev.weft.StepException.Role;
import dev.weft.core.FunctionFailure;
import dev.weft.core.KeyTable;
import dev.weft.core.FunctionFailure;
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
            Function<S, ? extends StatefulLogic<V, W, S>> builder) {
        return up.statefulBatch(stepId, (S resume) -> new ItemByItem<>(builder, builder.apply(resume)));
    }

    /** Adapts a {@link StatefulLogic} to a {@link StatefulBatchLogic}. */
    private static final class ItemByItem<V, W, S> implements StatefulBatchLogic<V, W, S> {
        private final Function<S, ? extends StatefulLogic<V, W, S>> builder;
        private StatefulLogic<V, W, S> logic;

        ItemByItem(Function<S, ? extends StatefulLogic<V, W, S>> builder, StatefulLogic<V, W, S> logic) {
            this.builder = builder;
            this.logic = logic;
        }

        @Override
        public LogicResult<W> onBatch(List<V> values) {
            List<W> out = new ArrayList<>();
            boolean discard = false;
            for (V value : values) {
                if (discard) {
                    logic = builder.apply(null);
                }
                LogicResult<W> result;
                try {
                    result = logic.onItem(value);
                } catch (RuntimeException e) {
                    throw FunctionFailure.calling(Role.ON_ITEM, e);
                }
                if (result == null) {
                    throw new NullPointerException("on_item returned null; return LogicResult.nothing() to emit nothing"
                            + " and keep the state");
                }
                if (result.values() != null) {
                    result.values().forEach(out::add);
                }
                discard = result.discard();
            }
            return new LogicResult<>(out, discard);
        }

        @Override
        public LogicResult<W> onNotify() {
            return logic.onNotify();
        }

        @Override
        public LogicResult<W> onEof() {
            return logic.onEof();
        }

        @Override
        public Instant notifyAt() {
            return logic.notifyAt();
        }

        @Override
        public S snapshot() {
            return logic.snapshot();
        }
    }

    // ---------------------------------------------------------------- statefulMap, statefulFlatMap

    static <K, V, W, S> KeyedStream<K, W> statefulMap(KeyedStream<K, V> up, String stepId,
            BiFunction<S, ? super V, StateUpdate<S, W>> mapper) {
        return statefulFlatMap(up, stepId, (S state, V value) -> {
            StateUpdate<S, W> update = requireUpdate(mapper.apply(state, value));
            return new StateUpdate<>(update.state(), Collections.singletonList(update.emit()));
        });
    }

    /** Calls a stateful map's mapper, naming its role if it fails. */
    private static <S, V, U> U apply(BiFunction<S, ? super V, U> mapper, S state, V value) {
        try {
            return mapper.apply(state, value);
        } catch (RuntimeException e) {
            throw FunctionFailure.calling(Role.MAPPER, e);
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
        return up.statefulBatch(stepId, (S resume) -> new StatefulBatchLogic<V, W, S>() {
            private S state = resume;

            @Override
            public LogicResult<W> onBatch(List<V> values) {
                List<W> out = new ArrayList<>();
                for (V value : values) {
                    StateUpdate<S, ? extends Iterable<W>> update = requireUpdate(apply(mapper, state, value));
                    if (update.emit() == null) {
                        throw FunctionFailure.calling(Role.MAPPER, new NullPointerException("the mapper returned null"
                                + " to emit; return an empty list to emit nothing"));
                    }
                    update.emit().forEach(out::add);
                    state = update.state();
                }
                return new LogicResult<>(out, state == null);
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
        return up.statefulBatch(stepId, (S resume) -> new StatefulBatchLogic<V, S, S>() {
            private S accumulator = resume != null ? resume : initial(builder);

            @Override
            public LogicResult<S> onBatch(List<V> values) {
                try {
                    for (V value : values) {
                        accumulator = folder.apply(accumulator, value);
                    }
                } catch (RuntimeException e) {
                    throw FunctionFailure.calling(Role.FOLDER, e);
                }
                return LogicResult.nothing();
            }

            @Override
            public LogicResult<S> onEof() {
                return LogicResult.discard(Collections.singletonList(accumulator));
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
            return combined.statefulBatch("reduce", (V resume) -> new StatefulBatchLogic<V, V, V>() {
                private V accumulator = resume;

                @Override
                public LogicResult<V> onBatch(List<V> values) {
                    try {
                        for (V value : values) {
                            accumulator = accumulator == null ? value : reducer.apply(accumulator, value);
                        }
                    } catch (RuntimeException e) {
                        throw FunctionFailure.calling(Role.REDUCER, e);
                    }
                    return LogicResult.nothing();
                }

                @Override
                public LogicResult<V> onEof() {
                    return LogicResult.discard(Collections.singletonList(accumulator));
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

    /**
     * The state of one key of {@code collect}: the values so far and when the timeout ends.
     *
     * @param values the collected values
     * @param deadlineMillis when to emit a partial list, in epoch milliseconds
     */
    record CollectState(List<Object> values, long deadlineMillis) {
    }

    @SuppressWarnings("unchecked")
    static <K, V> KeyedStream<K, List<V>> collect(KeyedStream<K, V> up, String stepId, Duration timeout, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("collect step '" + stepId + "' needs a max size of at least 1; got "
                    + maxSize);
        }
        return up.statefulBatch(stepId, (CollectState resume) -> new StatefulBatchLogic<V, List<V>, CollectState>() {
            private List<V> values = resume == null ? new ArrayList<>() : new ArrayList<>((List<V>) resume.values());
            private long deadlineMillis = resume == null ? 0 : resume.deadlineMillis();

            @Override
            public LogicResult<List<V>> onBatch(List<V> batch) {
                List<List<V>> out = new ArrayList<>();
                for (V value : batch) {
                    values.add(value);
                    if (values.size() == maxSize) {
                        out.add(values);
                        values = new ArrayList<>();
                    }
                }
                deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
                return new LogicResult<>(out, values.isEmpty());
            }

            @Override
            public LogicResult<List<V>> onNotify() {
                return LogicResult.discard(List.of(values));
            }

            @Override
            public LogicResult<List<V>> onEof() {
                return LogicResult.discard(values.isEmpty() ? List.of() : List.of(values));
            }

            @Override
            public Instant notifyAt() {
                return values.isEmpty() ? null : Instant.ofEpochMilli(deadlineMillis);
            }

            @Override
            public CollectState snapshot() {
                return new CollectState(Collections.unmodifiableList(new ArrayList<>(values)), deadlineMillis);
            }
        });
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
            return merged.statefulBatch("join", (List<List<Object>> resume) -> new JoinLogic(count, mode, resume));
        });
    }

    /** The per-key logic of a join: one list of values per side. */
    private static final class JoinLogic implements StatefulBatchLogic<Object, List<Object>, List<List<Object>>> {
        private final JoinMode mode;
        private final List<List<Object>> sides = new ArrayList<>();

        JoinLogic(int count, JoinMode mode, List<List<Object>> resume) {
            this.mode = mode;
            for (int i = 0; i < count; i++) {
                sides.add(resume == null ? new ArrayList<>() : new ArrayList<>(resume.get(i)));
            }
        }

        @Override
        public LogicResult<List<Object>> onBatch(List<Object> values) {
            List<List<Object>> out = new ArrayList<>();
            for (Object v : values) {
                Tagged t = (Tagged) v;
                List<Object> side = sides.get(t.side());
                switch (mode.insert()) {
                    case FIRST -> {
                        if (side.isEmpty()) {
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
                    out.addAll(rows());
                } else if (mode.emit() == JoinMode.Emit.COMPLETE && sides.stream().noneMatch(List::isEmpty)) {
                    out.addAll(rows());
                    sides.forEach(List::clear);
                }
            }
            boolean empty = sides.stream().allMatch(List::isEmpty);
            return new LogicResult<>(out, mode.emit() == JoinMode.Emit.COMPLETE && empty);
        }

        @Override
        public LogicResult<List<Object>> onEof() {
            if (mode.emit() == JoinMode.Emit.FINAL) {
                return LogicResult.discard(rows());
            }
            return LogicResult.nothing();
        }

        /** The cross product of the sides, a missing side giving {@code null}. */
        private List<List<Object>> rows() {
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
            return rows;
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
