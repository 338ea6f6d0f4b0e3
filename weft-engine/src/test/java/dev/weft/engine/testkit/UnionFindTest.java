package dev.weft.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link UnionFind} on small cases, and against breadth-first search on random graphs. */
class UnionFindTest {

    @Test
    void shouldStartWithEveryNodeItsOwnComponent() {
        UnionFind unionFind = new UnionFind(4);

        assertThat(unionFind.components()).isEqualTo(4);
        assertThat(unionFind.minLabels()).containsExactly(0, 1, 2, 3);
        assertThat(unionFind.connected(1, 2)).isFalse();
    }

    @Test
    void shouldLabelEveryNodeWithTheSmallestNodeOfItsComponent() {
        UnionFind unionFind = new UnionFind(6);

        assertThat(unionFind.union(4, 2)).isTrue();
        assertThat(unionFind.union(5, 3)).isTrue();
        assertThat(unionFind.union(3, 1)).isTrue();

        assertThat(unionFind.components()).isEqualTo(3);
        assertThat(unionFind.minLabels()).containsExactly(0, 1, 2, 1, 2, 1);
        assertThat(unionFind.connected(5, 1)).isTrue();
    }

    @Test
    void shouldReportAUnionOfConnectedNodesAsNoChange() {
        UnionFind unionFind = new UnionFind(3);
        unionFind.union(0, 1);
        unionFind.union(1, 2);

        assertThat(unionFind.union(2, 0)).isFalse();
        assertThat(unionFind.union(1, 1)).isFalse();
        assertThat(unionFind.components()).isEqualTo(1);
    }

    @Test
    void shouldConnectALongChainWhateverTheOrderOfItsEdges() {
        int nodes = 10_000;
        UnionFind unionFind = new UnionFind(nodes);
        for (int i = nodes - 1; i > 0; i -= 2) {
            unionFind.union(i, i - 1);
        }
        for (int i = 1; i + 1 < nodes; i += 2) {
            unionFind.union(i + 1, i);
        }

        assertThat(unionFind.components()).isEqualTo(1);
        assertThat(unionFind.minLabels()).containsOnly(0);
    }

    @Test
    void shouldForgetEveryUnionOnClear() {
        UnionFind unionFind = UnionFind.of(Graphs.random(100, 300, 1));
        int[] labels = new int[100];

        unionFind.clear();
        unionFind.minLabels(labels);

        assertThat(unionFind.components()).isEqualTo(100);
        for (int node = 0; node < labels.length; node++) {
            assertThat(labels[node]).isEqualTo(node);
        }
    }

    @Test
    void shouldRefuseAGraphLargerThanItself() {
        UnionFind unionFind = new UnionFind(3);

        assertThatThrownBy(() -> unionFind.unionAll(Graphs.random(4, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 nodes");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 0xC0FFEE, -7})
    void shouldAgreeWithBreadthFirstSearchOnSparseRandomGraphs(long seed) {
        // Average degree 1.2: many components of many sizes, the hard case for labels.
        Graph graph = Graphs.random(3_000, 1_800, seed);

        UnionFind unionFind = UnionFind.of(graph);
        int[] expected = breadthFirstMinLabels(graph);

        assertThat(unionFind.minLabels()).isEqualTo(expected);
        assertThat(unionFind.components()).isEqualTo((int) Arrays.stream(expected).distinct().count());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 0xC0FFEE, -7})
    void shouldFindTheComponentCountAGraphWasBuiltWith(long seed) {
        Graph graph = Graphs.withComponents(37, 5_000, 9_000, seed);

        UnionFind unionFind = UnionFind.of(graph);

        assertThat(unionFind.components()).isEqualTo(37);
        assertThat(unionFind.minLabels()).isEqualTo(breadthFirstMinLabels(graph));
    }

    /** An independent oracle for the oracle: breadth-first search from every unlabelled node in order. */
    private static int[] breadthFirstMinLabels(Graph graph) {
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int node = 0; node < graph.nodes(); node++) {
            neighbours.add(new ArrayList<>());
        }
        for (int i = 0; i < graph.edges(); i++) {
            neighbours.get(graph.src()[i]).add(graph.dst()[i]);
            neighbours.get(graph.dst()[i]).add(graph.src()[i]);
        }
        int[] labels = new int[graph.nodes()];
        Arrays.fill(labels, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < graph.nodes(); start++) {
            if (labels[start] >= 0) {
                continue;
            }
            labels[start] = start;
            queue.add(start);
            while (!queue.isEmpty()) {
                for (int next : neighbours.get(queue.poll())) {
                    if (labels[next] < 0) {
                        labels[next] = start;
                        queue.add(next);
                    }
                }
            }
        }
        return labels;
    }
}
