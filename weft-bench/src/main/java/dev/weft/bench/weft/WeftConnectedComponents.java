package dev.weft.bench.weft;

import dev.weft.bench.harness.Workload;
import dev.weft.engine.testkit.ConnectedComponents;
import dev.weft.engine.testkit.Graph;
import dev.weft.engine.testkit.Graphs;
import dev.weft.engine.testkit.UnionFind;
import dev.weft.engine.worker.Execution;
import dev.weft.engine.worker.ExecutionConfig;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The {@code cc} benchmark on Weft: connected components by label propagation in a loop scope
 * ({@link ConnectedComponents}), checked against union-find, on N workers. Beside the sequential
 * union-find this gives the COST ratio.
 */
public final class WeftConnectedComponents implements Workload {

    private final int nodes;
    private final int edges;
    private final long seed;
    private final int workers;
    private Graph graph;
    private int[] expected;

    /** A workload over {@code Graphs.random(nodes, edges, seed)} on {@code workers} workers. */
    public WeftConnectedComponents(int nodes, int edges, long seed, int workers) {
        this.nodes = nodes;
        this.edges = edges;
        this.seed = seed;
        this.workers = workers;
    }

    @Override
    public void setup() {
        graph = Graphs.random(nodes, edges, seed);
        expected = UnionFind.of(graph).minLabels();
    }

    @Override
    public long run() {
        AtomicIntegerArray labels = new AtomicIntegerArray(nodes);
        for (int n = 0; n < nodes; n++) {
            labels.set(n, Integer.MAX_VALUE);
        }
        new Execution(ExecutionConfig.defaults(workers))
                .run(worker -> worker.dataflow("cc", scope -> ConnectedComponents.build(scope, graph, labels)));
        int[] actual = new int[nodes];
        for (int n = 0; n < nodes; n++) {
            actual[n] = labels.get(n);
        }
        if (!Arrays.equals(actual, expected)) {
            throw new IllegalStateException("weft cc: labels differ from union-find");
        }
        return edges;
    }

    @Override
    public String detail() {
        return workers + " workers, labels checked";
    }
}
