package dev.weft.bench.flink;

import dev.weft.bench.harness.Params;
import dev.weft.bench.harness.Workload;
import dev.weft.bench.wordcount.Corpus;
import dev.weft.bench.wordcount.WordCountSetup;
import dev.weft.bench.wordcount.WordCounts;
import dev.weft.bench.wordcount.Words;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The word count on Apache Flink's DataStream API, in local mode (a mini cluster in this JVM), as
 * Flink's own examples write it:
 *
 * <pre>{@code
 * env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), parts).build(), ...)
 *    .flatMap((line, out) -> { for (word : Words.split(line)) out.collect(Tuple2.of(word, 1L)); })
 *    .keyBy(t -> t.f0)
 *    .process(finalCount)     // STREAMING: ValueState<Long> per word, emitted by a timer at end of input
 *    .reduce(sum)             // BATCH: Flink sorts by key and emits each key's sum once
 *    .sinkTo(countingSink);
 * }</pre>
 *
 * <p>Every operator has the job's parallelism; the source reads one file per split, handed to its
 * readers on request. In STREAMING mode a keyed reduce would emit a running count per word
 * occurrence; to produce only final counts, as Weft's {@code countFinal} does, each word's count is
 * kept in keyed state and emitted by an event-time timer at {@code Long.MAX_VALUE}, which fires when
 * the bounded source ends (its final watermark). BATCH mode's {@code reduce} emits final counts
 * itself. Checkpointing is off, state is on the heap (Flink's defaults), object reuse is off
 * (the default).
 *
 * <p><b>What is timed</b>: from the first file reader created ({@code TextLineInputFormat}'s, through
 * a delegating format) to the last sink writer closed, read from statics in this JVM. The mini
 * cluster's start, the job's submission and deployment, and its shutdown are outside; the harness
 * logs each run's wall time beside its processing time.
 */
public final class FlinkWordCount implements Workload {

    private final Params params;
    private final RuntimeExecutionMode mode;
    private final int parallelism;
    private Corpus corpus;
    private WordCounts last;
    private long lastNanos = -1;

    /**
     * A word count over the corpus that {@code params} name.
     *
     * @param params      the run's parameters
     * @param mode        {@code streaming} or {@code batch}: Flink's runtime mode
     * @param parallelism the job's parallelism (and the mini cluster's task slots)
     */
    public FlinkWordCount(Params params, String mode, int parallelism) {
        this.params = params;
        this.mode = RuntimeExecutionMode.valueOf(mode.toUpperCase(Locale.ROOT));
        this.parallelism = parallelism;
        if (this.mode == RuntimeExecutionMode.AUTOMATIC) {
            throw new IllegalArgumentException("mode must be streaming or batch");
        }
    }

    @Override
    public void setup() {
        corpus = WordCountSetup.corpus(params);
    }

    @Override
    public long run() throws Exception {
        Run.reset();
        Configuration configuration = new Configuration();
        configuration.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, configuration);
        Path[] parts = corpus.files().stream().map(file -> new Path(file.toUri())).toArray(Path[]::new);
        TypeInformation<Tuple2<String, Long>> pair = Types.TUPLE(Types.STRING, Types.LONG);
        DataStream<String> lines = env
                .fromSource(FileSource.forRecordStreamFormat(new TimedFormat(new TextLineInputFormat()), parts).build(),
                        WatermarkStrategy.noWatermarks(), "corpus")
                .setParallelism(parallelism);
        KeyedStream<Tuple2<String, Long>, String> words = lines
                .flatMap(new Split(), pair).setParallelism(parallelism)
                .keyBy(new ByWord(), Types.STRING);
        DataStream<Tuple2<String, Long>> counts = mode == RuntimeExecutionMode.STREAMING
                ? words.process(new FinalCount(), pair).setParallelism(parallelism)
                : words.reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)).returns(pair).setParallelism(parallelism);
        counts.sinkTo(new CountingSink()).setParallelism(parallelism);
        JobExecutionResult job = env.execute("wordcount");
        lastNanos = Run.nanos();
        WordCounts result = Run.result();
        result.require(mode.name().toLowerCase(Locale.ROOT) + " flink, parallelism " + parallelism, corpus.expected());
        last = result;
        if (job.getNetRuntime() <= 0) {
            throw new IllegalStateException("flink reported no run time");
        }
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

    /** The run's clock and result, shared by the job's functions through statics (one job at a time). */
    static final class Run {
        private static final AtomicLong FIRST_READ = new AtomicLong();
        private static final AtomicLong LAST_CLOSE = new AtomicLong();
        private static WordCounts result = new WordCounts();

        private Run() {
        }

        static synchronized void reset() {
            FIRST_READ.set(0);
            LAST_CLOSE.set(0);
            result = new WordCounts();
        }

        static void read() {
            if (FIRST_READ.get() == 0) {
                FIRST_READ.compareAndSet(0, System.nanoTime());
            }
        }

        static synchronized void closed(WordCounts part) {
            result.merge(part);
            LAST_CLOSE.accumulateAndGet(System.nanoTime(), Math::max);
        }

        static synchronized WordCounts result() {
            return result;
        }

        static long nanos() {
            if (FIRST_READ.get() == 0 || LAST_CLOSE.get() == 0) {
                throw new IllegalStateException("the job read nothing or closed no sink writer");
            }
            return LAST_CLOSE.get() - FIRST_READ.get();
        }
    }

    /** Flink's text line format, noting when its first reader is created. */
    static final class TimedFormat extends SimpleStreamFormat<String> {
        private static final long serialVersionUID = 1L;
        private final TextLineInputFormat inner;

        TimedFormat(TextLineInputFormat inner) {
            this.inner = inner;
        }

        @Override
        public StreamFormat.Reader<String> createReader(Configuration config, FSDataInputStream stream)
                throws IOException {
            Run.read();
            return inner.createReader(config, stream);
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return inner.getProducedType();
        }
    }

    /** Splits a line into (word, 1) pairs. */
    static final class Split implements FlatMapFunction<String, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
            for (String word : Words.split(line)) {
                out.collect(Tuple2.of(word, 1L));
            }
        }
    }

    /** Keys a pair by its word. */
    static final class ByWord implements KeySelector<Tuple2<String, Long>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Tuple2<String, Long> pair) {
            return pair.f0;
        }
    }

    /** STREAMING: each word's count in keyed state, emitted once when the input has ended. */
    static final class FinalCount extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Tuple2<String, Long> pair, Context context, Collector<Tuple2<String, Long>> out)
                throws IOException {
            Long sofar = count.value();
            if (sofar == null) {
                // Fires when the watermark reaches Long.MAX_VALUE: at the end of the bounded input.
                context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
                count.update(pair.f1);
            } else {
                count.update(sofar + pair.f1);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext context, Collector<Tuple2<String, Long>> out)
                throws IOException {
            out.collect(Tuple2.of(context.getCurrentKey(), count.value()));
            count.clear();
        }
    }

    /** Folds each subtask's final counts into a summary, merged into the run's when its writer closes. */
    static final class CountingSink implements Sink<Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Tuple2<String, Long>> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                private final WordCounts mine = new WordCounts();

                @Override
                public void write(Tuple2<String, Long> pair, Context context) {
                    mine.add(pair.f0, pair.f1);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                    Run.closed(mine);
                }
            };
        }
    }
}
