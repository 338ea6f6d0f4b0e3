package dev.weft.bench.baseline;

import dev.weft.bench.harness.Workload;
import dev.weft.engine.testkit.Graph;
import dev.weft.engine.testkit.Graphs;
import dev.weft.engine.testkit.UnionFind;

/**
 * The {@code cc} baseline (McSherry et al.'s COST: the single thread to beat): connected
 * components of a random graph by sequential union-find, then every node labelled with the
 * smallest node id of its component, the output a min-label propagation dataflow produces.
 * Reports edges per second.
 *
 * <p>The graph is {@link Graphs#random(int, int, long)}, so a Weft variant given the same
 * parameters works on the same edges; the union-find is the test kit's {@link UnionFind} (union
 * by size, path halving), the same code the engine's connected-components test trusts as its
 * oracle. Each run starts from singletons ({@link UnionFind#clear()}, counted in the time). The
 * component count must be the same on every run.
 */
public final class UnionFindHandLoop implements Workload {

    private final int nodes;
    private final int edges;
    private final long seed;
    private Graph graph;
    private UnionFind unionFind;
    private int[] labels;
    private int components = -1;

    /**
     * A workload over the graph {@code Graphs.random(nodes, edges, seed)}.
     *
     * @param nodes the number of nodes, at least 2
     * @param edges the number of edges, at least 1
     * @param seed  selects the graph
     */
    public UnionFindHandLoop(int nodes, int edges, long seed) {
        if (nodes < 2 || edges < 1) {
            throw new IllegalArgumentException("need nodes >= 2 and edges >= 1, got " + nodes + " and " + edges);
        }
        this.nodes = nodes;
        this.edges = edges;
        this.seed = seed;
    }

    @Override
    public void setup() {
        graph = Graphs.random(nodes, edges, seed);
        unionFind = new UnionFind(nodes);
        labels = new int[nodes];
    }

    @Override
    public long run() {
        UnionFind unionFind = this.unionFind;
        unionFind.clear();
        unionFind.unionAll(graph);
        unionFind.minLabels(labels);
        int found = unionFind.components();
        if (components >= 0 && found != components) {
            throw new IllegalStateException("cc: " + found + " components, " + components + " before");
        }
        components = found;
        return edges;
    }

    @Override
    public String detail() {
        return "components=" + components + ", nodes=" + nodes + ", edges=" + edges;
    }
}
