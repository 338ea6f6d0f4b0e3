package dev.weft.engine.testkit;

import java.util.Objects;

/**
 * An undirected graph as a list of edges: edge {@code i} joins nodes {@code src()[i]} and
 * {@code dst()[i]}, and nodes are numbered {@code 0 .. nodes() - 1}.
 *
 * <p>The edge arrays are shared with the caller, not copied, so that a benchmark can read them
 * without a copy: treat them as read-only. Edges have no direction that matters to connected
 * components; a node that is the endpoint of no edge is still a node (its own component).
 */
public final class Graph {

    private final int nodes;
    private final int[] src;
    private final int[] dst;

    /**
     * A graph over {@code nodes} nodes with the edges {@code (src[i], dst[i])}.
     *
     * @param nodes the number of nodes, at least 0
     * @param src   the first endpoint of every edge; kept, not copied
     * @param dst   the second endpoint of every edge, as long as {@code src}; kept, not copied
     * @throws IllegalArgumentException if the arrays differ in length or an endpoint is not a node
     */
    public Graph(int nodes, int[] src, int[] dst) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        if (nodes < 0) {
            throw new IllegalArgumentException("nodes must be >= 0, got " + nodes);
        }
        if (src.length != dst.length) {
            throw new IllegalArgumentException(
                    "src and dst must have the same length, got " + src.length + " and " + dst.length);
        }
        for (int i = 0; i < src.length; i++) {
            if (src[i] < 0 || src[i] >= nodes || dst[i] < 0 || dst[i] >= nodes) {
                throw new IllegalArgumentException("edge " + i + " (" + src[i] + ", " + dst[i]
                        + ") has an endpoint outside 0.." + (nodes - 1));
            }
        }
        this.nodes = nodes;
        this.src = src;
        this.dst = dst;
    }

    /** {@return the number of nodes; node ids are {@code 0 .. nodes() - 1}} */
    public int nodes() {
        return nodes;
    }

    /** {@return the number of edges} */
    public int edges() {
        return src.length;
    }

    /** {@return the first endpoint of every edge: the array itself, not a copy; do not modify it} */
    public int[] src() {
        return src;
    }

    /** {@return the second endpoint of every edge: the array itself, not a copy; do not modify it} */
    public int[] dst() {
        return dst;
    }

    /**
     * The edges packed one per {@code long}, {@code src} in the high 32 bits and {@code dst} in the
     * low 32 bits: {@code ((long) src << 32) | dst}.
     *
     * @return a new array, one entry per edge
     */
    public long[] packedEdges() {
        long[] packed = new long[src.length];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = ((long) src[i] << 32) | (dst[i] & 0xFFFF_FFFFL);
        }
        return packed;
    }

    @Override
    public String toString() {
        return "Graph[nodes=" + nodes + ", edges=" + src.length + "]";
    }
}
