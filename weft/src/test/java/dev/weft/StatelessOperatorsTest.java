package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;

/** The stateless derived operators, each built on flatMapBatch, inspectDebug or output. */
@Timeout(60)
class StatelessOperatorsTest {

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static TestingSource<KeyValue<String, Integer>> keyed(List<KeyValue<String, Integer>> items) {
        return new TestingSource<>(items, 2);
    }

    private static final List<KeyValue<String, Integer>> SCORES = List.of(
            KeyValue.of("ann", 1), KeyValue.of("bob", 2), KeyValue.of("ann", 3), KeyValue.of("cid", 4),
            KeyValue.of("bob", 5));

    @InEveryRunMode
    void shouldMapEachItem(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(List.of(1, 2, 3), 2))
                .map("double", x -> x * 2)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(2, 4, 6);
    }

    @InEveryRunMode
    void shouldMapToAnotherType(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(List.of(1, 2, 3), 2))
                .map("describe", x -> "#" + x)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder("#1", "#2", "#3");
    }

    @InEveryRunMode
    void shouldKeepItemsThatFilterAccepts(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(range(0, 10), 3))
                .filter("odd", x -> x % 2 == 1)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(1, 3, 5, 7, 9);
    }

    @InEveryRunMode
    void shouldMapAndDropEmptyResultsWithFilterMap(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("1", "x", "3", "", "5"), 2))
                .filterMap("parse", s -> s.matches("\\d+") ? Optional.of(Integer.parseInt(s)) : Optional.empty())
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(1, 3, 5);
    }

    @InEveryRunMode
    void shouldEmitEveryResultOfFlatMap(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("a b", "", "c d e"), 2))
                .flatMap("split", line -> line.isEmpty() ? List.of() : List.of(line.split(" ")))
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    @InEveryRunMode
    void shouldFlattenIterableItems(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<List<Integer>>(List.of(List.of(1, 2), List.of(), List.of(3)), 2))
                .<Integer>flatten("flatten")
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @InEveryRunMode
    void shouldFailFlattenOnItemThatIsNotIterable(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<Object>(List.of(List.of(1), 2)))
                .flatten("flatten")
                .output("out", new TestingSink<>());

        assertThatThrownBy(() -> mode.run(flow))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("flow.flatten")
                .hasMessageContaining("Iterable")
                .hasMessageContaining("java.lang.Integer");
    }

    @InEveryRunMode
    void shouldShowInspectorEachItemWithStepId(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Integer>(List.of(1, 2, 3), 2))
                .inspect("look", (step, item) -> lines.add(step + ": " + item))
                .output("out", sink);

        mode.run(flow);

        assertThat(lines).containsExactlyInAnyOrder("flow.look: 1", "flow.look: 2", "flow.look: 3");
        assertThat(sink.items()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @InEveryRunMode
    void shouldPairEachItemWithItsKey(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("apple", "avocado", "banana"), 2))
                .keyOn("by_initial", word -> word.substring(0, 1))
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(
                KeyValue.of("a", "apple"), KeyValue.of("a", "avocado"), KeyValue.of("b", "banana"));
    }

    @InEveryRunMode
    void shouldDropKeysWithKeyRm(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", keyed(SCORES)).keyOn("by_name", KeyValue::key).mapValue("score", KeyValue::value)
                .keyRm("values")
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @InEveryRunMode
    void shouldMapValuesKeepingKeys(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Integer>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("apple", "avocado", "banana"), 2))
                .keyOn("by_initial", word -> word.substring(0, 1))
                .mapValue("length", String::length)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", 5), KeyValue.of("a", 7), KeyValue.of("b", 6));
    }

    @InEveryRunMode
    void shouldFlatMapValuesKeepingKeys(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Character>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("ab", "c", "xy"), 2))
                .keyOn("by_initial", word -> word.substring(0, 1))
                .flatMapValue("letters", word -> word.chars().mapToObj(c -> (char) c).toList())
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", 'a'), KeyValue.of("a", 'b'),
                KeyValue.of("c", 'c'), KeyValue.of("x", 'x'), KeyValue.of("x", 'y'));
    }

    @InEveryRunMode
    void shouldFilterValuesKeepingKeys(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Integer>> sink = new TestingSink<>();
        flow.input("in", keyed(SCORES)).keyOn("by_name", KeyValue::key).mapValue("score", KeyValue::value)
                .filterValue("odd", score -> score % 2 == 1)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("ann", 1), KeyValue.of("ann", 3),
                KeyValue.of("bob", 5));
    }

    @InEveryRunMode
    void shouldFilterMapValuesKeepingKeys(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", keyed(SCORES)).keyOn("by_name", KeyValue::key).mapValue("score", KeyValue::value)
                .filterMapValue("big", score -> score > 2 ? Optional.of("big " + score) : Optional.empty())
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("ann", "big 3"), KeyValue.of("cid", "big 4"),
                KeyValue.of("bob", "big 5"));
    }

    @InEveryRunMode
    void shouldRunWhenRaisesStreamStaysEmpty(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        Branch<Integer> valid = flow.input("in", new TestingSource<Integer>(List.of(1, 2, 3), 2))
                .branch("valid", x -> x > 0);
        valid.trues().output("out", sink);
        valid.falses().raises("errors");

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @InEveryRunMode
    void shouldFailRunWhenRaisesStreamGetsAnItem(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        Branch<Integer> valid = flow.input("in", new TestingSource<Integer>(List.of(1, -2, 3), 2))
                .branch("valid", x -> x > 0);
        valid.trues().output("out", new TestingSink<>());
        valid.falses().raises("errors");

        assertThatThrownBy(() -> mode.run(flow))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("'flow.errors'")
                .hasMessageContaining("-2");
    }
}
