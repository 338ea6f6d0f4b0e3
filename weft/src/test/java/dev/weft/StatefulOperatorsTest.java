package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/** The per-value stateful operators built on statefulBatch: stateful, statefulMap, statefulFlatMap. */
@Timeout(120)
class StatefulOperatorsTest {

    private static final List<String> EVENTS = List.of("a:1", "b:10", "a:2", "a:3", "b:20", "c:100", "a:4");

    private static String key(String event) {
        return event.substring(0, event.indexOf(':'));
    }

    private static int value(String event) {
        return Integer.parseInt(event.substring(event.indexOf(':') + 1));
    }

    @InEveryRunModeRestoring
    void shouldEmitRunningSumWithStatefulMap(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Integer>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(EVENTS, 2))
                .keyOn("by_key", StatefulOperatorsTest::key)
                .mapValue("value", StatefulOperatorsTest::value)
                .statefulMap("running_sum", (Integer sum, Integer x) -> {
                    int next = (sum == null ? 0 : sum) + x;
                    return StateUpdate.of(next, next);
                })
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "a", List.of(1, 3, 6, 10),
                "b", List.of(10, 30),
                "c", List.of(100)));
    }

    @InEveryRunModeRestoring
    void shouldDiscardStateWhenStatefulMapReturnsNullState(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Integer>> sink = new TestingSink<>();
        // A sum that resets after reaching 5: the state null discards the key, which then starts again from null.
        flow.input("in", new TestingSource<String>(List.of("a:1", "a:4", "a:2", "a:3", "a:1"), 2))
                .keyOn("by_key", StatefulOperatorsTest::key)
                .mapValue("value", StatefulOperatorsTest::value)
                .statefulMap("sum_to_five", (Integer sum, Integer x) -> {
                    int next = (sum == null ? 0 : sum) + x;
                    return StateUpdate.of(next >= 5 ? null : next, next);
                })
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items()).get("a")).containsExactly(1, 5, 2, 5, 1);
    }

    @InEveryRunModeRestoring
    void shouldEmitNullValueFromStatefulMap(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        // The previous value of each key: none for the first.
        flow.input("in", new TestingSource<String>(List.of("a:1", "a:2", "b:3"), 2))
                .keyOn("by_key", StatefulOperatorsTest::key)
                .statefulMap("previous", (String previous, String event) -> StateUpdate.of(event, previous))
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", null), KeyValue.of("a", "a:1"),
                KeyValue.of("b", null));
    }

    @InEveryRunModeRestoring
    void shouldEmitAnyNumberOfValuesWithStatefulFlatMap(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Integer>> sink = new TestingSink<>();
        // Emits every new maximum, with the values in between, like a staircase.
        flow.input("in", new TestingSource<String>(EVENTS, 3))
                .keyOn("by_key", StatefulOperatorsTest::key)
                .mapValue("value", StatefulOperatorsTest::value)
                .statefulFlatMap("steps", (Integer max, Integer x) -> {
                    int from = max == null ? x : max + 1;
                    List<Integer> steps = new ArrayList<>();
                    for (int i = from; i <= x; i++) {
                        steps.add(i);
                    }
                    return StateUpdate.of(Math.max(max == null ? x : max, x), steps);
                })
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "a", List.of(1, 2, 3, 4),
                "b", List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20),
                "c", List.of(100)));
    }

    /** A running average per key, item by item; reset by a value of 0, and reported at the end. */
    static final class Average implements StatefulLogic<String, Integer, String, List<Integer>> {
        private final List<Integer> values;

        Average(List<Integer> resume) {
            values = resume == null ? new ArrayList<>() : new ArrayList<>(resume);
        }

        @Override
        public void onItem(Integer value, StatefulContext<String, String> context) {
            if (value == 0) {
                context.emit("reset");
                context.discard();
                return;
            }
            values.add(value);
            context.emit("avg " + average());
        }

        @Override
        public void onEof(StatefulContext<String, String> context) {
            context.emit("final avg " + average());
        }

        private double average() {
            return values.stream().mapToInt(Integer::intValue).average().orElse(0);
        }

        @Override
        public List<Integer> snapshot() {
            return List.copyOf(values);
        }
    }

    @InEveryRunModeRestoring
    void shouldRunStatefulLogicValueByValue(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("a:2", "a:4", "b:5", "a:0", "a:6", "b:7", "a:8"), 3))
                .keyOn("by_key", StatefulOperatorsTest::key)
                .mapValue("value", StatefulOperatorsTest::value)
                .stateful("average", Average::new)
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "a", List.of("avg 2.0", "avg 3.0", "reset", "avg 6.0", "avg 7.0", "final avg 7.0"),
                "b", List.of("avg 5.0", "avg 6.0", "final avg 6.0")));
    }

    @InEveryRunModeRestoring
    void shouldStartAfreshWithinBatchAfterStatefulLogicDiscards(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        // One batch holds the reset and the values after it.
        flow.input("in", new TestingSource<String>(List.of("a:2", "a:0", "a:6", "a:0", "a:0", "a:1"), 6))
                .keyOn("by_key", StatefulOperatorsTest::key)
                .mapValue("value", StatefulOperatorsTest::value)
                .stateful("average", Average::new)
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items()).get("a"))
                .containsExactly("avg 2.0", "reset", "avg 6.0", "reset", "reset", "avg 1.0", "final avg 1.0");
    }
}
