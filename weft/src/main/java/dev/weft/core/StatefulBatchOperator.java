package dev.weft.core;

import dev.weft.KeyValue;
import dev.weft.LogicResult;
import dev.weft.StatefulBatchLogic;
import dev.weft.StepException;
import dev.weft.codec.Codec;
import dev.weft.codec.CodecRegistry;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import dev.weft.codec.StableHash;
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
import java.util.LinkedHashMap;
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
 * system time: the operator wakes itself at the earliest time any key asked for.
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
        return StableHash.hash(((KeyValue<?, ?>) item).key());
    }

    /** The per-worker state and activation logic of one stateful step. */
    private static final class Logic {
        private final CoreStep.StatefulBatch step;
        private final int worker;
        private final InputHandle<Object> input;
        private final OutputHandle<Object> output;
        private final Capability capability;
        private final Options options;
        private final Scope scope;
        private final Codec<Object> stateCodec;
        private final TreeMap<Long, List<KeyValue<Object, Object>>> pending = new TreeMap<>();
        private final Map<Object, StatefulBatchLogic<Object, Object, Object>> logics = new HashMap<>();
        private final Map<Object, Instant> schedule = new HashMap<>();
        private final PriorityQueue<Scheduled> wakeups = new PriorityQueue<>();
        private final Runnable activate;
        private final Runnable onTimer = this::onTimer;
        private Instant armedFor;

        Logic(CoreStep.StatefulBatch step, int worker, InputHandle<Object> input, OutputHandle<Object> output,
                Capability capability, Options options, Scope scope, Runnable activate) {
            this.activate = activate;
            this.step = step;
            this.worker = worker;
            this.input = input;
            this.output = output;
            this.capability = capability;
            this.options = options;
            this.scope = scope;
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
            fireNotifications();
            if (frontier.isEmpty()) {
                for (Object key : new ArrayList<>(logics.keySet())) {
                    StatefulBatchLogic<Object, Object, Object> logic = logics.get(key);
                    LogicResult<Object> result = call(key, "on_eof", () -> logic.onEof());
                    emit(capability.time(), key, result);
                    if (result.discard()) {
                        logics.remove(key);
                    }
                }
                logics.clear();
                schedule.clear();
                wakeups.clear();
                capability.drop();
                return;
            }
            long next = pending.isEmpty() ? frontierEpoch : Math.min(frontierEpoch, pending.firstKey());
            if (next > capability.time()) {
                capability.downgrade(next);
            }
            armWakeup();
        }

        private void applyEpoch(long epoch, List<KeyValue<Object, Object>> items) {
            Map<Object, List<Object>> byKey = new LinkedHashMap<>();
            for (KeyValue<Object, Object> kv : items) {
                byKey.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value());
            }
            for (Map.Entry<Object, List<Object>> entry : byKey.entrySet()) {
                Object key = entry.getKey();
                StatefulBatchLogic<Object, Object, Object> logic = logics.get(key);
                if (logic == null) {
                    logic = call(key, "builder", () -> step.builder().apply(null));
                    logics.put(key, logic);
                }
                StatefulBatchLogic<Object, Object, Object> current = logic;
                LogicResult<Object> result = call(key, "on_batch", () -> current.onBatch(entry.getValue()));
                emit(epoch, key, result);
                afterCallback(key, current, result);
            }
        }

        private void fireNotifications() {
            Instant now = Instant.now();
            while (!wakeups.isEmpty() && !wakeups.peek().at().isAfter(now)) {
                Scheduled due = wakeups.poll();
                if (!due.at().equals(schedule.get(due.key()))) {
                    continue; // superseded
                }
                schedule.remove(due.key());
                StatefulBatchLogic<Object, Object, Object> logic = logics.get(due.key());
                if (logic == null) {
                    continue;
                }
                LogicResult<Object> result = call(due.key(), "on_notify", logic::onNotify);
                emit(capability.time(), due.key(), result);
                afterCallback(due.key(), logic, result);
            }
        }

        private void afterCallback(Object key, StatefulBatchLogic<Object, Object, Object> logic, LogicResult<Object> result) {
            if (result.discard()) {
                logics.remove(key);
                schedule.remove(key);
                return;
            }
            Instant at = call(key, "notify_at", logic::notifyAt);
            if (at != null && !at.equals(schedule.get(key))) {
                schedule.put(key, at);
                wakeups.add(new Scheduled(at, key));
            }
            if (stateCodec != null) {
                restoreFromSnapshot(key, logic);
            }
        }

        /** Test mode: replaces the logic by one rebuilt from its encoded and decoded snapshot. */
        private void restoreFromSnapshot(Object key, StatefulBatchLogic<Object, Object, Object> logic) {
            Object state = call(key, "snapshot", logic::snapshot);
            Encoder out = new Encoder();
            stateCodec.encode(state, out);
            Object restored = stateCodec.decode(new Decoder(out.toByteArray()));
            logics.put(key, call(key, "builder", () -> step.builder().apply(restored)));
        }

        private void emit(long epoch, Object key, LogicResult<Object> result) {
            Iterable<Object> values = result.values();
            if (values == null) {
                return;
            }
            for (Object value : values) {
                output.giveAt(epoch, new KeyValue<>(key, value));
            }
        }

        private void armWakeup() {
            while (!wakeups.isEmpty() && !wakeups.peek().at().equals(schedule.get(wakeups.peek().key()))) {
                wakeups.poll();
            }
            if (wakeups.isEmpty()) {
                return;
            }
            Instant at = wakeups.peek().at();
            if (at.equals(armedFor)) {
                return;
            }
            armedFor = at;
            long delayNanos = Math.max(0, java.time.Duration.between(Instant.now(), at).toNanos());
            scope.worker().activateAfter(delayNanos, onTimer);
        }

        private void onTimer() {
            armedFor = null;
            activate.run();
        }

        private <R> R call(Object key, String function, java.util.function.Supplier<R> body) {
            try {
                return body.get();
            } catch (RuntimeException | Error e) {
                throw StepException.at(step.stepId(), worker, function, StepException.forKey(function, key, e));
            }
        }
    }

    /**
     * A key's requested notification time.
     *
     * @param at when
     * @param key the key
     */
    private record Scheduled(Instant at, Object key) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            return at.compareTo(other.at);
        }
    }
}
