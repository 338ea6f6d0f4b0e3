package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Step ids: required, well formed, unique among siblings, dotted under composite operators; and a
 * dataflow needs an input and an output to run.
 */
@Timeout(60)
class StepIdsTest {

    @Test
    void shouldRefuseDuplicateStepId() {
        Dataflow flow = new Dataflow("flow");
        Stream<Integer> numbers = flow.input("numbers", new TestingSource<Integer>(List.of(1)));
        numbers.map("double", x -> x * 2);

        assertThatThrownBy(() -> numbers.map("double", x -> x * 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'double'")
                .hasMessageContaining("'flow'")
                .hasMessageContaining("unique");
    }

    @Test
    void shouldRefuseDuplicateStepIdAcrossOperatorKinds() {
        Dataflow flow = new Dataflow("flow");
        Stream<Integer> numbers = flow.input("numbers", new TestingSource<Integer>(List.of(1)));

        assertThatThrownBy(() -> numbers.output("numbers", new TestingSink<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'numbers'");
    }

    @Test
    void shouldRefuseDuplicateStepIdInsideComposite() {
        Dataflow flow = new Dataflow("flow");
        Stream<Integer> numbers = flow.input("numbers", new TestingSource<Integer>(List.of(1)));

        assertThatThrownBy(() -> numbers.then("twice", s -> s.map("inner", x -> x).map("inner", x -> x)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'inner'")
                .hasMessageContaining("'flow.twice'");
    }

    @Test
    void shouldAllowSameStepIdUnderDifferentParents() {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("numbers", new TestingSource<Integer>(List.of(1, 2)))
                .then("first", s -> s.map("step", x -> x + 1))
                .then("second", s -> s.map("step", x -> x * 10))
                .output("out", sink);

        Testing.runMain(flow);

        assertThat(flow.structure()).containsKeys("flow.first.step", "flow.second.step");
        assertThat(sink.items()).containsExactlyInAnyOrder(20, 30);
    }

    @ParameterizedTest(name = "step id \"{0}\"")
    @ValueSource(strings = {"", "a.b", "a b", " ", "tab\there", ".", "trailing.", "new\nline"})
    void shouldRefuseMalformedStepId(String stepId) {
        Dataflow flow = new Dataflow("flow");
        Stream<Integer> numbers = flow.input("numbers", new TestingSource<Integer>(List.of(1)));

        assertThatThrownBy(() -> numbers.map(stepId, x -> x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step id")
                .hasMessageContaining("'" + stepId + "'")
                .hasMessageContaining("without dots or whitespace");
    }

    @Test
    void shouldRefuseNullStepId() {
        Dataflow flow = new Dataflow("flow");

        assertThatThrownBy(() -> flow.input(null, new TestingSource<Integer>(List.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step id")
                .hasMessageContaining("null");
    }

    @Test
    void shouldRefuseMalformedStepIdOfCompositeOperator() {
        Dataflow flow = new Dataflow("flow");
        Stream<Integer> numbers = flow.input("numbers", new TestingSource<Integer>(List.of(1)));

        assertThatThrownBy(() -> numbers.then("my.op", s -> s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'my.op'");
        assertThatThrownBy(() -> flow.operator("", () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("''");
    }

    @ParameterizedTest(name = "dataflow id \"{0}\"")
    @ValueSource(strings = {"", "my.flow", "my flow"})
    void shouldRefuseMalformedDataflowId(String flowId) {
        assertThatThrownBy(() -> new Dataflow(flowId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataflow id")
                .hasMessageContaining("'" + flowId + "'");
    }

    @Test
    void shouldRefuseToRunDataflowWithoutInput() {
        Dataflow flow = new Dataflow("empty_flow");

        assertThatThrownBy(() -> Testing.runMain(flow))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'empty_flow'")
                .hasMessageContaining("no input");
    }

    @Test
    void shouldRefuseToRunDataflowWithoutOutput() {
        Dataflow flow = new Dataflow("open_flow");
        flow.input("numbers", new TestingSource<Integer>(List.of(1))).map("double", x -> x * 2);

        assertThatThrownBy(() -> Testing.runMain(flow))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'open_flow'")
                .hasMessageContaining("no output");
    }

    @Test
    void shouldRefuseStreamOfAnotherDataflow() {
        Dataflow one = new Dataflow("one");
        Dataflow two = new Dataflow("two");
        Stream<Integer> numbers = one.input("numbers", new TestingSource<Integer>(List.of(1)));
        Stream<Integer> others = two.input("numbers", new TestingSource<Integer>(List.of(2)));

        assertThatThrownBy(() -> two.merge("both", numbers, others))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'one'")
                .hasMessageContaining("'two'");
    }

    @Test
    void shouldNestStepsOfBuiltInDerivedOperator() {
        Dataflow flow = new Dataflow("flow");
        flow.input("words", new TestingSource<String>(List.of("a")))
                .countFinal("count", w -> w)
                .output("out", new TestingSink<>());

        assertThat(flow.structure()).containsEntry("flow.words", "input")
                .containsEntry("flow.count", "count_final")
                .containsEntry("flow.count.key", "flat_map_batch")
                .containsEntry("flow.count.one", "flat_map_batch")
                .containsEntry("flow.count.sum", "reduce_final")
                .containsEntry("flow.count.sum.combine", "flat_map_batch")
                .containsEntry("flow.count.sum.reduce", "stateful_batch")
                .containsEntry("flow.out", "output");
    }

    /** A user-defined composite operator: the words of each line, lower-cased. */
    private static Stream<String> words(Stream<String> lines) {
        return lines.flatMap("split", line -> List.of(line.split(" "))).map("lower", String::toLowerCase);
    }

    @Test
    void shouldNestStepsOfCompositeAppliedWithThen() {
        Dataflow flow = new Dataflow("flow");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("lines", new TestingSource<String>(List.of("A b", "C")))
                .then("words", StepIdsTest::words)
                .output("out", sink);

        Testing.run(flow, 3);

        assertThat(flow.structure()).containsEntry("flow.words", "operator")
                .containsEntry("flow.words.split", "flat_map_batch")
                .containsEntry("flow.words.lower", "flat_map_batch")
                .doesNotContainKeys("flow.split", "flow.lower");
        assertThat(sink.items()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void shouldNestStepsOfCompositeBuiltWithOperator() {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        Stream<Integer> numbers = flow.operator("numbers", () -> {
            Stream<Integer> evens = flow.input("evens", new TestingSource<Integer>(List.of(2, 4)));
            Stream<Integer> odds = flow.input("odds", new TestingSource<Integer>(List.of(1, 3)));
            return flow.merge("all", evens, odds);
        });
        numbers.then("tens", s -> s.then("inner", t -> t.map("times_ten", x -> x * 10))).output("out", sink);

        Testing.run(flow, 3);

        assertThat(flow.structure()).containsEntry("flow.numbers", "operator")
                .containsEntry("flow.numbers.evens", "input")
                .containsEntry("flow.numbers.odds", "input")
                .containsEntry("flow.numbers.all", "merge")
                .containsEntry("flow.tens.inner.times_ten", "flat_map_batch");
        assertThat(sink.items()).containsExactlyInAnyOrder(10, 20, 30, 40);
    }

    @Test
    void shouldNestStatefulOperatorsUnderTheirOwnIdsInComposite() {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Long>> sink = new TestingSink<>();
        flow.input("lines", new TestingSource<String>(List.of("a b", "b")))
                .then("word_count", lines -> words(lines).countFinal("count", w -> w))
                .output("out", sink);

        Testing.run(flow, 3);

        assertThat(flow.structure()).containsKeys("flow.word_count.split", "flow.word_count.count.key",
                "flow.word_count.count.sum.reduce");
        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", 1L), KeyValue.of("b", 2L));
    }
}
