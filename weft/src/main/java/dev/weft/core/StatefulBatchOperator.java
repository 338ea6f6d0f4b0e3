package dev.weft.core;

import dev.weft.KeyValue;
import dev.weft.StatefulBatchLogic;
import dev.weft.StepException;
import dev.weft.StepException.Role;
import dev.weft.codec.Codec;
import dev.weft.codec.CodecRegistry;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.OutputHandle;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.progress.LongAntichain;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Runs a {@code statefulBatch} step on the engine: items are exchanged by key, and each key's
 * {@link StatefulBatchLogic} is called on the worker that owns the key, with a context through which
 * it emits, discards, and sets timers that this operator owns.
 *
 * <p>Each activation applies, in order: the values of every epoch the input frontier has reached
 * (those of the frontier's own epoch eagerly), one {@code onBatch} per key and epoch; then the due
 * event-time timers (the input watermark reached their time) and the due processing-time timers
 * (the run's clock reached theirs), each kind in time order; then, once the input has ended,
 * {@code onEof} for every live key. The operator holds one capability at the frontier (or the
 * earliest buffered epoch), with which it emits what timers and end of input produce, and at most
 * one engine timer, at its earliest processing-time deadline ({@link DeadlineWakeup}); per-key
 * timers live in its own {@link TimerQueue}.
 *
 * <p>Keys are told apart by their stable hash and {@code equals} (by content for {@code byte[]}),
 * never by {@code hashCode()}, which a key type may not define consistently.
 */
final class StatefulBatchOperator {

    private StatefulBatchOperator() {
    }

    /**
     * Options for how the step runs.
     *
     * @param restoreEveryBatch for tests: rebuild each key's logic and timers from their encoded
     *     snapshot after every callback
     * @param codecs the registry for state round trips
     */
    record Options(boolean restoreEveryBatch, CodecRegistry codecs) {
    }

    static Stream<Object> build(Scope scope, CoreStep.StatefulBatch step, Stream<Object> up, Options options) {
        OperatorBuilder builder = scope.operator(step.stepId());
        InputHandle<Object> input = builder.input(up, Pact.exchange(StatefulBatchOperator::keyHash));
        OutputHandle<Object> output = builder.output();
        int worker = scope.worker().index();
        Runnable activate = builder.activator();
        builder.build(capabilities -> {
            DeadlineWakeup wakeup = new DeadlineWakeup(scope.worker().timer(step.stepId(), activate));
            Logic logic = new Logic(step, worker, input, output, capabilities.get(0), options, scope.worker().clock(),
                    wakeup);
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
        private final Capability capability;
        private final Clock clock;
        private final Codec<Object> stateCodec;
        private final TreeMap<Long, List<KeyValue<Object, Object>>> pending = new TreeMap<>();
        /** Every live key. */
        private final KeyTable<KeyEntry> logics = new KeyTable<>();
        private final List<KeyEntry> touched = new ArrayList<>();
        private final TimerQueue timers = new TimerQueue();
        private final CallbackContext context;
        private final DeadlineWakeup wakeup;

        Logic(CoreStep.StatefulBatch step, int worker, InputHandle<Object> input, OutputHandle<Object> output,
                Capability capability, Options options, Clock clock, DeadlineWakeup wakeup) {
            this.step = step;
            this.worker = worker;
            this.input = input;
            this.capability = capability;
            this.clock = clock;
            this.wakeup = wakeup;
            this.context = new CallbackContext(output, timers);
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
            Instant now = clock.instant();
            long watermark = watermark(frontier);
            context.times(now, watermark);
            while (!pending.isEmpty() && pending.firstKey() <= frontierEpoch) {
                Map.Entry<Long, List<KeyValue<Object, Object>>> epoch = pending.pollFirstEntry();
                applyEpoch(epoch.getKey(), epoch.getValue());
            }
            if (!frontier.isEmpty()) {
                // Before timers fire, so that what they emit comes at or after the epochs just applied.
                long next = pending.isEmpty() ? frontierEpoch : Math.min(frontierEpoch, pending.firstKey());
                if (next > capability.time()) {
                    capability.downgrade(next);
                }
            }
            fireDue(Timer.EVENT, watermark, 0);
            fireDue(Timer.PROCESSING, now.getEpochSecond(), now.getNano());
            if (frontier.isEmpty()) {
                logics.forEach((key, entry) -> {
                    context.enter(entry, capability.time());
                    call(entry, Role.ON_EOF, () -> {
                        entry.logic.onEof(context);
                        return null;
                    });
                });
                logics.clear();
                timers.clear();
                wakeup.close();
                capability.drop();
                return;
            }
            wakeup.follow(timers.earliestProcessing());
        }

        /**
         * The input watermark: for now, from the input frontier alone (none while the input is
         * open, the maximum once it has ended), until the engine carries watermarks.
         */
        private static long watermark(LongAntichain frontier) {
            return frontier.isEmpty() ? Long.MAX_VALUE : Long.MIN_VALUE;
        }

        /** Applies one epoch's items: one table lookup per item, then one {@code onBatch} per key. */
        private void applyEpoch(long epoch, List<KeyValue<Object, Object>> items) {
            for (KeyValue<Object, Object> kv : items) {
                // The key's stable hash came with its item: no second hash here.
                KeyEntry entry = logics.get(kv.keyHash(), kv.key());
                if (entry == null) {
                    KeyValue<Object, Object> pair = kv.withValue(null);
                    entry = new KeyEntry(pair, build(pair.key(), null));
                    logics.put(kv.keyHash(), kv.key(), entry);
                }
                if (entry.values == null) {
                    entry.values = new ArrayList<>();
                    touched.add(entry);
                }
                entry.values.add(kv.value());
            }
            for (KeyEntry entry : touched) {
                List<Object> values = entry.values;
                entry.values = null;
                context.enter(entry, epoch);
                call(entry, Role.ON_BATCH, () -> {
                    entry.logic.onBatch(values, context);
                    return null;
                });
                afterCallback(entry);
            }
            touched.clear();
        }

        /** Fires the timers of {@code kind} due at ({@code seconds}, {@code nanos}), in time order. */
        private void fireDue(int kind, long seconds, int nanos) {
            Timer due;
            while ((due = timers.pollDue(kind, seconds, nanos)) != null) {
                KeyEntry entry = due.owner;
                Timer fired = due;
                context.enter(entry, capability.time());
                if (kind == Timer.PROCESSING) {
                    call(entry, Role.ON_PROCESSING_TIMER, () -> {
                        entry.logic.onProcessingTimer(fired.instant(), context);
                        return null;
                    });
                } else {
                    call(entry, Role.ON_EVENT_TIMER, () -> {
                        entry.logic.onEventTimer(fired.seconds, context);
                        return null;
                    });
                }
                afterCallback(entry);
            }
        }

        private void afterCallback(KeyEntry entry) {
            if (context.discarded()) {
                logics.remove(entry.pair.keyHash(), entry.pair.key());
                timers.cancelAll(entry);
                return;
            }
            if (stateCodec != null) {
                restoreFromSnapshot(entry);
            }
        }

        /** Test mode: replaces the key's logic and timers by those rebuilt from their encoded snapshot. */
        private void restoreFromSnapshot(KeyEntry entry) {
            Object state = call(entry, Role.SNAPSHOT, () -> entry.logic.snapshot());
            Encoder out = new Encoder();
            Decoder in;
            try {
                stateCodec.encode(state, out);
                TimerQueue.encode(entry, out);
                in = new Decoder(out.toByteArray());
                state = stateCodec.decode(in);
            } catch (RuntimeException e) {
                throw failure(entry.pair.key(), Role.SNAPSHOT, e);
            }
            timers.restore(entry, in);
            entry.logic = build(entry.pair.key(), state);
        }

        private StatefulBatchLogic<Object, Object, Object, Object> build(Object key, Object resumeState) {
            StatefulBatchLogic<Object, Object, Object, Object> logic =
                    call(key, Role.BUILDER, () -> step.builder().apply(resumeState));
            if (logic == null) {
                throw failure(key, Role.BUILDER, new NullPointerException("the builder returned null; return a logic"));
            }
            return logic;
        }

        private <R> R call(KeyEntry entry, Role function, Supplier<R> body) {
            return call(entry.pair.key(), function, body);
        }

        private <R> R call(Object key, Role function, Supplier<R> body) {
            try {
                return body.get();
            } catch (RuntimeException | Error e) {
                throw failure(key, function, e);
            }
        }

        private StepException failure(Object key, Role function, Throwable cause) {
            // A derived operator's own failure (a getter, a reducer) keeps its role and key.
            return Failures.forKey(step.stepId(), worker, function, key, cause);
        }
    }
}
