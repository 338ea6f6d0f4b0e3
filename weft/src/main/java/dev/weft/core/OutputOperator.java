package dev.weft.core;

import dev.weft.KeyValue;
import dev.weft.StepException.Role;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.KeyGroups;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import dev.weft.io.DynamicSink;
import dev.weft.io.PartitionedSink;
import dev.weft.io.SinkPartition;
import dev.weft.io.StatelessSinkPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs an {@code output} step. A dynamic sink gets one writer per worker, which writes what its
 * worker holds. A partitioned sink's items are routed by key to their partition, and each
 * partition (sorted by name, dealt round robin) is opened and written by its one worker. Writers are
 * closed when the input ends, or by the worker when the run stops first (a failure, a cancel, an
 * abort), each exactly once.
 */
final class OutputOperator {

    private OutputOperator() {
    }

    @SuppressWarnings("unchecked")
    static void build(Scope scope, CoreStep.Output step, Stream<Object> up) {
        int worker = scope.worker().index();
        int peers = scope.worker().peers();
        OperatorBuilder builder = scope.operator(step.stepId());
        if (step.sink() instanceof PartitionedSink<?, ?, ?> partitioned) {
            PartitionedSink<Object, Object, Object> sink = (PartitionedSink<Object, Object, Object>) partitioned;
            List<String> partitions = new ArrayList<>(new TreeSet<>(call(step, worker, Role.LIST_PARTITIONS, null,
                    sink::listPartitions)));
            if (partitions.isEmpty()) {
                throw new IllegalStateException("output step '" + step.stepId() + "': the sink lists no partitions");
            }
            KeyGroups groups = scope.worker().keyGroups();
            long[] routeTo = new long[partitions.size()];
            for (int index = 0; index < routeTo.length; index++) {
                routeTo[index] = groups.hashOwnedBy(groups.partitionOwner(index));
            }
            InputHandle<Object> input = builder.input(up, Pact.exchange(item ->
                    routeTo[partitionIndex(step, sink, ((KeyValue<Object, Object>) item).key(), partitions.size())]));
            Wakeups wakeups = new Wakeups(scope, step.stepId(), builder.activator());
            builder.build(capabilities -> {
                Map<String, SinkPartition<KeyValue<Object, Object>, Object>> open = new HashMap<>();
                Map<String, StepResource> closers = new HashMap<>();
                Map<String, List<KeyValue<Object, Object>>> perPartition = new HashMap<>();
                boolean[] closed = new boolean[1];
                return () -> {
                    input.forEach(batch -> {
                        for (int i = 0; i < batch.size(); i++) {
                            KeyValue<Object, Object> item = (KeyValue<Object, Object>) batch.get(i);
                            String name = partitions.get(partitionIndex(step, sink, item.key(), partitions.size()));
                            perPartition.computeIfAbsent(name, n -> new ArrayList<>()).add(item);
                        }
                        for (Map.Entry<String, List<KeyValue<Object, Object>>> e : perPartition.entrySet()) {
                            if (e.getValue().isEmpty()) {
                                continue;
                            }
                            String name = e.getKey();
                            if (groups.partitionOwner(partitions.indexOf(name)) != worker) {
                                throw new IllegalStateException("partition '" + name + "' reached worker " + worker
                                        + ", which does not own it");
                            }
                            SinkPartition<KeyValue<Object, Object>, Object> partition = open.computeIfAbsent(name,
                                    n -> {
                                        SinkPartition<KeyValue<Object, Object>, Object> built = call(step, worker,
                                                Role.BUILD_PARTITION, n, () -> sink.buildPartition(n, null));
                                        built.setClock(wakeups.clock());
                                        closers.put(n, StepResource.own(scope, step.stepId(), n, built));
                                        return built;
                                    });
                            List<KeyValue<Object, Object>> items = e.getValue();
                            run(step, worker, Role.WRITE_BATCH, name, () -> partition.writeBatch(items));
                            e.setValue(new ArrayList<>());
                        }
                    });
                    if (closed[0]) {
                        return;
                    }
                    if (input.frontier().isEmpty()) {
                        closed[0] = true;
                        for (StepResource closer : closers.values()) {
                            closer.close();
                        }
                        return;
                    }
                    java.time.Instant earliest = null;
                    for (Map.Entry<String, SinkPartition<KeyValue<Object, Object>, Object>> e : open.entrySet()) {
                        SinkPartition<KeyValue<Object, Object>, Object> partition = e.getValue();
                        if (wakeups.due(partition.nextAwake())) {
                            run(step, worker, Role.WRITE_BATCH, e.getKey(),
                                    () -> partition.writeBatch(List.of()));
                        }
                        java.time.Instant at = partition.nextAwake();
                        if (at != null && (earliest == null || at.isBefore(earliest))) {
                            earliest = at;
                        }
                    }
                    wakeups.arm(earliest);
                };
            });
        } else {
            DynamicSink<Object> sink = (DynamicSink<Object>) step.sink();
            InputHandle<Object> input = builder.input(up, Pact.pipeline());
            Wakeups wakeups = new Wakeups(scope, step.stepId(), builder.activator());
            builder.build(capabilities -> {
                StatelessSinkPartition<Object> writer = call(step, worker, Role.BUILD, null, () -> sink.build(worker, peers));
                writer.setClock(wakeups.clock());
                StepResource closer = StepResource.own(scope, step.stepId(), null, writer);
                boolean[] closed = new boolean[1];
                return () -> {
                    input.forEach(batch -> {
                        List<Object> items = new BatchList<>(batch);
                        run(step, worker, Role.WRITE_BATCH, null, () -> writer.writeBatch(items));
                    });
                    if (closed[0]) {
                        return;
                    }
                    if (input.frontier().isEmpty()) {
                        closed[0] = true;
                        closer.close();
                        return;
                    }
                    if (wakeups.due(writer.nextAwake())) {
                        run(step, worker, Role.WRITE_BATCH, null, () -> writer.writeBatch(List.of()));
                    }
                    wakeups.arm(writer.nextAwake());
                };
            });
        }
    }

    private static int partitionIndex(CoreStep.Output step, PartitionedSink<Object, Object, Object> sink, Object key,
            int count) {
        int index = sink.partitionFor(key, count);
        if (index < 0 || index >= count) {
            throw new IllegalStateException("output step '" + step.stepId() + "': partitionFor returned " + index
                    + " for key " + key + "; it must return an index from 0 to " + (count - 1));
        }
        return index;
    }

    /** Work that may throw a checked exception. */
    private interface Action {
        void run() throws Exception;
    }

    private static void run(CoreStep.Output step, int worker, Role role, String partition, Action action) {
        try {
            action.run();
        } catch (Exception | Error e) {
            throw Failures.at(step.stepId(), worker, role, partition, e);
        }
    }

    private static <R> R call(CoreStep.Output step, int worker, Role role, String partition,
            java.util.concurrent.Callable<R> body) {
        try {
            return body.call();
        } catch (Exception e) {
            throw Failures.at(step.stepId(), worker, role, partition, e);
        }
    }
}
