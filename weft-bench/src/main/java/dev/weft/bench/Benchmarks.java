package dev.weft.bench;

import dev.weft.bench.baseline.EpochsHandLoop;
import dev.weft.bench.baseline.ExchangeHandLoop;
import dev.weft.bench.baseline.MapsHandLoop;
import dev.weft.bench.baseline.UnionFindHandLoop;
import dev.weft.bench.harness.Benchmark;
import dev.weft.bench.harness.Variant;
import dev.weft.bench.weft.WeftConnectedComponents;
import dev.weft.bench.weft.WeftEpochs;
import dev.weft.bench.weft.WeftExchange;
import dev.weft.bench.weft.WeftMaps;
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
                                        p.getInt("cc.nodes"), p.getInt("cc.edges"), p.get("cc.seed"), 2)))));
    }
}
