package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;

/**
 * The core stateful operator, statefulBatch: per-key logic, end of input, discarding, notifications
 * at a system time, and state rebuilt from snapshots.
 */
@Timeout(120)
class StatefulBatchTest {

    /**
     * Appends each key's values to a list and emits the list after every batch; a value ending in
     * "end" discards the key, so its next value starts a new list. At the end of input it emits "eof".
     */
    static final class Session implements StatefulBatchLogic<String, String, List<String>> {
        private final List<String> seen;

        Session(List<String> resume) {
            seen = resume == null ? new ArrayList<>() : new ArrayList<>(resume);
        }

        @Override
        public LogicResult<String> onBatch(List<String> values) {
            seen.addAll(values);
            boolean ended = seen.stream().anyMatch(v -> v.endsWith("end"));
            return new LogicResult<>(List.of(String.join(",", seen)), ended);
        }

        @Override
        public LogicResult<String> onEof() {
            return LogicResult.discard(List.of("eof " + String.join(",", seen)));
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

    /**
     * The state of {@link Reminder}: values seen, the pending notification time in epoch
     * milliseconds ({@code null} for none), how often notified.
     */
    record ReminderState(int values, Long remindAtMillis, int reminders) {
    }

    /**
     * Asks to be notified {@code delay} after its first value, and emits "reminder n" when it is,
     * {@code times} times in all, each {@code delay} after the last. The pending time lives in the
     * state, as every schedule must (it is not stored elsewhere). With {@code askOnce},
     * {@link #notifyAt} returns the first time only right after the first value and {@code null}
     * afterwards, which keeps the schedule.
     */
    static final class Reminder implements StatefulBatchLogic<String, String, ReminderState> {
        private final Duration delay;
        private final boolean askOnce;
        private final int times;
        private ReminderState state;

        Reminder(Duration delay, boolean askOnce, ReminderState resume) {
            this(delay, askOnce, 1, resume);
        }

        Reminder(Duration delay, boolean askOnce, int times, ReminderState resume) {
            this.delay = delay;
            this.askOnce = askOnce;
            this.times = times;
            this.state = resume != null ? resume : new ReminderState(0, null, 0);
        }

        @Override
        public LogicResult<String> onBatch(List<String> values) {
            Long at = state.values() == 0 ? Long.valueOf(System.currentTimeMillis() + delay.toMillis()) : state.remindAtMillis();
            state = new ReminderState(state.values() + values.size(), at, state.reminders());
            return LogicResult.nothing();
        }

        @Override
        public LogicResult<String> onNotify() {
            int reminders = state.reminders() + 1;
            Long next = reminders < times ? Long.valueOf(System.currentTimeMillis() + delay.toMillis()) : null;
            state = new ReminderState(state.values(), next, reminders);
            return LogicResult.retain(List.of("reminder " + reminders));
        }

        @Override
        public LogicResult<String> onEof() {
            return LogicResult.retain(List.of("eof after " + state.values() + " values"));
        }

        @Override
        public Instant notifyAt() {
            if (askOnce && state.values() > 1 && state.reminders() == 0) {
                return null;
            }
            return state.remindAtMillis() == null ? null : Instant.ofEpochMilli(state.remindAtMillis());
        }

        @Override
        public ReminderState snapshot() {
            return state;
        }
    }

    @InEveryRunModeRestoring
    void shouldNotifyOnceAtRequestedSystemTime(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        PacedSource<String> source = new PacedSource<String>()
                .emit("a")
                .awaitUntil(() -> sink.items().contains(KeyValue.of("k", "reminder 1")))
                .pause(Duration.ofMillis(100))
                .emit("b");
        flow.input("in", source)
                .keyOn("one_key", s -> "k")
                .statefulBatch("remind", (ReminderState s) -> new Reminder(Duration.ofMillis(20), false, s))
                .output("out", sink);

        mode.run(flow, ReminderState.class);

        assertThat(KeyValues.byKey(sink.items()).get("k")).containsExactly("reminder 1", "eof after 2 values");
    }

    @InEveryRunModeRestoring
    void shouldNotifyAgainWhenAskedAgainAfterNotification(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        PacedSource<String> source = new PacedSource<String>()
                .emit("a")
                .awaitUntil(() -> sink.items().contains(KeyValue.of("k", "reminder 3")))
                .pause(Duration.ofMillis(50))
                .emit("b");
        flow.input("in", source)
                .keyOn("one_key", s -> "k")
                .statefulBatch("remind", (ReminderState s) -> new Reminder(Duration.ofMillis(10), false, 3, s))
                .output("out", sink);

        mode.run(flow, ReminderState.class);

        assertThat(KeyValues.byKey(sink.items()).get("k"))
                .containsExactly("reminder 1", "reminder 2", "reminder 3", "eof after 2 values");
    }

    @InEveryRunModeRestoring
    void shouldNotNotifyBeforeRequestedTime(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("a", "b", "c"), 2))
                .keyOn("one_key", s -> "k")
                .statefulBatch("remind", (ReminderState s) -> new Reminder(Duration.ofHours(1), false, s))
                .output("out", sink);

        mode.run(flow, ReminderState.class);

        assertThat(KeyValues.byKey(sink.items()).get("k")).containsExactly("eof after 3 values");
    }

    @InEveryRunModeRestoring
    void shouldKeepScheduleWhenNotifyAtReturnsNull(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        PacedSource<String> source = new PacedSource<String>()
                .emit("a")
                .emit("b", "c")
                .emit("d")
                .awaitUntil(() -> sink.items().contains(KeyValue.of("k", "reminder 1")))
                .emit("e");
        flow.input("in", source)
                .keyOn("one_key", s -> "k")
                .statefulBatch("remind", (ReminderState s) -> new Reminder(Duration.ofMillis(50), true, s))
                .output("out", sink);

        mode.run(flow, ReminderState.class);

        assertThat(KeyValues.byKey(sink.items()).get("k")).containsExactly("reminder 1", "eof after 5 values");
    }

    @InEveryRunModeRestoring
    void shouldNotifyEveryKeyAtItsOwnTime(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        PacedSource<String> source = new PacedSource<String>()
                .emit("a1", "b1", "c1")
                .awaitUntil(() -> sink.items().size() == 3)
                .emit("a2");
        flow.input("in", source)
                .keyOn("by_letter", s -> s.substring(0, 1))
                .statefulBatch("remind", (ReminderState s) -> new Reminder(Duration.ofMillis(30), false, s))
                .output("out", sink);

        mode.run(flow, ReminderState.class);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "a", List.of("reminder 1", "eof after 2 values"),
                "b", List.of("reminder 1", "eof after 1 values"),
                "c", List.of("reminder 1", "eof after 1 values")));
    }

    /** Counts the values of its key; rebuilt from a count it counts on. */
    static final class Counter implements StatefulBatchLogic<String, Integer, Integer> {
        private int count;

        Counter(Integer resume) {
            count = resume == null ? 0 : resume;
        }

        @Override
        public LogicResult<Integer> onBatch(List<String> values) {
            count += values.size();
            return LogicResult.retain(List.of(count));
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
}
