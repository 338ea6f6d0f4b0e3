package dev.weft.engine.simulation;

import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.SourceContext;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.dataflow.SyncActivator;
import dev.weft.engine.simulation.DataflowSpec.SourceSpec;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One worker's partition of a source of a {@link DataflowSpec}, fed by a thread of its own, as a
 * connector reading a socket or a file would be: at its first activation the source opens a
 * {@link SyncActivator} and starts a feeder thread, which queues the partition's records epoch by
 * epoch (pausing now and then) and wakes the source after each. The source emits what is queued
 * while flow control allows, moving its capability to each record's epoch, and at the end drops
 * it and closes the activator (until then the worker counts as waiting for outside work).
 */
final class FedSource {

    /** Marks the end of the partition's records in the queue. */
    private static final long[] END = new long[0];

    private final SpecDataflow graph;
    private final SourceSpec source;
    private final Consumer<Thread> started;
    private final String name;
    private final Queue<long[]> queue = new ConcurrentLinkedQueue<>();
    private SyncActivator activator;

    /** A source for {@code source} on {@code graph}'s worker; {@code started} receives the feeder thread once running. */
    private FedSource(SpecDataflow graph, SourceSpec source, Consumer<Thread> started) {
        this.graph = graph;
        this.source = source;
        this.started = started;
        this.name = "w" + graph.worker + " src" + source.id();
    }

    /** Builds the source in {@code root}; {@code started} receives its feeder thread, to be joined. */
    static Stream<Long> build(SpecDataflow graph, Scope root, SourceSpec source, Consumer<Thread> started) {
        FedSource fed = new FedSource(graph, source, started);
        return Operators.source(root, "src" + source.id(), fed::run);
    }

    private void run(SourceContext<Long> context) {
        RunHooks hooks = graph.hooks;
        hooks.activating(name);
        if (activator == null) {
            activator = context.syncActivator();
            startFeeder();
        }
        Capability cap = context.capability();
        long[] item;
        int emitted = 0;
        while ((item = queue.peek()) != null) {
            if (item == END) {
                queue.poll();
                cap.drop();
                activator.close();
                hooks.trace(name + " closed after " + emitted);
                return;
            }
            if (!context.mayEmit()) {
                hooks.trace(name + " held back after " + emitted);
                return; // woken when the backlog halves
            }
            queue.poll();
            if (cap.time() < item[0]) {
                cap.downgrade(item[0]);
            }
            context.output().give(cap, item[1]);
            emitted++;
            hooks.between();
        }
        hooks.trace(name + " emitted " + emitted + ", waits for its feeder");
    }

    private void startFeeder() {
        Map<Long, List<Long>> share = graph.share(source);
        Pauses pauses = new Pauses(new Random(Semantics.mix(graph.spec.seed, source.id(), graph.worker, 31)), 4, 16);
        SyncActivator wake = activator;
        Thread feeder = new Thread(() -> {
            for (Map.Entry<Long, List<Long>> epoch : share.entrySet()) {
                for (long x : epoch.getValue()) {
                    queue.add(new long[] {epoch.getKey(), x});
                    wake.activate();
                    pauses.maybe();
                }
            }
            queue.add(END);
            wake.activate();
        }, "weft-stress-feeder " + name);
        feeder.setDaemon(true);
        started.accept(feeder);
        feeder.start();
    }
}
