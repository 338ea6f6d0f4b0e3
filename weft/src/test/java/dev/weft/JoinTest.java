package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.JoinMode.Emit;
import dev.weft.JoinMode.Insert;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * join: keyed streams combined by key into rows of one value per side, with the insert modes
 * first, last and product and the emit modes complete, final and running.
 *
 * <p>Each test reads events such as {@code "L a 1"} (side, key, value) from one source, one event
 * per batch and so per epoch, which fixes the order in which the join sees them.
 */
@Timeout(120)
class JoinTest {

    /** The events of side {@code side} ("L", "M" or "R"), keyed. */
    private static KeyedStream<String, String> side(Stream<String> events, String side) {
        String name = side.toLowerCase();
        return events.filter(name + "_events", e -> e.startsWith(side + " "))
                .keyOn(name + "_key", e -> e.split(" ")[1])
                .mapValue(name + "_value", e -> e.split(" ")[2]);
    }

    /** Joins the left and right events of {@code events} in {@code mode}; returns each key's rows. */
    private static Map<String, List<List<Object>>> joinLeftRight(RunMode mode, JoinMode joinMode, String... events) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<Object>>> sink = new TestingSink<>();
        Stream<String> in = flow.input("in", new TestingSource<String>(List.of(events)));
        side(in, "L").join("join", joinMode, side(in, "R")).output("out", sink);
        mode.run(flow);
        return KeyValues.byKey(sink.items());
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void shouldDefaultToLastValueAndCompleteRows() {
        assertThat(JoinMode.DEFAULT).isEqualTo(new JoinMode(Insert.LAST, Emit.COMPLETE));
    }

    @InEveryRunModeRestoring
    void shouldEmitRowOnceEverySideHasValueThenStartOver(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, JoinMode.DEFAULT,
                "L a 1", "R a x", "R b y", "L a 2", "L b 3", "R a z", "L c 4");

        assertThat(rows).isEqualTo(Map.of(
                "a", List.of(row("1", "x"), row("2", "z")),
                "b", List.of(row("3", "y"))));
    }

    @InEveryRunModeRestoring
    void shouldJoinFirstValueOfEachSideWithInsertFirst(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.FIRST, Emit.COMPLETE),
                "L a 1", "L a 2", "R a x", "L a 3", "R a y", "R a z", "L a 4");

        assertThat(rows).isEqualTo(Map.of("a", List.of(row("1", "x"), row("3", "y"), row("4", "z"))));
    }

    @InEveryRunModeRestoring
    void shouldJoinLastValueOfEachSideWithInsertLast(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.LAST, Emit.COMPLETE),
                "L a 1", "L a 2", "R a x", "L a 3", "R a y", "R a z", "L a 4");

        assertThat(rows).isEqualTo(Map.of("a", List.of(row("2", "x"), row("3", "y"), row("4", "z"))));
    }

    @InEveryRunModeRestoring
    void shouldJoinEveryCombinationWithInsertProduct(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.PRODUCT, Emit.COMPLETE),
                "L a 1", "L a 2", "R a x", "R a y", "L a 3", "R a z");

        assertThat(rows).isEqualTo(Map.of("a", List.of(row("1", "x"), row("2", "x"), row("3", "y"))));
    }

    @InEveryRunModeRestoring
    void shouldEmitRowsAtEndOfInputWithEmitFinal(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.LAST, Emit.FINAL),
                "L a 1", "R a x", "L a 2", "R b y", "L c 3", "L c 4");

        assertThat(rows).isEqualTo(Map.of(
                "a", List.of(row("2", "x")),
                "b", List.of(row(null, "y")),
                "c", List.of(row("4", null))));
    }

    @InEveryRunModeRestoring
    void shouldEmitEveryCombinationAtEndOfInputWithProductAndFinal(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.PRODUCT, Emit.FINAL),
                "L a 1", "R a x", "L a 2", "R a y", "L b 3");

        assertThat(rows).isEqualTo(Map.of(
                "a", List.of(row("1", "x"), row("1", "y"), row("2", "x"), row("2", "y")),
                "b", List.of(row("3", null))));
    }

    @InEveryRunModeRestoring
    void shouldEmitCurrentRowOnEveryValueWithEmitRunning(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.LAST, Emit.RUNNING),
                "L a 1", "R a x", "L a 2", "R b y");

        assertThat(rows).isEqualTo(Map.of(
                "a", List.of(row("1", null), row("1", "x"), row("2", "x")),
                "b", List.of(row(null, "y"))));
    }

    @InEveryRunModeRestoring
    void shouldKeepFirstValuesWithFirstAndRunning(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.FIRST, Emit.RUNNING),
                "L a 1", "L a 2", "R a x", "R a y");

        assertThat(rows).isEqualTo(Map.of("a", List.of(row("1", null), row("1", null), row("1", "x"), row("1", "x"))));
    }

    @InEveryRunModeRestoring
    void shouldEmitEveryCombinationSoFarWithProductAndRunning(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.PRODUCT, Emit.RUNNING),
                "L a 1", "R a x", "L a 2");

        assertThat(rows).isEqualTo(Map.of("a", List.of(
                row("1", null),
                row("1", "x"),
                row("1", "x"), row("2", "x"))));
    }

    @InEveryRunModeRestoring
    void shouldJoinThreeSidesInArgumentOrder(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<Object>>> sink = new TestingSink<>();
        Stream<String> in = flow.input("in", new TestingSource<String>(List.of(
                "R a z", "L a x", "M b 7", "M a y", "L b w", "R b v")));
        side(in, "L").join("join", JoinMode.DEFAULT, side(in, "M"), side(in, "R")).output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "a", List.of(row("x", "y", "z")),
                "b", List.of(row("w", "7", "v"))));
    }

    @Test
    void shouldNestJoinStepsUnderItsId() {
        Dataflow flow = new Dataflow("flow");
        Stream<String> in = flow.input("in", new TestingSource<String>(List.of()));
        side(in, "L").join("join", JoinMode.DEFAULT, side(in, "R")).output("out", new TestingSink<>());

        assertThat(flow.structure()).containsEntry("flow.join", "join")
                .containsKeys("flow.join.tag_0", "flow.join.tag_1", "flow.join.merge")
                .containsEntry("flow.join.join", "stateful_batch");
    }

    @InEveryRunModeRestoring
    void shouldEmitEachNewPairOnceWithProductIncremental(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.PRODUCT, Emit.INCREMENTAL),
                "R a x", "R a y", "L a 1", "R a z", "L a 2", "L b 3");

        assertThat(rows).isEqualTo(Map.of(
                "a", List.of(row("1", "x"), row("1", "y"), row("1", "z"), row("2", "x"), row("2", "y"),
                        row("2", "z"))));
    }

    @InEveryRunModeRestoring
    void shouldPairEachNewValueWithTheOtherSidesLatestWithLastIncremental(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.LAST, Emit.INCREMENTAL),
                "L a 1", "L a 2", "R a x", "R a y", "L a 3");

        assertThat(rows).isEqualTo(Map.of("a", List.of(row("2", "x"), row("2", "y"), row("3", "y"))));
    }

    @InEveryRunModeRestoring
    void shouldIgnoreValuesAFirstSideDoesNotKeepWithFirstIncremental(RunMode mode) {
        Map<String, List<List<Object>>> rows = joinLeftRight(mode, new JoinMode(Insert.FIRST, Emit.INCREMENTAL),
                "L a 1", "L a 2", "R a x", "R a y");

        assertThat(rows).isEqualTo(Map.of("a", List.of(row("1", "x"))));
    }

    @InEveryRunModeRestoring
    void shouldKeepBothValueTypesInATwoSidedJoin(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        Stream<String> in = flow.input("in", new TestingSource<String>(List.of("L a 1", "R a x", "L a 2")));
        KeyedStream<String, Integer> numbers = side(in, "L").mapValue("number", Integer::parseInt);
        KeyedStream<String, String> letters = side(in, "R");
        numbers.join("join", letters, new JoinMode(Insert.PRODUCT, Emit.INCREMENTAL),
                        (Integer number, String letter) -> letter.repeat(number))
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of("a", List.of("x", "xx")));
    }
}
