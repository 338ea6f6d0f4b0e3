package dev.weft.bench;

import dev.weft.bench.baseline.EpochsHandLoop;
import dev.weft.bench.baseline.ExchangeHandLoop;
import dev.weft.bench.baseline.MapsHandLoop;
import dev.weft.bench.baseline.UnionFindHandLoop;
import dev.weft.bench.harness.Benchmark;
import dev.weft.bench.harness.Params;
import dev.weft.bench.harness.Result;
import dev.weft.bench.harness.Variant;
import dev.weft.bench.recovery.StoreWorkload;
import dev.weft.bench.stress.StressSweep;
import dev.weft.bench.weft.WeftConnectedComponents;
import dev.weft.bench.weft.WeftEpochs;
import dev.weft.bench.weft.WeftExchange;
import dev.weft.bench.weft.WeftMaps;
import dev.weft.bench.wordcount.FlinkVariants;
import dev.weft.bench.wordcount.HandLoopWordCount;
import dev.weft.bench.wordcount.WeftWordCount;
import dev.weft.bench.wordcount.WordCountSetup;
import dev.weft.bench.wordcount.WordCountSummary;
import java.util.List;
import java.util.Map;

/**
 * Every benchmark, with its parameters and variants: the registry that {@link Main} selects from.
 *
 * <p>To measure another engine beside a hand loop, add one line to that benchmark's variant list,
 * reading the same parameters, e.g.
 * {@code Variant.of("weft, 1 worker", p -> new WeftMaps(p.getInt("maps.records"), 1))}.
 * Variants run in list order, one after the other in the same JVM.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * Every benchmark, in the order {@code all} runs them.
     *
     * @return the benchmarks
     */
    public static List<Benchmark> all() {
        return List.of(
                new Benchmark("maps", "rec/s",
                        "x+1, x*3, x-2 as boxed Function<Long, Long> over a Long[], into a summing sink; 1 thread",
                        Map.of("maps.records", 10_000_000L),
                        List.of(
                                Variant.handLoop(p -> new MapsHandLoop(p.getInt("maps.records"))),
                                Variant.of("weft, 1 worker", p -> new WeftMaps(p.getInt("maps.records"))))),
                new Benchmark("exchange", "rec/s",
                        "2 threads route a Long[] by 64-bit hash in batches of 1,024 over SPSC queues; receivers sum",
                        Map.of("exchange.records", 10_000_000L),
                        List.of(
                                Variant.handLoop(p -> new ExchangeHandLoop(p.getInt("exchange.records"))),
                                Variant.of("weft, 2 workers", p -> new WeftExchange(p.getInt("exchange.records"), 2)))),
                new Benchmark("epochs", "epochs/s",
                        "one record per epoch through a map into a sink, each epoch known complete before the next",
                        Map.of("epochs.epochs", 1_000_000L),
                        List.of(
                                Variant.handLoop(p -> new EpochsHandLoop(p.get("epochs.epochs"))),
                                Variant.of("weft, 1 worker", p -> new WeftEpochs(p.get("epochs.epochs"))))),
                new Benchmark("cc", "edges/s",
                        "connected components of Graphs.random(cc.nodes, cc.edges, cc.seed), min label per node",
                        Map.of("cc.nodes", 1_000_000L, "cc.edges", 4_000_000L, "cc.seed", 1L),
                        List.of(
                                Variant.handLoop(p -> new UnionFindHandLoop(
                                        p.getInt("cc.nodes"), p.getInt("cc.edges"), p.get("cc.seed"))),
                                Variant.of("weft, 1 worker", p -> new WeftConnectedComponents(
                                        p.getInt("cc.nodes"), p.getInt("cc.edges"), p.get("cc.seed"), 1)),
                                Variant.of("weft, 2 workers", p -> new WeftConnectedComponents(
                                        p.getInt("cc.nodes"), p.getInt("cc.edges"), p.get("cc.seed"), 2)))),
                new Benchmark(WordCountSetup.BENCHMARK, "words/s",
                        "count the words of a generated Zipf corpus (wordcount.kilobytes KiB in wordcount.files files)"
                                + " on the user API; one JVM per variant; processing time, first read to sink end",
                        WordCountSetup.defaults(),
                        List.of(
                                Variant.handLoop(HandLoopWordCount::new),
                                Variant.of("hand loop, 2 threads", p -> new HandLoopWordCount(p, 2)),
                                Variant.of("weft, 1 worker", p -> new WeftWordCount(p, 1)),
                                Variant.of("weft, 2 workers", p -> new WeftWordCount(p, 2)),
                                Variant.of(FlinkVariants.name("streaming", 1), p -> FlinkVariants.load(p, "streaming", 1)),
                                Variant.of(FlinkVariants.name("streaming", 2), p -> FlinkVariants.load(p, "streaming", 2)),
                                Variant.of(FlinkVariants.name("batch", 1), p -> FlinkVariants.load(p, "batch", 1)),
                                Variant.of(FlinkVariants.name("batch", 2), p -> FlinkVariants.load(p, "batch", 2)))),
                new Benchmark("stress", "seeds/s",
                        "seeds of the threaded engine's randomized run (loops, exchanges, broadcasts, 2 to 8 workers,"
                                + " fed sources, tiny flow control, serializing), each checked against the sequential"
                                + " model; fails if any seed does",
                        Map.of("stress.first", 0L, "stress.seeds", 100L),
                        List.of(Variant.of("weft, 2 to 8 workers",
                                p -> new StressSweep(p.get("stress.first"), p.get("stress.seeds"))))),
                new Benchmark("store", "keys/s",
                        "the recovery store on SQLite files: a snapshot of store.keys keys (8-byte keys, 16-byte"
                                + " values) written in one writer, with progress and garbage collection, or read back"
                                + " as a resume does; 1 thread",
                        Map.of("store.keys", 1_000_000L, "store.partitions", 4L),
                        List.of(Variant.of("weft, write a snapshot", p -> new StoreWorkload(StoreWorkload.Mode.WRITE,
                                        p.getInt("store.keys"), p.getInt("store.partitions"))),
                                Variant.of("weft, read for a resume", p -> new StoreWorkload(StoreWorkload.Mode.READ,
                                        p.getInt("store.keys"), p.getInt("store.partitions"))))));
    }

    /**
     * Whether each variant of benchmark {@code name} runs in a JVM of its own ({@link Forked}):
     * the word count's do, so that no engine's JIT profile, heap or threads touch another's.
     *
     * @param name a benchmark's name
     * @return whether its variants are forked
     */
    public static boolean forked(String name) {
        return name.equals(WordCountSetup.BENCHMARK);
    }

    /**
     * Prepares what every variant of benchmark {@code name} reads, before any of them runs: the
     * word count's corpus, generated once into the cache. Nothing for the others.
     *
     * @param name   a benchmark's name
     * @param params the run's parameters
     */
    public static void prepare(String name, Params params) {
        if (name.equals(WordCountSetup.BENCHMARK)) {
            WordCountSetup.corpus(params);
        }
    }

    /**
     * A benchmark's own summary, printed after the results table: the word count's lines/s,
     * ratios to Flink and its targets. Empty for the others.
     *
     * @param name    a benchmark's name
     * @param results its variants' results, in the order they ran
     * @param params  the run's parameters
     * @return the text, ending in a line break, or empty
     */
    public static String summary(String name, List<Result> results, Params params) {
        if (name.equals(WordCountSetup.BENCHMARK) && !results.isEmpty()) {
            return WordCountSummary.format(WordCountSetup.corpus(params), results);
        }
        return "";
    }
}
