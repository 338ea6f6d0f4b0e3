package dev.weft.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.worker.Execution;
import dev.weft.engine.worker.ExecutionConfig;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(180)
class ConnectedComponentsTest {

    static Stream<Arguments> workersAndModes() {
        return Stream.of(Arguments.of(1, false), Arguments.of(2, false), Arguments.of(4, false),
                Arguments.of(1, true), Arguments.of(2, true), Arguments.of(4, true));
    }

    @ParameterizedTest(name = "{0} worker(s), serializing={1}")
    @MethodSource("workersAndModes")
    void shouldLabelEveryNodeWithTheSmallestIdOfItsComponentLikeUnionFind(int workers, boolean serializing) {
        Graph graph = Graphs.withComponents(25, 50_000, 100_000, 42);
        int[] expected = UnionFind.of(graph).minLabels();

        AtomicIntegerArray labels = new AtomicIntegerArray(graph.nodes());
        for (int n = 0; n < graph.nodes(); n++) {
            labels.set(n, Integer.MAX_VALUE);
        }
        new Execution(ExecutionConfig.defaults(workers).withSerializing(serializing))
                .run(worker -> worker.dataflow("cc", scope -> ConnectedComponents.build(scope, graph, labels)));

        int[] actual = new int[graph.nodes()];
        for (int n = 0; n < actual.length; n++) {
            actual[n] = labels.get(n);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
