package dev.weft.engine.testkit;

import java.util.Arrays;

/**
 * Sequential connected components by union-find: the oracle for connected-components tests and
 * the single-threaded (COST) baseline in {@code weft-bench}.
 *
 * <p>Union by size and path halving, so a sequence of {@code m} operations on {@code n} nodes
 * costs {@code O(m α(n))}. {@link #minLabels()} labels every node with the smallest node id in its
 * component, which is exactly what a min-label propagation dataflow converges to, so the two can
 * be compared array to array.
 *
 * <pre>{@code
 * Graph graph = Graphs.withComponents(10, 1_000, 3_000, seed);
 * UnionFind components = UnionFind.of(graph);
 * assert components.components() == 10;
 * int[] expected = components.minLabels();
 * }</pre>
 *
 * <p>Not thread-safe: one thread owns an instance.
 */
public final class UnionFind {

    private final int[] parent;
    private final int[] size;
    private int components;
    private int[] firstSeen;

    /**
     * {@code nodes} singleton components, one per node {@code 0 .. nodes - 1}.
     *
     * @param nodes the number of nodes, at least 0
     */
    public UnionFind(int nodes) {
        if (nodes < 0) {
            throw new IllegalArgumentException("nodes must be >= 0, got " + nodes);
        }
        parent = new int[nodes];
        size = new int[nodes];
        clear();
    }

    /**
     * The components of {@code graph}: a new instance with every edge united.
     *
     * @param graph the graph
     * @return its components
     */
    public static UnionFind of(Graph graph) {
        UnionFind unionFind = new UnionFind(graph.nodes());
        unionFind.unionAll(graph);
        return unionFind;
    }

    /** Makes every node its own component again, without allocating. */
    public void clear() {
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Arrays.fill(size, 1);
        components = parent.length;
    }

    /** {@return the number of nodes} */
    public int nodes() {
        return parent.length;
    }

    /** {@return the current number of components, isolated nodes included} */
    public int components() {
        return components;
    }

    /**
     * The representative of {@code node}'s component (not necessarily its smallest node; see
     * {@link #minLabels()}). Halves the path it walks.
     *
     * @param node a node
     * @return the root of its tree
     */
    public int find(int node) {
        int[] parent = this.parent;
        int x = node;
        while (parent[x] != x) {
            int grandparent = parent[parent[x]];
            parent[x] = grandparent;
            x = grandparent;
        }
        return x;
    }

    /**
     * Merges the components of {@code a} and {@code b}, hanging the smaller tree under the larger.
     *
     * @param a a node
     * @param b a node
     * @return whether they were in different components (so the count went down by one)
     */
    public boolean union(int a, int b) {
        int rootA = find(a);
        int rootB = find(b);
        if (rootA == rootB) {
            return false;
        }
        if (size[rootA] < size[rootB]) {
            int swap = rootA;
            rootA = rootB;
            rootB = swap;
        }
        parent[rootB] = rootA;
        size[rootA] += size[rootB];
        components--;
        return true;
    }

    /**
     * Unites the endpoints of every edge of {@code graph}.
     *
     * @param graph a graph with at most {@link #nodes()} nodes
     */
    public void unionAll(Graph graph) {
        if (graph.nodes() > parent.length) {
            throw new IllegalArgumentException(
                    "graph has " + graph.nodes() + " nodes, this union-find only " + parent.length);
        }
        int[] src = graph.src();
        int[] dst = graph.dst();
        for (int i = 0; i < src.length; i++) {
            union(src[i], dst[i]);
        }
    }

    /**
     * Whether {@code a} and {@code b} are in the same component.
     *
     * @param a a node
     * @param b a node
     * @return whether they are connected
     */
    public boolean connected(int a, int b) {
        return find(a) == find(b);
    }

    /**
     * Every node's label: the smallest node id in its component.
     *
     * @return a new array, indexed by node
     */
    public int[] minLabels() {
        int[] labels = new int[parent.length];
        minLabels(labels);
        return labels;
    }

    /**
     * Writes every node's label, the smallest node id in its component, into {@code labels}.
     * One pass in increasing node order: the first node seen of a component is its smallest. The
     * scratch array it needs is allocated once per instance, so repeated calls allocate nothing.
     *
     * @param labels an array of at least {@link #nodes()} entries, indexed by node
     */
    public void minLabels(int[] labels) {
        int nodes = parent.length;
        if (labels.length < nodes) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries, need " + nodes);
        }
        if (firstSeen == null) {
            firstSeen = new int[nodes];
        }
        int[] first = firstSeen;
        Arrays.fill(first, -1);
        for (int node = 0; node < nodes; node++) {
            int root = find(node);
            if (first[root] < 0) {
                first[root] = node;
            }
            labels[node] = first[root];
        }
    }
}
