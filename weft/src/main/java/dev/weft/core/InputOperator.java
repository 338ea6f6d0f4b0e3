package dev.weft.core;

import dev.weft.StepException.Role;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.SourceContext;
import dev.weft.engine.dataflow.SyncActivator;
import dev.weft.engine.dataflow.Stream;
import dev.weft.io.AbortExecution;
import dev.weft.io.DynamicSource;
import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import dev.weft.io.StatelessSourcePartition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs an {@code input} step: reads this worker's partitions (or its dynamic reader), emits their
 * items at the current epoch, and advances the epoch every epoch interval on the run's clock.
 *
 * <p>Partitions, sorted by name, are dealt to workers round robin. A reader with nothing to
 * give is polled again when it asks ({@code nextAwake}), when its wake-up runs, or after a pause
 * that grows while it stays empty ({@link IdleBackoff}), never in a busy loop. The input ends,
 * dropping its capability, when every reader has ended; a reader is closed when it ends, or by the
 * worker when the run stops first (a failure, a cancel, an abort). Reading stops while the
 * engine's flow control says too much is in flight. The step's watermark follows its
 * partitions' timestamps as its {@link dev.weft.WatermarkStrategy} says ({@link SourceWatermarks}).
 */
final class InputOperator {

    /** The first epoch: epochs count from 1, as Bytewax's do, so {@code inspectDebug} shows the same numbers. */
    static final long FIRST_EPOCH = 1;

    private final Scope scope;
    private final CoreStep.Input step;
    private final String stepId;
    private final int worker;
    private final Duration epochInterval;
    private final Abort abort;
    private final List<Reader> readers = new ArrayList<>();
    private Instant epochEnd;
    private boolean opened;
    private final SourceWatermarks watermarks;

    private InputOperator(Scope scope, CoreStep.Input step, Duration epochInterval, Abort abort) {
        this.scope = scope;
        this.step = step;
        this.stepId = step.stepId();
        this.worker = scope.worker().index();
        this.epochInterval = epochInterval;
        this.abort = abort;
        this.watermarks = new SourceWatermarks(step.watermarks(), stepId, worker);
    }

    static Stream<Object> build(Scope scope, CoreStep.Input step, Duration epochInterval, Abort abort) {
        InputOperator input = new InputOperator(scope, step, epochInterval, abort);
        return Operators.source(scope, step.stepId(), input::run);
    }

    /** Signals an ABORT marker from a testing source: stop the whole execution without ending inputs. */
    interface Abort {
        /** Stops the execution. */
        void abort();
    }

    @SuppressWarnings("unchecked")
    private void openReaders() {
        int peers = scope.worker().peers();
        if (step.source() instanceof PartitionedSource<?, ?> partitioned) {
            PartitionedSource<Object, Object> source = (PartitionedSource<Object, Object>) partitioned;
            List<String> names = new ArrayList<>(new TreeSet<>(call(Role.LIST_PARTITIONS, source::listPartitions)));
            for (int index = 0; index < names.size(); index++) {
                String name = names.get(index);
                if (scope.worker().keyGroups().partitionOwner(index) == worker) {
                    SourcePartition<Object, Object> partition = call(Role.BUILD_PARTITION,
                            () -> source.buildPartition(name, null));
                    add(new Reader(name, partition, null));
                }
            }
        } else {
            DynamicSource<Object> source = (DynamicSource<Object>) step.source();
            StatelessSourcePartition<Object> reader = call(Role.BUILD, () -> source.build(worker, peers));
            add(new Reader("worker " + worker, null, reader));
        }
    }

    /** Starts reading {@code reader}, which the worker closes however the run ends if it has not ended by then. */
    private void add(Reader reader) {
        reader.resource = StepResource.own(scope, stepId, reader.partitionName(), () -> {
            reader.stopWakeUps();
            reader.close();
        });
        readers.add(reader);
    }

    private void run(SourceContext<Object> context) {
        boolean first = !opened;
        if (first) {
            opened = true;
            context.capability().downgrade(FIRST_EPOCH);
            openReaders();
            Instant openedAt = context.clock().instant();
            for (Reader reader : readers) {
                reader.setClock(context.clock());
                reader.wakeUp(context.syncActivator());
                reader.watermark = watermarks.open(openedAt);
            }
            epochEnd = plus(context.clock().instant(), epochInterval);
        }
        Capability capability = context.capability();
        Instant wallNow = context.clock().instant();
        if (!first && !wallNow.isBefore(epochEnd)) {
            capability.downgrade(capability.time() + 1);
            epochEnd = plus(wallNow, epochInterval);
        }
        if (!context.mayEmit()) {
            return;
        }
        for (Reader reader : new ArrayList<>(readers)) {
            if (reader.nextPoll != null && reader.nextPoll.isAfter(wallNow) && !reader.woken) {
                continue;
            }
            reader.woken = false;
            List<Object> items;
            try {
                items = reader.next();
            } catch (AbortExecution signal) {
                abort.abort();
                return;
            } catch (Exception e) {
                throw Failures.at(stepId, worker, Role.NEXT_BATCH, reader.partitionName(), e);
            }
            if (items == null) {
                reader.resource.close();
                readers.remove(reader);
                continue;
            }
            watermarks.read(reader.watermark, items, wallNow);
            for (Object item : items) {
                context.output().give(capability, item);
            }
            if (!items.isEmpty()) {
                reader.idle.reset();
            }
            Instant asked = reader.nextAwake();
            reader.nextPoll = asked != null ? asked : items.isEmpty() ? wallNow.plus(reader.idle.afterEmptyPoll()) : null;
        }
        if (readers.isEmpty()) {
            capability.drop();
            return;
        }
        if (watermarks.enabled()) {
            watermarks.publish(partitionWatermarks(), context.output(), wallNow);
        }
        scheduleNext(context);
    }

    private void scheduleNext(SourceContext<Object> context) {
        Instant earliest = null;
        for (Reader reader : readers) {
            if (reader.nextPoll == null) {
                context.activate();
                return;
            }
            if (earliest == null || reader.nextPoll.isBefore(earliest)) {
                earliest = reader.nextPoll;
            }
        }
        Instant idleAt = watermarks.enabled() ? watermarks.nextIdleAt(partitionWatermarks()) : null;
        if (idleAt != null && idleAt.isBefore(earliest)) {
            earliest = idleAt;
        }
        context.wakeAt(earliest.isBefore(epochEnd) ? earliest : epochEnd);
    }

    private List<SourceWatermarks.Partition> partitionWatermarks() {
        return readers.stream().map(r -> r.watermark).toList();
    }

    /** {@code at} plus {@code duration}, or the farthest instant if that overflows. */
    private static Instant plus(Instant at, Duration duration) {
        try {
            return at.plus(duration);
        } catch (java.time.DateTimeException | ArithmeticException tooFar) {
            return Instant.MAX;
        }
    }

    private <R> R call(Role role, java.util.concurrent.Callable<R> body) {
        try {
            return body.call();
        } catch (Exception e) {
            throw Failures.at(stepId, worker, role, e);
        }
    }

    /** One partition or dynamic reader, with when to poll it next. */
    private static final class Reader {
        final String name;
        final SourcePartition<Object, Object> partition;
        final StatelessSourcePartition<Object> stateless;
        Instant nextPoll;
        /** The partition's progress in event time. */
        SourceWatermarks.Partition watermark;
        /** When to poll again after empty polls that named no time. */
        final IdleBackoff idle = new IdleBackoff();
        /** Closes the partition and its wake-ups, exactly once. */
        StepResource resource;
        /** Set by the partition's wake-up, from any thread: poll it at the next activation. */
        volatile boolean woken;
        private SyncActivator activator;

        Reader(String name, SourcePartition<Object, Object> partition, StatelessSourcePartition<Object> stateless) {
            this.name = name;
            this.partition = partition;
            this.stateless = stateless;
        }

        /** Hands the partition a wake-up that marks it due and schedules the source on its worker. */
        void wakeUp(SyncActivator sync) {
            activator = sync;
            Runnable wakeUp = () -> {
                woken = true;
                sync.activate();
            };
            if (partition != null) {
                partition.setWakeUp(wakeUp);
            } else {
                stateless.setWakeUp(wakeUp);
            }
        }

        /** Gives the partition the run's clock. */
        void setClock(java.time.Clock clock) {
            if (partition != null) {
                partition.setClock(clock);
            } else {
                stateless.setClock(clock);
            }
        }

        /** No more wake-ups: the partition has ended or closed. */
        void stopWakeUps() {
            if (activator != null) {
                activator.close();
            }
        }

        /** The partition's name, or {@code null} for a dynamic source's reader. */
        String partitionName() {
            return partition != null ? name : null;
        }

        List<Object> next() throws Exception {
            return partition != null ? partition.nextBatch() : stateless.nextBatch();
        }

        Instant nextAwake() {
            return partition != null ? partition.nextAwake() : stateless.nextAwake();
        }

        void close() throws Exception {
            if (partition != null) {
                partition.close();
            } else {
                stateless.close();
            }
        }
    }
}
