package dev.weft.runtime;

import dev.weft.Dataflow;
import dev.weft.io.DynamicSink;
import dev.weft.io.DynamicSource;
import dev.weft.io.StatelessSinkPartition;
import dev.weft.io.StatelessSourcePartition;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child JVM's flow for {@link FlowControlHeapTest}: on worker 0 a source that makes 2 KiB strings
 * as fast as it can, spread across an exchange to a sink that takes them at once on worker 0 and
 * spends a few microseconds on each on worker 1, so half the records queue up for worker 1 unless
 * flow control holds the source back. Prints {@code done N} when all have arrived, and the most heap
 * found live after a collection ({@code peak live MiB}). Argument: the in-flight bound, or
 * {@code default}.
 */
public final class FastSourceSlowSink {

    static final int RECORDS = 800_000;

    private FastSourceSlowSink() {
    }

    public static void main(String[] args) {
        AtomicLong arrived = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        Dataflow flow = new Dataflow("heap");
        flow.input("fast", (DynamicSource<String>) (worker, workers) -> new StatelessSourcePartition<>() {
            private int made = worker == 0 ? 0 : RECORDS;

            @Override
            public List<String> nextBatch() {
                if (made == RECORDS) {
                    return null;
                }
                List<String> batch = new ArrayList<>(1024);
                for (int i = 0; i < 1024 && made < RECORDS; i++, made++) {
                    batch.add((char) ('a' + made % 26) + "x".repeat(2047));
                }
                return batch;
            }
        }).redistribute("spread").output("slow", (DynamicSink<String>) (worker, workers) -> items -> {
            if (worker == 1) {
                long end = System.nanoTime() + 12_000L * items.size();
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
            arrived.addAndGet(items.size());
            peakLive.accumulateAndGet(liveAfterLastCollection(), Math::max);
        });
        RunConfig config = RunConfig.defaults(2);
        if (!args[0].equals("default")) {
            config = config.withMaxRecordsInFlight(Long.parseLong(args[0]));
        }
        Runner.run(flow, config);
        System.out.println("done " + arrived.get());
        System.out.println("peak live MiB " + peakLive.get() / (1024 * 1024));
    }

    /** The heap in use right after the last collection of each pool: what survived, not garbage. */
    private static long liveAfterLastCollection() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }
}
