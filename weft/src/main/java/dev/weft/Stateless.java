package dev.weft;

import dev.weft.codec.StableHash;
import dev.weft.io.DynamicSink;
import dev.weft.io.StatelessSinkPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The stateless derived operators, each a few lines over the core operators
 * {@code flatMapBatch}, {@code inspectDebug} and {@code output}.
 */
final class Stateless {

    private Stateless() {
    }

    @SuppressWarnings("unchecked")
    static <T, R> Stream<R> map(Stream<T> up, String stepId, Function<? super T, ? extends R> mapper) {
        return up.flatMapBatch(stepId, items -> {
            List<Object> same = (List<Object>) (List<?>) items;
            int n = items.size();
            try {
                for (int i = 0; i < n; i++) {
                    same.set(i, mapper.apply(items.get(i)));
                }
            } catch (RuntimeException e) {
                throw role("mapper", e);
            }
            return (List<R>) same;
        });
    }

    /** A user function's failure, naming its role unless an inner operator already did. */
    private static StepException role(String function, RuntimeException e) {
        return e instanceof StepException step ? step : StepException.calling(function, e);
    }

    static <T> Stream<T> filter(Stream<T> up, String stepId, Predicate<? super T> predicate) {
        return up.flatMapBatch(stepId, items -> {
            int n = items.size();
            int kept = 0;
            try {
                for (int i = 0; i < n; i++) {
                    T item = items.get(i);
                    if (predicate.test(item)) {
                        items.set(kept++, item);
                    }
                }
            } catch (RuntimeException e) {
                throw role("predicate", e);
            }
            items.subList(kept, n).clear();
            return items;
        });
    }

    @SuppressWarnings("unchecked")
    static <T, R> Stream<R> filterMap(Stream<T> up, String stepId, Function<? super T, Optional<R>> mapper) {
        return up.flatMapBatch(stepId, items -> {
            List<Object> same = (List<Object>) (List<?>) items;
            int n = items.size();
            int kept = 0;
            for (int i = 0; i < n; i++) {
                Optional<R> result = mapper.apply(items.get(i));
                if (result.isPresent()) {
                    same.set(kept++, result.get());
                }
            }
            same.subList(kept, n).clear();
            return (List<R>) same;
        });
    }

    static <T, R> Stream<R> flatMap(Stream<T> up, String stepId, Function<? super T, ? extends Iterable<? extends R>> mapper) {
        return up.flatMapBatch(stepId, items -> {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                for (R r : mapper.apply(item)) {
                    out.add(r);
                }
            }
            return out;
        });
    }

    @SuppressWarnings("unchecked")
    static <T, R> Stream<R> flatten(Stream<T> up, String stepId) {
        return flatMap(up, stepId, item -> {
            if (!(item instanceof Iterable<?> iterable)) {
                throw new IllegalArgumentException("flatten expects items that are Iterable; got "
                        + (item == null ? "null" : item.getClass().getName() + " " + item));
            }
            return (Iterable<R>) iterable;
        });
    }

    static <T> Stream<T> inspect(Stream<T> up, String stepId, BiConsumer<String, ? super T> inspector) {
        return up.inspectDebug(stepId, (step, item, epoch, worker) -> inspector.accept(step, item));
    }

    static <T, K> KeyedStream<K, T> keyOn(Stream<T> up, String stepId, Function<? super T, ? extends K> key) {
        KeyCheck check = new KeyCheck();
        Stream<KeyValue<K, T>> keyed = map(up, stepId, item -> {
            try {
                K k = key.apply(item);
                check.requireStable(k, item);
                return new KeyValue<>(k, item);
            } catch (RuntimeException e) {
                throw role("key function", e);
            }
        });
        return new KeyedStream<>(keyed);
    }

    static <K, V, W> KeyedStream<K, W> mapValue(KeyedStream<K, V> up, String stepId, Function<? super V, ? extends W> mapper) {
        return new KeyedStream<>(map(up.asStream(), stepId, kv -> {
            try {
                return new KeyValue<>(kv.key(), mapper.apply(kv.value()));
            } catch (RuntimeException e) {
                throw StepException.forKey("mapper", kv.key(), e);
            }
        }));
    }

    static <K, V, W> KeyedStream<K, W> flatMapValue(KeyedStream<K, V> up, String stepId,
            Function<? super V, ? extends Iterable<? extends W>> mapper) {
        return new KeyedStream<>(flatMap(up.asStream(), stepId, kv -> {
            List<KeyValue<K, W>> out = new ArrayList<>();
            try {
                for (W w : mapper.apply(kv.value())) {
                    out.add(new KeyValue<>(kv.key(), w));
                }
            } catch (RuntimeException e) {
                throw StepException.forKey("mapper", kv.key(), e);
            }
            return out;
        }));
    }

    static <K, V> KeyedStream<K, V> filterValue(KeyedStream<K, V> up, String stepId, Predicate<? super V> predicate) {
        return new KeyedStream<>(filter(up.asStream(), stepId, kv -> {
            try {
                return predicate.test(kv.value());
            } catch (RuntimeException e) {
                throw StepException.forKey("predicate", kv.key(), e);
            }
        }));
    }

    static <K, V, W> KeyedStream<K, W> filterMapValue(KeyedStream<K, V> up, String stepId,
            Function<? super V, Optional<W>> mapper) {
        return new KeyedStream<>(filterMap(up.asStream(), stepId, kv -> {
            try {
                return mapper.apply(kv.value()).map(w -> new KeyValue<>(kv.key(), w));
            } catch (RuntimeException e) {
                throw StepException.forKey("mapper", kv.key(), e);
            }
        }));
    }

    static <T> void raises(Stream<T> up, String stepId) {
        // The runtime names the step (its full id, also inside a composite operator) and the worker.
        up.output(stepId, (DynamicSink<T>) (worker, workers) -> new StatelessSinkPartition<>() {
            @Override
            public void writeBatch(List<T> items) {
                throw new IllegalStateException("a raises step received an item, which it must never do: "
                        + items.get(0));
            }
        });
    }

    /** Checks that keys have a stable hash, once per key class (a benign race between workers). */
    private static final class KeyCheck {
        private volatile Class<?> lastChecked;

        void requireStable(Object key, Object item) {
            if (key == null) {
                throw new IllegalArgumentException("key function returned null for item " + item
                        + "; return a non-null key");
            }
            if (key.getClass() != lastChecked) {
                StableHash.hash(key);
                lastChecked = key.getClass();
            }
        }
    }
}
