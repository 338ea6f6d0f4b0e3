package dev.weft.bench.baseline;

import dev.weft.bench.harness.Workload;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code epochs} baseline: one record per epoch, and knowing that the epoch is complete before
 * starting the next. Reports epochs per second.
 *
 * <p>For each epoch the loop makes one boxed record (the epoch number), counts it as in flight,
 * passes it through a map ({@link #MAPPER}, {@code x -> x + 1}) into a {@link LongSum} sink,
 * counts it as consumed, and checks that nothing is in flight any more, which is what tells the
 * epoch complete; then it records the epoch as completed. That is the cheapest honest
 * equivalent, on one thread, of what progress tracking does for an engine: a count of outstanding
 * work per epoch that must reach zero. The sum and the number of completed epochs are checked on
 * every run.
 *
 * <p>As in {@link MapsHandLoop}, the map's call site is made megamorphic in {@link #setup()} (the
 * same loop runs decoy mappers in rotation until it is compiled), because an engine calls user
 * functions through a shared call site that cannot inline them. Without that the JIT inlines the
 * map, eliminates the box and folds the counters, and the "baseline" is a bare summing loop at
 * well over a billion epochs per second, which no system that moves a record could approach.
 */
public final class EpochsHandLoop implements Workload {

    /** The map every record passes through: {@code x -> x + 1}. */
    public static final Function<Long, Long> MAPPER = x -> x + 1;

    /** Decoy mappers: each lambda expression below is its own class. */
    private static final List<Function<Long, Long>> DECOYS = List.of(x -> x - 1, x -> x * 5, x -> x ^ 0x55);

    private static final int POLLUTION_ROUNDS = 1_000;
    private static final int POLLUTION_EPOCHS = 2_048;

    private final long epochs;
    private final LongSum sink = new LongSum();
    private final Completion completion = new Completion();

    /**
     * A workload of {@code epochs} epochs per run.
     *
     * @param epochs how many epochs one run completes, at least 1
     */
    public EpochsHandLoop(long epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        this.epochs = epochs;
    }

    /**
     * The sum of {@code x + 1} over {@code x = 0 .. epochs - 1}: what the sink must hold after one
     * run.
     *
     * @param epochs how many epochs, one record each
     * @return the expected sum
     */
    public static long expectedSum(long epochs) {
        return epochs * (epochs + 1) / 2;
    }

    @Override
    public void setup() {
        LongSum decoySink = new LongSum();
        Completion decoyCompletion = new Completion();
        for (int round = 0; round < POLLUTION_ROUNDS; round++) {
            for (Function<Long, Long> decoy : DECOYS) {
                runEpochs(POLLUTION_EPOCHS, decoy, decoySink, decoyCompletion);
            }
            runEpochs(POLLUTION_EPOCHS, MAPPER, decoySink, decoyCompletion);
        }
    }

    @Override
    public long run() {
        sink.reset();
        completion.reset();
        runEpochs(epochs, MAPPER, sink, completion);
        if (completion.completed != epochs || sink.sum() != expectedSum(epochs)) {
            throw new IllegalStateException("epochs: completed " + completion.completed + " of " + epochs
                    + ", sum " + sink.sum() + ", expected " + expectedSum(epochs));
        }
        return epochs;
    }

    @Override
    public String detail() {
        return "1 record/epoch, sum checked";
    }

    private static void runEpochs(long epochs, Function<Long, Long> mapper, LongSum sink, Completion completion) {
        for (long epoch = 0; epoch < epochs; epoch++) {
            Long record = epoch;
            completion.produced();
            sink.accept(mapper.apply(record));
            completion.consumed();
            if (!completion.idle()) {
                throw new IllegalStateException("epoch " + epoch + " still has records in flight");
            }
            completion.complete(epoch);
        }
    }

    /** The in-flight count and the completed-epoch count of the loop above. */
    private static final class Completion {
        private long inFlight;
        private long completed;

        void produced() {
            inFlight++;
        }

        void consumed() {
            inFlight--;
        }

        boolean idle() {
            return inFlight == 0;
        }

        void complete(long epoch) {
            completed = epoch + 1;
        }

        void reset() {
            inFlight = 0;
            completed = 0;
        }
    }
}
