package dev.weft.bench.baseline;

import dev.weft.bench.harness.Workload;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code maps} baseline: three {@code Function<Long, Long>} applied in sequence to every
 * record of a pre-built {@code Long[]}, each result given to a {@link LongSum}, on one thread.
 *
 * <p>The functions are {@link #FIRST} ({@code x -> x + 1}), {@link #SECOND} ({@code x -> x * 3})
 * and {@link #THIRD} ({@code x -> x - 2}), boxed in and boxed out, over the records
 * {@code 0 .. records - 1}. The records are {@code Long} objects built in setup, as an engine's
 * input would hold them.
 *
 * <p><b>Call sites are megamorphic, as in an engine.</b> An engine calls every user function
 * through one shared call site in its map operator, which sees many lambda classes, so the JIT
 * cannot inline them. A hand loop that only ever saw these three lambdas would inline them all
 * and flatter the baseline. So {@link #setup()} first runs the same loop (same method, same call
 * sites) with three decoy triples and the measured one in rotation, a slice at a time, until it
 * is compiled: each call site's profile then holds four receiver classes of about a quarter each
 * and the compiled loop makes real interface calls. (Check with {@code -XX:+UnlockDiagnosticVMOptions
 * -XX:+PrintInlining}: the {@code Function::apply} calls in {@code Chain::push} are not inlined.)
 * The sink's call site is left monomorphic, as an engine's per-worker sink would be.
 */
public final class MapsHandLoop implements Workload {

    /** The first function: {@code x -> x + 1}. */
    public static final Function<Long, Long> FIRST = x -> x + 1;

    /** The second function: {@code x -> x * 3}. */
    public static final Function<Long, Long> SECOND = x -> x * 3;

    /** The third function: {@code x -> x - 2}. */
    public static final Function<Long, Long> THIRD = x -> x - 2;

    /** Decoy triples: each lambda expression below is its own class. */
    private static final List<List<Function<Long, Long>>> DECOYS = List.of(
            List.of(x -> x - 1, x -> x * 5, x -> x + 2),
            List.of(x -> x ^ 0x55, x -> x + 11, x -> x * 7),
            List.of(x -> x << 1, x -> x - 3, x -> x ^ 0xAA));

    private static final int POLLUTION_ROUNDS = 1_000;
    private static final int POLLUTION_SLICE = 2_048;

    private final int records;
    private final LongSum sink = new LongSum();
    private Long[] input;
    private Chain chain;

    /**
     * A workload over {@code records} records.
     *
     * @param records how many records one run maps, at least 1
     */
    public MapsHandLoop(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("records must be >= 1, got " + records);
        }
        this.records = records;
    }

    /**
     * The records {@code 0 .. records - 1} as {@code Long} objects.
     *
     * @param records how many
     * @return a new array
     */
    public static Long[] input(int records) {
        Long[] input = new Long[records];
        for (int i = 0; i < records; i++) {
            input[i] = (long) i;
        }
        return input;
    }

    /**
     * The sum of {@code ((x + 1) * 3) - 2} over {@code x = 0 .. records - 1}: what the sink must hold
     * after one pass.
     *
     * @param records how many records
     * @return the expected sum
     */
    public static long expectedSum(long records) {
        return 3 * (records * (records - 1) / 2) + records;
    }

    @Override
    public void setup() {
        input = input(records);
        chain = new Chain(FIRST, SECOND, THIRD, sink);
        Chain[] rotation = new Chain[DECOYS.size() + 1];
        for (int i = 0; i < DECOYS.size(); i++) {
            List<Function<Long, Long>> decoy = DECOYS.get(i);
            rotation[i] = new Chain(decoy.get(0), decoy.get(1), decoy.get(2), new LongSum());
        }
        rotation[DECOYS.size()] = chain;
        int slice = Math.min(POLLUTION_SLICE, records);
        for (int round = 0; round < POLLUTION_ROUNDS; round++) {
            for (Chain each : rotation) {
                each.push(input, 0, slice);
            }
        }
    }

    @Override
    public long run() {
        sink.reset();
        chain.push(input, 0, input.length);
        long expected = expectedSum(records);
        if (sink.sum() != expected) {
            throw new IllegalStateException("maps: sum " + sink.sum() + ", expected " + expected);
        }
        return records;
    }

    @Override
    public String detail() {
        return "sum checked";
    }

    /** Three functions and a sink in fields, applied by one loop whose call sites all chains share. */
    private static final class Chain {
        private final Function<Long, Long> first;
        private final Function<Long, Long> second;
        private final Function<Long, Long> third;
        private final Consumer<Long> sink;

        Chain(Function<Long, Long> first, Function<Long, Long> second, Function<Long, Long> third,
                Consumer<Long> sink) {
            this.first = first;
            this.second = second;
            this.third = third;
            this.sink = sink;
        }

        void push(Long[] records, int from, int to) {
            // Fields in locals: the megamorphic calls between uses would otherwise force a reload.
            Function<Long, Long> first = this.first;
            Function<Long, Long> second = this.second;
            Function<Long, Long> third = this.third;
            Consumer<Long> sink = this.sink;
            for (int i = from; i < to; i++) {
                sink.accept(third.apply(second.apply(first.apply(records[i]))));
            }
        }
    }
}
