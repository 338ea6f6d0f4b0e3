package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;

/** The aggregates emitted at the end of input: reduceFinal (with its combiner), foldFinal, countFinal, maxFinal, minFinal. */
@Timeout(120)
class FinalAggregatesTest {

    private static final List<String> WORDS = List.of("apple", "banana", "avocado", "cherry", "blueberry", "apricot",
            "coconut", "fig", "akee", "cranberry");

    private static String initial(String word) {
        return word.substring(0, 1);
    }

    @InEveryRunModeRestoring
    void shouldCountItemsByKeyAtEndOfInput(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Long>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(WORDS, 3))
                .countFinal("count", FinalAggregatesTest::initial)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", 4L), KeyValue.of("b", 2L),
                KeyValue.of("c", 3L), KeyValue.of("f", 1L));
    }

    @InEveryRunModeRestoring
    void shouldReduceEachKeysValuesInOrder(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        // Concatenation is associative but not commutative: the result shows the values' order.
        flow.input("in", new TestingSource<String>(List.of("a1", "b1", "a2", "a3", "b2", "a4", "c1", "a5"), 3))
                .keyOn("by_letter", FinalAggregatesTest::initial)
                .reduceFinal("concat", (x, y) -> x + y)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", "a1a2a3a4a5"), KeyValue.of("b", "b1b2"),
                KeyValue.of("c", "c1"));
    }

    @InEveryRunModeRestoring
    void shouldCombineValuesWithinBatchBeforeExchange(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<Integer>>> sink = new TestingSink<>();
        AtomicInteger largestRightOperand = new AtomicInteger();
        List<List<Integer>> singletons = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            singletons.add(List.of(i));
        }
        flow.input("in", new TestingSource<List<Integer>>(singletons, 25))
                .keyOn("parity", x -> x.get(0) % 2 == 0 ? "even" : "odd")
                .reduceFinal("concat", (List<Integer> x, List<Integer> y) -> {
                    largestRightOperand.accumulateAndGet(y.size(), Math::max);
                    List<Integer> both = new ArrayList<>(x);
                    both.addAll(y);
                    return both;
                })
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).containsOnlyKeys("even", "odd");
        assertThat(KeyValues.byKey(sink.items()).get("odd").get(0)).hasSize(50).isSorted();
        assertThat(KeyValues.byKey(sink.items()).get("even").get(0)).hasSize(50).isSorted();
        // The reducer saw partial results: each batch's values were combined before the exchange.
        assertThat(largestRightOperand.get()).isGreaterThan(1);
        assertThat(flow.structure()).containsEntry("flow.concat", "reduce_final")
                .containsEntry("flow.concat.combine", "flat_map_batch")
                .containsEntry("flow.concat.reduce", "stateful_batch");
    }

    @InEveryRunModeRestoring
    void shouldFoldEachKeysValuesAtEndOfInput(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<String>>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(WORDS, 4))
                .keyOn("by_initial", FinalAggregatesTest::initial)
                .foldFinal("words", ArrayList::new, (List<String> words, String word) -> {
                    words.add(word);
                    return words;
                })
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(
                KeyValue.of("a", List.of("apple", "avocado", "apricot", "akee")),
                KeyValue.of("b", List.of("banana", "blueberry")),
                KeyValue.of("c", List.of("cherry", "coconut", "cranberry")),
                KeyValue.of("f", List.of("fig")));
    }

    @InEveryRunModeRestoring
    void shouldFoldIntoFreshAccumulatorPerKey(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Integer>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(WORDS, 4))
                .keyOn("by_initial", FinalAggregatesTest::initial)
                .foldFinal("letters", () -> 0, (Integer total, String word) -> total + word.length())
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", 23), KeyValue.of("b", 15),
                KeyValue.of("c", 22), KeyValue.of("f", 3));
    }

    @InEveryRunModeRestoring
    void shouldEmitLongestWordPerKeyWithMaxFinal(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(WORDS, 3))
                .keyOn("by_initial", FinalAggregatesTest::initial)
                .maxFinal("longest", String::length)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", "avocado"), KeyValue.of("b", "blueberry"),
                KeyValue.of("c", "cranberry"), KeyValue.of("f", "fig"));
    }

    @InEveryRunModeRestoring
    void shouldEmitShortestWordPerKeyWithMinFinal(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(WORDS, 3))
                .keyOn("by_initial", FinalAggregatesTest::initial)
                .minFinal("shortest", String::length)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", "akee"), KeyValue.of("b", "banana"),
                KeyValue.of("c", "cherry"), KeyValue.of("f", "fig"));
    }

    @InEveryRunModeRestoring
    void shouldKeepFirstOfEqualValuesWithMaxFinalAndMinFinal(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> longest = new TestingSink<>();
        TestingSink<KeyValue<String, String>> shortest = new TestingSink<>();
        KeyedStream<String, String> words = flow.input("in", new TestingSource<String>(
                        List.of("ab", "ac", "ad", "abc", "abd", "x", "y"), 2))
                .keyOn("one_key", w -> "k");
        words.maxFinal("longest", String::length).output("longest_out", longest);
        words.minFinal("shortest", String::length).output("shortest_out", shortest);

        mode.run(flow);

        assertThat(longest.items()).containsExactly(KeyValue.of("k", "abc"));
        assertThat(shortest.items()).containsExactly(KeyValue.of("k", "x"));
    }

    @InEveryRunModeRestoring
    void shouldEmitNothingForEmptyInput(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Long>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of()))
                .countFinal("count", FinalAggregatesTest::initial)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).isEmpty();
    }
}
