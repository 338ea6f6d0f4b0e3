package dev.weft.bench.baseline;

import dev.weft.bench.harness.Workload;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import org.jctools.queues.SpscArrayQueue;

/**
 * The {@code exchange} baseline: two threads, each owning half of a pre-built {@code Long[]},
 * route every record by a 64-bit hash of its value to one of two workers (itself or the other),
 * and each worker sums what it receives. Rate = all records / wall time of the whole exchange.
 *
 * <p>Records bound for the other worker are gathered into batches of {@link #BATCH} records (new
 * {@code Long[]} arrays, handed over by reference, not recycled) and cross over one JCTools
 * {@link SpscArrayQueue} per direction, as an engine's exchange channel would move them. Records
 * that stay are summed at once: the cheapest honest treatment, and what bounds any engine from
 * above. After each batch sent, a worker drains its incoming queue; when the outgoing queue is
 * full it drains while it waits, so the two can never block each other. The last, partial batch
 * is trimmed to its length, and an empty array marks the end of a worker's input.
 *
 * <p>The calling thread is worker 0; worker 1 is a thread started in {@link #setup()} that waits
 * on a barrier between runs. The sum over both workers is checked on every run.
 */
public final class ExchangeHandLoop implements Workload {

    /** Records per batch: {@value}, the engine's batch capacity. */
    public static final int BATCH = 1_024;

    /** Batches each queue holds. */
    private static final int QUEUE_BATCHES = 64;

    /** The end-of-input marker, recognised by identity. */
    private static final Long[] END = new Long[0];

    private final int records;
    private final CyclicBarrier start = new CyclicBarrier(2);
    private final CyclicBarrier finish = new CyclicBarrier(2);
    private Worker[] workers;
    private Thread helper;
    private volatile boolean closing;
    private volatile Throwable helperFailure;

    /**
     * A workload over {@code records} records.
     *
     * @param records how many records one run exchanges, at least 2
     */
    public ExchangeHandLoop(int records) {
        if (records < 2) {
            throw new IllegalArgumentException("records must be >= 2, got " + records);
        }
        this.records = records;
    }

    /**
     * The worker, 0 or 1, that a record of value {@code value} is routed to: the top bit of its
     * 64-bit hash ({@link #hash(long)}).
     *
     * @param value the record's value
     * @return its worker
     */
    public static int workerOf(long value) {
        return (int) (hash(value) >>> 63);
    }

    /**
     * A 64-bit hash of {@code value}: MurmurHash3's finaliser (fmix64), which mixes every input bit
     * into every output bit.
     *
     * @param value a value
     * @return its hash
     */
    public static long hash(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public void setup() {
        Long[] input = MapsHandLoop.input(records);
        SpscArrayQueue<Long[]> toWorker0 = new SpscArrayQueue<>(QUEUE_BATCHES);
        SpscArrayQueue<Long[]> toWorker1 = new SpscArrayQueue<>(QUEUE_BATCHES);
        int half = records / 2;
        workers = new Worker[] {
            new Worker(0, input, 0, half, toWorker0, toWorker1),
            new Worker(1, input, half, records, toWorker1, toWorker0)};
        helper = new Thread(this::helperLoop, "exchange-worker-1");
        helper.setDaemon(true);
        helper.start();
    }

    @Override
    public long run() throws InterruptedException, BrokenBarrierException {
        await(start);
        workers[0].exchange();
        await(finish);
        Throwable failure = helperFailure;
        if (failure != null) {
            throw new IllegalStateException("exchange worker 1 failed", failure);
        }
        long sum = workers[0].sum + workers[1].sum;
        long expected = (long) records * (records - 1) / 2;
        if (sum != expected) {
            throw new IllegalStateException("exchange: sum " + sum + ", expected " + expected);
        }
        return records;
    }

    @Override
    public String detail() {
        long kept = workers[0].kept + workers[1].kept;
        return String.format(Locale.ROOT, "2 threads, %.1f%% stayed local, sum checked",
                100.0 * kept / records);
    }

    @Override
    public void close() {
        if (helper == null) {
            return;
        }
        closing = true;
        start.reset();
        helper.interrupt();
        try {
            helper.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void helperLoop() {
        while (true) {
            try {
                await(start);
            } catch (InterruptedException | BrokenBarrierException e) {
                return;
            }
            if (closing) {
                return;
            }
            try {
                workers[1].exchange();
            } catch (Throwable t) {
                helperFailure = t;
            }
            try {
                await(finish);
            } catch (InterruptedException | BrokenBarrierException e) {
                return;
            }
        }
    }

    private static void await(CyclicBarrier barrier) throws InterruptedException, BrokenBarrierException {
        barrier.await();
    }

    /** One worker's half of the input, its queues and its results. Only its own thread runs it. */
    private static final class Worker {
        private final int id;
        private final Long[] input;
        private final int from;
        private final int to;
        private final SpscArrayQueue<Long[]> incoming;
        private final SpscArrayQueue<Long[]> outgoing;
        private boolean peerDone;
        long sum;
        long kept;

        Worker(int id, Long[] input, int from, int to,
                SpscArrayQueue<Long[]> incoming, SpscArrayQueue<Long[]> outgoing) {
            this.id = id;
            this.input = input;
            this.from = from;
            this.to = to;
            this.incoming = incoming;
            this.outgoing = outgoing;
        }

        void exchange() {
            final Long[] input = this.input;
            final int me = id;
            long sum = 0;
            long kept = 0;
            peerDone = false;
            Long[] batch = new Long[BATCH];
            int size = 0;
            for (int i = from; i < to; i++) {
                Long record = input[i];
                long value = record;
                if (workerOf(value) == me) {
                    sum += value;
                    kept++;
                } else {
                    batch[size++] = record;
                    if (size == BATCH) {
                        sum += send(batch);
                        sum += drain();
                        batch = new Long[BATCH];
                        size = 0;
                    }
                }
            }
            if (size > 0) {
                sum += send(Arrays.copyOf(batch, size));
            }
            sum += send(END);
            while (!peerDone) {
                long received = drain();
                sum += received;
                if (received == 0) {
                    Thread.onSpinWait();
                }
            }
            this.sum = sum;
            this.kept = kept;
        }

        /** Offers {@code batch}, draining the incoming queue while the outgoing one is full. */
        private long send(Long[] batch) {
            long received = 0;
            while (!outgoing.offer(batch)) {
                received += drain();
                Thread.onSpinWait();
            }
            return received;
        }

        /** Sums every record waiting in the incoming queue; notes the peer's end marker. */
        private long drain() {
            long received = 0;
            Long[] batch;
            while ((batch = incoming.poll()) != null) {
                if (batch == END) {
                    peerDone = true;
                } else {
                    for (Long record : batch) {
                        received += record;
                    }
                }
            }
            return received;
        }
    }
}
