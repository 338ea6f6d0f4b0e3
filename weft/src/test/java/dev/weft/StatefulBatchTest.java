package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;

/**
 * The core stateful operator, statefulBatch: per-key logic, end of input, discarding, the key in
 * the context, and state rebuilt from snapshots. Timers: ProcessingTimersTest,
 * EventTimersTest.
 */
@Timeout(120)
class StatefulBatchTest {

    /**
     * Appends each key's values to a list and emits the list after every batch; a value ending in
     * "end" discards the key, so its next value starts a new list. At the end of input it emits "eof".
     */
    static final class Session implements StatefulBatchLogic<String, String, String, List<String>> {
        private final List<String> seen;

        Session(List<String> resume) {
            seen = resume == null ? new ArrayList<>() : new ArrayList<>(resume);
        }

        @Override
        public void onBatch(List<String> values, StatefulContext<String, String> context) {
            seen.addAll(values);
            context.emit(String.join(",", seen));
            if (seen.stream().anyMatch(v -> v.endsWith("end"))) {
                context.discard();
            }
        }

        @Override
        public void onEof(StatefulContext<String, String> context) {
            context.emit("eof " + String.join(",", seen));
        }

        @Override
        public List<String> snapshot() {
            return List.copyOf(seen);
        }
    }

    @InEveryRunModeRestoring
    void shouldRunOneLogicPerKey(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("a1", "b1", "a2", "c1", "b2", "a3"), 1))
                .keyOn("by_letter", s -> s.substring(0, 1))
                .statefulBatch("session", Session::new)
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "a", List.of("a1", "a1,a2", "a1,a2,a3", "eof a1,a2,a3"),
                "b", List.of("b1", "b1,b2", "eof b1,b2"),
                "c", List.of("c1", "eof c1")));
    }

    @InEveryRunModeRestoring
    void shouldCallOnBatchWithValuesOfOneBatchInArrivalOrder(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        // Batches of three: every poll of the source is its own epoch, applied as one onBatch call per key.
        flow.input("in", new TestingSource<String>(List.of("x", "y", "z", "u", "v", "w"), 3))
                .keyOn("one_key", s -> "k")
                .statefulBatch("session", Session::new)
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items()).get("k")).containsExactly("x,y,z", "x,y,z,u,v,w", "eof x,y,z,u,v,w");
    }

    @InEveryRunModeRestoring
    void shouldStartDiscardedKeyAfresh(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("a", "b", "end", "c", "d", "end", "e"), 1))
                .keyOn("one_key", s -> "k")
                .statefulBatch("session", Session::new)
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items()).get("k")).containsExactly(
                "a", "a,b", "a,b,end", "c", "c,d", "c,d,end", "e", "eof e");
    }

    @InEveryRunModeRestoring
    void shouldCallOnEofOnlyForLiveKeys(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("a1", "b1", "bend", "c1"), 2))
                .keyOn("by_letter", s -> s.substring(0, 1))
                .statefulBatch("session", Session::new)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).filteredOn(kv -> kv.value().startsWith("eof"))
                .containsExactlyInAnyOrder(KeyValue.of("a", "eof a1"), KeyValue.of("c", "eof c1"));
    }

    /** Counts the values of its key; rebuilt from a count it counts on. */
    static final class Counter implements StatefulBatchLogic<String, String, Integer, Integer> {
        private int count;

        Counter(Integer resume) {
            count = resume == null ? 0 : resume;
        }

        @Override
        public void onBatch(List<String> values, StatefulContext<String, Integer> context) {
            count += values.size();
            context.emit(count);
        }

        @Override
        public Integer snapshot() {
            return count;
        }
    }

    @InEveryRunModeRestoring
    void shouldRebuildLogicFromSnapshotOnlyWhenRestoring(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Integer>> sink = new TestingSink<>();
        AtomicInteger rebuilds = new AtomicInteger();
        flow.input("in", new TestingSource<String>(List.of("a", "b", "c", "d", "e"), 2))
                .keyOn("one_key", s -> "k")
                .statefulBatch("count", (Integer resume) -> {
                    if (resume != null) {
                        rebuilds.incrementAndGet();
                    }
                    return new Counter(resume);
                })
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items()).get("k")).containsExactly(2, 4, 5);
        assertThat(rebuilds.get()).isEqualTo(mode.restoring() ? 3 : 0);
    }

    @InEveryRunModeRestoring
    void shouldGiveEveryCallbackItsKey(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("a1", "b1", "a2"), 2))
                .keyOn("by_letter", s -> s.substring(0, 1))
                .statefulBatch("keys", (Integer resume) -> new StatefulBatchLogic<String, String, String, Integer>() {
                    @Override
                    public void onBatch(List<String> values, StatefulContext<String, String> context) {
                        values.forEach(value -> context.emit(context.key() + " got " + value));
                    }

                    @Override
                    public void onEof(StatefulContext<String, String> context) {
                        context.emit(context.key() + " ends");
                    }

                    @Override
                    public Integer snapshot() {
                        return 0;
                    }
                })
                .output("out", sink);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "a", List.of("a got a1", "a got a2", "a ends"),
                "b", List.of("b got b1", "b ends")));
    }
}
