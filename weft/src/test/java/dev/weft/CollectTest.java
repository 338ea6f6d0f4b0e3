package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * collect: each key's values into lists, emitted when a list is full, when the timeout has passed
 * since the key's last value, or at the end of input.
 */
@Timeout(120)
class CollectTest {

    private static final Duration NEVER = Duration.ofHours(1);

    @InEveryRunModeRestoring
    void shouldEmitListWhenItReachesMaxSize(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<Integer>>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(List.of(1, 2, 3, 4, 5, 6), 2))
                .keyOn("one_key", x -> "k")
                .collect("triples", NEVER, 3)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactly(KeyValue.of("k", List.of(1, 2, 3)), KeyValue.of("k", List.of(4, 5, 6)));
    }

    @InEveryRunModeRestoring
    void shouldEmitPartialListAtEndOfInput(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<Integer>>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(List.of(1, 2, 3, 4, 5, 6, 7), 2))
                .keyOn("one_key", x -> "k")
                .collect("triples", NEVER, 3)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactly(KeyValue.of("k", List.of(1, 2, 3)), KeyValue.of("k", List.of(4, 5, 6)),
                KeyValue.of("k", List.of(7)));
    }

    @InEveryRunModeRestoring
    void shouldCollectEachKeySeparately(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<Integer>>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), 4))
                .keyOn("parity", x -> x % 2 == 0 ? "even" : "odd")
                .collect("pairs", NEVER, 2)
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "odd", List.of(List.of(1, 3), List.of(5, 7), List.of(9)),
                "even", List.of(List.of(2, 4), List.of(6, 8))));
    }

    @InEveryRunModeRestoring
    void shouldEmitPartialListWhenTimeoutPasses(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<String>>> sink = new TestingSink<>();
        PacedSource<String> source = new PacedSource<String>()
                .emit("a", "b")
                .awaitUntil(() -> !sink.items().isEmpty())
                .emit("c");
        flow.input("in", source)
                .keyOn("one_key", x -> "k")
                .collect("batches", Duration.ofMillis(50), 100)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactly(KeyValue.of("k", List.of("a", "b")), KeyValue.of("k", List.of("c")));
    }

    @InEveryRunModeRestoring
    void shouldRestartTimeoutWithEveryItem(RunMode mode) {
        Duration timeout = Duration.ofMillis(150);
        Duration gap = Duration.ofMillis(30);
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<String>>> sink = new TestingSink<>();
        // Seven items 30 ms apart span 180 ms, longer than the timeout: one list only if each item restarts it.
        PacedSource<String> source = new PacedSource<String>().emit("a");
        for (String item : List.of("b", "c", "d", "e", "f", "g")) {
            source.pause(gap).emit(item);
        }
        source.awaitUntil(() -> !sink.items().isEmpty()).emit("h");
        flow.input("in", source)
                .keyOn("one_key", x -> "k")
                .collect("batches", timeout, 100)
                .output("out", sink);

        mode.run(flow);

        // Guard, not a timing assertion: on a machine too busy to keep the gaps well under the timeout, skip.
        assumeThat(source.longestGapBetweenBatches(7)).isLessThan(timeout.dividedBy(2).plus(gap));
        assertThat(sink.items()).containsExactly(KeyValue.of("k", List.of("a", "b", "c", "d", "e", "f", "g")),
                KeyValue.of("k", List.of("h")));
    }

    @InEveryRunModeRestoring
    void shouldTimeOutEachKeySeparately(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<String>>> sink = new TestingSink<>();
        PacedSource<String> source = new PacedSource<String>()
                .emit("x1", "y1")
                .awaitUntil(() -> sink.items().size() == 2)
                .emit("x2");
        flow.input("in", source)
                .keyOn("by_letter", s -> s.substring(0, 1))
                .collect("batches", Duration.ofMillis(50), 100)
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "x", List.of(List.of("x1"), List.of("x2")),
                "y", List.of(List.of("y1"))));
    }

    @Test
    void shouldRefuseMaxSizeBelowOne() {
        Dataflow flow = new Dataflow("flow");
        KeyedStream<String, Integer> keyed = flow.input("in", new TestingSource<Integer>(List.of(1)))
                .keyOn("one_key", x -> "k");

        assertThatThrownBy(() -> keyed.collect("empty", NEVER, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collect step 'empty'")
                .hasMessageContaining("got 0");
    }
}
