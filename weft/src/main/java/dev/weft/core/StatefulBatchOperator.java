package dev.weft.core;

import dev.weft.KeyValue;
import dev.weft.LogicResult;
import dev.weft.StatefulBatchLogic;
import dev.weft.StepException;
import dev.weft.StepException.Role;
import dev.weft.codec.Codec;
import dev.weft.codec.CodecRegistry;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import dev.weft.codec.StableKey;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.OutputHandle;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.progress.LongAntichain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs a {@code statefulBatch} step on the engine: items are exchanged by key, and each key's
 * {@link StatefulBatchLogic} is called on the worker that owns the key.
 *
 * <p>Items are applied in epoch order: those of an epoch before the input frontier at once, those
 * of the frontier's epoch eagerly, later ones once the frontier reaches them. The operator holds
 * one capability at the frontier (or the earliest buffered epoch), with which it emits what
 * notifications and end of input produce; it drops it after {@code onEof}. Notifications use
 * system time: the operator wakes itself at the earliest time any key asked for; each schedule
 * fires once, and a {@code null} from {@code notifyAt} keeps the previous one.
 *
 * <p>Keys are told apart by their stable hash and {@code equals} (by content for {@code byte[]}),
 * never by {@code hashCode()}, which a key type may not define consistently.
 */
final class StatefulBatchOperator {

    private StatefulBatchOperator() {
    }

    /** Options that change how state is handled, for tests. */
    record Options(boolean restoreEveryBatch, CodecRegistry codecs) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Stream<Object> build(Scope scope, CoreStep.StatefulBatch step, Stream<Object> up, Options options) {
        OperatorBuilder builder = scope.operator(step.stepId());
        InputHandle<Object> input = builder.input(up, Pact.exchange(StatefulBatchOperator::keyHash));
        OutputHandle<Object> output = builder.output();
        int worker = scope.worker().index();
        Runnable activate = builder.activator();
        builder.build(capabilities -> {
            Logic logic = new Logic(step, worker, input, output, capabilities.get(0), options, scope, activate);
            return logic::run;
        });
        return output.stream();
    }

    private static long keyHash(Object item) {
        return ((KeyValue<?, ?>) item).keyHash();
    }

    /** The per-worker state and activation logic of one stateful step. */
    private static final class Logic {
        private final CoreStep.StatefulBatch step;
        private final int worker;
        private final InputHandle<Object> input;
        private final OutputHandle<Object> output;
        private final Capability capability;
        private final Options options;
        private final Codec<Object> stateCodec;
        private final TreeMap<Long, List<KeyValue<Object, Object>>> pending = new TreeMap<>();
        /** Every live key's logic, and the values it gets in the epoch being applied. */
        private final Map<StableKey, Entry> logics = new HashMap<>();
        private final List<Entry> touched = new ArrayList<>();
        private final Map<StableKey, Instant> schedule = new HashMap<>();
        private final PriorityQueue<Scheduled> wakeups = new PriorityQueue<>();
        private final Wakeups timer;

        Logic(CoreStep.StatefulBatch step, int worker, InputHandle<Object> input, OutputHandle<Object> output,
                Capability capability, Options options, Scope scope, Runnable activate) {
            this.timer = new Wakeups(scope, activate);
            this.step = step;
            this.worker = worker;
            this.input = input;
            this.output = output;
            this.capability = capability;
            this.options = options;
            this.stateCodec = options.restoreEveryBatch()
                    ? options.codecs().valueCodec("state of step '" + step.stepId() + "'") : null;
        }

        @SuppressWarnings("unchecked")
        void run() {
            input.forEach(batch -> {
                List<KeyValue<Object, Object>> items = pending.computeIfAbsent(batch.time(), t -> new ArrayList<>());
                for (int i = 0; i < batch.size(); i++) {
                    items.add((KeyValue<Object, Object>) batch.get(i));
                }
            });
            if (!capability.isValid()) {
                return;
            }
            LongAntichain frontier = input.frontier();
            long frontierEpoch = frontier.isEmpty() ? Long.MAX_VALUE : frontier.get(0);
            while (!pending.isEmpty() && pending.firstKey() <= frontierEpoch) {
                Map.Entry<Long, List<KeyValue<Object, Object>>> epoch = pending.pollFirstEntry();
                applyEpoch(epoch.getKey(), epoch.getValue());
            }
            if (!frontier.isEmpty()) {
                // Before notifications, so that what they emit comes at or after the epochs just applied.
                long next = pending.isEmpty() ? frontierEpoch : Math.min(frontierEpoch, pending.firstKey());
                if (next > capability.time()) {
                    capability.downgrade(next);
                }
            }
            fireNotifications();
            if (frontier.isEmpty()) {
                for (Map.Entry<StableKey, Entry> entry : logics.entrySet()) {
                    StableKey key = entry.getKey();
                    StatefulBatchLogic<Object, Object, Object> logic = entry.getValue().logic;
                    LogicResult<Object> result = callback(key, Role.ON_EOF, logic::onEof);
                    emit(capability.time(), key, result);
                }
                logics.clear();
                schedule.clear();
                wakeups.clear();
                capability.drop();
                return;
            }
            armWakeup();
        }

        /** Applies one epoch's items: one table lookup per item, then one {@code onBatch} per key. */
        private void applyEpoch(long epoch, List<KeyValue<Object, Object>> items) {
            for (KeyValue<Object, Object> kv : items) {
                StableKey key = new StableKey(kv.key());
                Entry entry = logics.get(key);
                if (entry == null) {
                    entry = new Entry(key, build(key, null));
                    logics.put(key, entry);
                }
                if (entry.values == null) {
                    entry.values = new ArrayList<>();
                    touched.add(entry);
                }
                entry.values.add(kv.value());
            }
            for (Entry entry : touched) {
                List<Object> values = entry.values;
                entry.values = null;
                StatefulBatchLogic<Object, Object, Object> logic = entry.logic;
                LogicResult<Object> result = callback(entry.key, Role.ON_BATCH, () -> logic.onBatch(values));
                emit(epoch, entry.key, result);
                afterCallback(entry.key, logic, result);
            }
            touched.clear();
        }

        private void fireNotifications() {
            Instant now = Instant.now();
            List<Scheduled> due = new ArrayList<>();
            while (!wakeups.isEmpty() && !wakeups.peek().at().isAfter(now)) {
                due.add(wakeups.poll());
            }
            // A logic that asks again for a time already past is notified in the next activation, not in a loop here.
            for (Scheduled next : due) {
                StableKey key = next.key();
                if (!next.at().equals(schedule.get(key))) {
                    continue; // superseded, or already fired
                }
                schedule.remove(key);
                Entry entry = logics.get(key);
                if (entry == null) {
                    continue;
                }
                StatefulBatchLogic<Object, Object, Object> logic = entry.logic;
                LogicResult<Object> result = callback(key, Role.ON_NOTIFY, logic::onNotify);
                emit(capability.time(), key, result);
                afterCallback(key, logic, result);
            }
        }

        private void afterCallback(StableKey key, StatefulBatchLogic<Object, Object, Object> logic,
                LogicResult<Object> result) {
            if (result.discard()) {
                logics.remove(key);
                schedule.remove(key);
                return;
            }
            Instant at = call(key, Role.NOTIFY_AT, logic::notifyAt);
            if (at != null && !at.equals(schedule.get(key))) {
                schedule.put(key, at);
                wakeups.add(new Scheduled(at, key));
            }
            if (stateCodec != null) {
                restoreFromSnapshot(key, logic);
            }
        }

        /** Test mode: replaces the logic by one rebuilt from its encoded and decoded snapshot. */
        private void restoreFromSnapshot(StableKey key, StatefulBatchLogic<Object, Object, Object> logic) {
            Object restored = call(key, Role.SNAPSHOT, () -> {
                Object state = logic.snapshot();
                Encoder out = new Encoder();
                stateCodec.encode(state, out);
                return stateCodec.decode(new Decoder(out.toByteArray()));
            });
            logics.get(key).logic = build(key, restored);
        }

        private StatefulBatchLogic<Object, Object, Object> build(StableKey key, Object resumeState) {
            StatefulBatchLogic<Object, Object, Object> logic = call(key, Role.BUILDER, () -> step.builder().apply(resumeState));
            if (logic == null) {
                throw failure(key, Role.BUILDER, new NullPointerException("the builder returned null; return a logic"));
            }
            return logic;
        }

        private void emit(long epoch, StableKey key, LogicResult<Object> result) {
            Iterable<Object> values = result.values();
            if (values == null) {
                return;
            }
            for (Object value : values) {
                output.giveAt(epoch, new KeyValue<>(key.key(), value));
            }
        }

        private void armWakeup() {
            while (!wakeups.isEmpty() && !wakeups.peek().at().equals(schedule.get(wakeups.peek().key()))) {
                wakeups.poll();
            }
            if (wakeups.isEmpty()) {
                return;
            }
            timer.arm(wakeups.peek().at());
        }

        /** Calls a callback of the key's logic, which must return a result. */
        private LogicResult<Object> callback(StableKey key, Role function,
                java.util.function.Supplier<LogicResult<Object>> body) {
            LogicResult<Object> result = call(key, function, body);
            if (result == null) {
                throw failure(key, function, new NullPointerException(function
                        + " returned null; return LogicResult.nothing() to emit nothing and keep the state"));
            }
            return result;
        }

        private <R> R call(StableKey key, Role function, java.util.function.Supplier<R> body) {
            try {
                return body.get();
            } catch (RuntimeException | Error e) {
                throw failure(key, function, e);
            }
        }

        private StepException failure(StableKey key, Role function, Throwable cause) {
            return Failures.forKey(step.stepId(), worker, function, key.key(), cause);
        }
    }

    /** A live key's logic, and the values gathered for it in the epoch being applied ({@code null} if none). */
    private static final class Entry {
        final StableKey key;
        StatefulBatchLogic<Object, Object, Object> logic;
        List<Object> values;

        Entry(StableKey key, StatefulBatchLogic<Object, Object, Object> logic) {
            this.key = key;
            this.logic = logic;
        }
    }


    /**
     * A key's requested notification time.
     *
     * @param at when
     * @param key the key
     */
    private record Scheduled(Instant at, StableKey key) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            return at.compareTo(other.at);
        }
    }
}
