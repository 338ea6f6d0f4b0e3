package dev.weft.bench.wordcount;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.bench.harness.Params;
import dev.weft.bench.harness.Workload;
import dev.weft.io.DynamicSink;
import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import dev.weft.io.StatelessSinkPartition;
import dev.weft.io.file.DirSource;
import dev.weft.runtime.RunConfig;
import dev.weft.runtime.Runner;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The word count on Weft's user API, as a user would write it:
 *
 * <pre>{@code
 * flow.input("lines", new DirSource(corpusDir, "part-*.txt"))
 *     .flatMap("split", line -> Arrays.asList(Words.split(line)))
 *     .countFinal("count", word -> word)
 *     .output("sink", countingSink);
 * }</pre>
 *
 * <p>run on {@code workers} worker threads by {@code Runner.run} with an epoch interval of
 * {@code wordcount.epochMillis}. {@code DirSource} makes one partition per file, dealt round robin
 * to the workers, so both workers of a 2-worker run read. {@code countFinal} is
 * {@code keyOn + mapValue(1L) + reduceFinal(Long::sum)}: a combiner per batch, an exchange by key,
 * and one state per word, emitted at the end of input. The sink folds each worker's final counts
 * into a {@link WordCounts}.
 *
 * <p>Its time runs from the first {@code nextBatch} of any partition to the last worker's sink
 * closed; {@code Runner.run} starting and joining the worker threads is outside it (the harness
 * logs the wall time beside it).
 */
public final class WeftWordCount implements Workload {

    private final Params params;
    private final int workers;
    private Corpus corpus;
    private WordCounts last;
    private long lastNanos = -1;

    /**
     * A word count over the corpus that {@code params} name.
     *
     * @param params  the run's parameters
     * @param workers how many worker threads
     */
    public WeftWordCount(Params params, int workers) {
        this.params = params;
        this.workers = workers;
    }

    @Override
    public void setup() {
        corpus = WordCountSetup.corpus(params);
    }

    @Override
    public long run() {
        Clock clock = new Clock();
        WordCounts result = new WordCounts();
        Dataflow flow = new Dataflow("wordcount");
        flow.input("lines", new TimedSource(new DirSource(corpus.dir(), "part-*.txt"), clock))
                .flatMap("split", (String line) -> Arrays.asList(Words.split(line)))
                .countFinal("count", (String word) -> word)
                .output("sink", new CountingSink(result, clock));
        Runner.run(flow, RunConfig.defaults(workers)
                .withEpochInterval(Duration.ofMillis(params.get(WordCountSetup.EPOCH_MILLIS))));
        lastNanos = clock.nanos();
        synchronized (result) {
            result.require("weft, " + workers + (workers == 1 ? " worker" : " workers"), corpus.expected());
        }
        last = result;
        return result.total();
    }

    @Override
    public long lastRunNanos() {
        return lastNanos;
    }

    @Override
    public String detail() {
        return String.valueOf(last);
    }

    /** When the first partition was first read, and when the last sink was closed. */
    static final class Clock {
        private final AtomicLong first = new AtomicLong();
        private final AtomicLong end = new AtomicLong();

        void read() {
            if (first.get() == 0) {
                first.compareAndSet(0, System.nanoTime());
            }
        }

        void ended() {
            end.accumulateAndGet(System.nanoTime(), Math::max);
        }

        long nanos() {
            if (first.get() == 0 || end.get() == 0) {
                throw new IllegalStateException("the run read nothing or closed no sink");
            }
            return end.get() - first.get();
        }
    }

    /** A partitioned source that tells the clock when any of its partitions is first read. */
    private static final class TimedSource implements PartitionedSource<String, Long> {
        private final PartitionedSource<String, Long> inner;
        private final Clock clock;

        TimedSource(PartitionedSource<String, Long> inner, Clock clock) {
            this.inner = inner;
            this.clock = clock;
        }

        @Override
        public List<String> listPartitions() {
            return inner.listPartitions();
        }

        @Override
        public SourcePartition<String, Long> buildPartition(String partition, Long resumeState) {
            SourcePartition<String, Long> reader = inner.buildPartition(partition, resumeState);
            return new SourcePartition<>() {
                @Override
                public List<String> nextBatch() throws Exception {
                    clock.read();
                    return reader.nextBatch();
                }

                @Override
                public Instant nextAwake() {
                    return reader.nextAwake();
                }

                @Override
                public Long snapshot() {
                    return reader.snapshot();
                }

                @Override
                public void close() throws Exception {
                    reader.close();
                }
            };
        }
    }

    /** Folds each worker's final counts into its own summary, merged into the run's when it closes. */
    private static final class CountingSink implements DynamicSink<KeyValue<String, Long>> {
        private final WordCounts result;
        private final Clock clock;

        CountingSink(WordCounts result, Clock clock) {
            this.result = result;
            this.clock = clock;
        }

        @Override
        public StatelessSinkPartition<KeyValue<String, Long>> build(int workerIndex, int workerCount) {
            WordCounts mine = new WordCounts();
            return new StatelessSinkPartition<>() {
                @Override
                public void writeBatch(List<KeyValue<String, Long>> items) {
                    for (KeyValue<String, Long> item : items) {
                        mine.add(item.key(), item.value());
                    }
                }

                @Override
                public void close() {
                    synchronized (result) {
                        result.merge(mine);
                    }
                    clock.ended();
                }
            };
        }
    }
}
