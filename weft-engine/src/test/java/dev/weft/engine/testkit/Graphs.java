package dev.weft.engine.testkit;

/**
 * Deterministic random undirected graphs for connected-components tests and benchmarks.
 *
 * <p>The same arguments always give the same graph, on every JVM and JDK version: the generator
 * is a SplitMix64 sequence seeded with {@code seed} (written out here, not {@code java.util}'s), and
 * a bounded draw is {@code (next() >>> 32) * bound >>> 32}, whose bias is below {@code 2^-32 *
 * bound} and irrelevant here. A failing test can therefore print its seed and be replayed.
 *
 * <p>Two shapes:
 * <ul>
 *   <li>{@link #random(int, int, long)}: every edge joins two distinct nodes drawn uniformly at
 *       random (an Erdős–Rényi multigraph: no self-loops, duplicate edges possible). With the
 *       default sizes (average degree 8) almost every node is in one giant component, and the few
 *       others are isolated nodes; the component count is whatever {@link UnionFind} says.</li>
 *   <li>{@link #withComponents(int, int, int, long)}: a union of disjoint connected parts, so the
 *       number of components is known by construction, and every node is an endpoint of some
 *       edge (so a dataflow that only sees edges still sees every node).</li>
 * </ul>
 */
public final class Graphs {

    /** The default number of nodes: {@value}. */
    public static final int DEFAULT_NODES = 50_000;

    /** The default number of edges: {@value} (average degree 8). */
    public static final int DEFAULT_EDGES = 200_000;

    private Graphs() {
    }

    /**
     * A random graph of {@link #DEFAULT_NODES} nodes and {@link #DEFAULT_EDGES} edges.
     *
     * @param seed selects the graph
     * @return the graph; see {@link #random(int, int, long)}
     */
    public static Graph random(long seed) {
        return random(DEFAULT_NODES, DEFAULT_EDGES, seed);
    }

    /**
     * A random graph: each of the {@code edges} edges joins two distinct nodes drawn uniformly from
     * {@code 0 .. nodes - 1}. No self-loops; the same pair may occur more than once.
     *
     * @param nodes the number of nodes; at least 2 if {@code edges > 0}
     * @param edges the number of edges, at least 0
     * @param seed  selects the graph
     * @return the graph
     * @throws IllegalArgumentException if the sizes are negative, or edges are asked for with
     *                                  fewer than two nodes
     */
    public static Graph random(int nodes, int edges, long seed) {
        if (nodes < 0 || edges < 0) {
            throw new IllegalArgumentException(
                    "nodes and edges must be >= 0, got nodes=" + nodes + ", edges=" + edges);
        }
        if (edges > 0 && nodes < 2) {
            throw new IllegalArgumentException(
                    "a graph without self-loops needs at least 2 nodes for " + edges + " edges, got " + nodes);
        }
        SplitMix64 random = new SplitMix64(seed);
        int[] src = new int[edges];
        int[] dst = new int[edges];
        for (int i = 0; i < edges; i++) {
            int a = random.nextInt(nodes);
            int b;
            do {
                b = random.nextInt(nodes);
            } while (b == a);
            src[i] = a;
            dst[i] = b;
        }
        return new Graph(nodes, src, dst);
    }

    /**
     * A graph with exactly {@code components} connected components: a union of disjoint random
     * connected parts.
     *
     * <p>The nodes are shuffled and cut into {@code components} parts whose sizes differ by at
     * most one (so a part's nodes are scattered over the id range, not contiguous). Each part gets
     * a random spanning tree (each of its nodes but the first joins a random earlier one), which
     * makes it connected, and the remaining {@code edges - (nodes - components)} edges each join
     * two distinct random nodes of the same part, a part being chosen with probability
     * proportional to its size. Finally the edge list is shuffled and each edge's endpoints are
     * swapped with probability 1/2, so neither edge order nor direction gives the parts away.
     *
     * @param components the number of components, at least 1
     * @param nodes      the number of nodes, at least {@code 2 * components} (so every part has an
     *                   edge and every node is an endpoint of some edge)
     * @param edges      the number of edges, at least {@code nodes - components} (the spanning trees)
     * @param seed       selects the graph
     * @return the graph, whose component count is {@code components}
     * @throws IllegalArgumentException if the sizes cannot meet the guarantees above
     */
    public static Graph withComponents(int components, int nodes, int edges, long seed) {
        if (components < 1) {
            throw new IllegalArgumentException("components must be >= 1, got " + components);
        }
        if (nodes < 2L * components) {
            throw new IllegalArgumentException("nodes must be >= 2 * components = " + 2L * components
                    + " so that every component has an edge, got " + nodes);
        }
        if (edges < nodes - components) {
            throw new IllegalArgumentException("edges must be >= nodes - components = " + (nodes - components)
                    + " to connect every component, got " + edges);
        }
        SplitMix64 random = new SplitMix64(seed);
        int[] node = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            node[i] = i;
        }
        shuffle(node, random);

        // Part p holds positions [start(p), start(p + 1)) of the shuffled order; the first
        // `larger` parts have one position more than the rest.
        int small = nodes / components;
        int larger = nodes % components;
        int[] src = new int[edges];
        int[] dst = new int[edges];
        int edge = 0;
        for (int part = 0; part < components; part++) {
            int start = start(part, small, larger);
            int size = start(part + 1, small, larger) - start;
            for (int j = 1; j < size; j++) {
                src[edge] = node[start + j];
                dst[edge] = node[start + random.nextInt(j)];
                edge++;
            }
        }
        int largeSpan = larger * (small + 1);
        while (edge < edges) {
            int position = random.nextInt(nodes);
            int part = position < largeSpan
                    ? position / (small + 1)
                    : larger + (position - largeSpan) / small;
            int start = start(part, small, larger);
            int size = start(part + 1, small, larger) - start;
            int other;
            do {
                other = start + random.nextInt(size);
            } while (other == position);
            src[edge] = node[position];
            dst[edge] = node[other];
            edge++;
        }
        for (int i = edges - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            swap(src, i, j);
            swap(dst, i, j);
        }
        for (int i = 0; i < edges; i++) {
            if ((random.next() & 1) != 0) {
                int a = src[i];
                src[i] = dst[i];
                dst[i] = a;
            }
        }
        return new Graph(nodes, src, dst);
    }

    private static int start(int part, int small, int larger) {
        return part * small + Math.min(part, larger);
    }

    private static void shuffle(int[] values, SplitMix64 random) {
        for (int i = values.length - 1; i > 0; i--) {
            swap(values, i, random.nextInt(i + 1));
        }
    }

    private static void swap(int[] values, int i, int j) {
        int a = values[i];
        values[i] = values[j];
        values[j] = a;
    }

    /** SplitMix64 (Steele, Lea, Flood 2014), written out so graphs never change with the JDK. */
    private static final class SplitMix64 {
        private long state;

        SplitMix64(long seed) {
            state = seed;
        }

        long next() {
            long z = state += 0x9E37_79B9_7F4A_7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
            return z ^ (z >>> 31);
        }

        /** A draw from {@code 0 .. bound - 1}; {@code bound} must be positive. */
        int nextInt(int bound) {
            return (int) (((next() >>> 32) * bound) >>> 32);
        }
    }
}
