package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Event-time timers of stateful logic: owned by the runtime, fired once per key and time, in time
 * order, when the input watermark reaches them, which it does for all of them at the end of input,
 * before {@code onEof}. Each test also runs with state and timers restored after every callback.
 */
@Timeout(120)
class EventTimersTest {

    /**
     * Follows commands, one per value: {@code set T} sets an event timer at T, {@code cancel T}
     * cancels it, {@code cancel-all} cancels every timer of the key, {@code discard} discards the
     * key. A firing timer emits "fired T"; with {@code echo}, its callback sets its own time and an
     * earlier one again, which must not fire. Its state is the number of commands seen.
     */
    static final class Commands implements StatefulBatchLogic<String, String, String, Integer> {
        private final boolean echo;
        private int commands;

        Commands(boolean echo, Integer resume) {
            this.echo = echo;
            this.commands = resume == null ? 0 : resume;
        }

        @Override
        public void onBatch(List<String> values, StatefulContext<String, String> context) {
            for (String value : values) {
                commands++;
                String[] command = value.split(" ");
                switch (command[0]) {
                    case "set" -> context.setEventTimer(Long.parseLong(command[1]));
                    case "cancel" -> context.cancelEventTimer(Long.parseLong(command[1]));
                    case "cancel-all" -> context.cancelTimers();
                    case "discard" -> context.discard();
                    default -> throw new IllegalArgumentException("unknown command " + value);
                }
            }
        }

        @Override
        public void onEventTimer(long time, StatefulContext<String, String> context) {
            context.emit("fired " + time);
            if (echo) {
                context.setEventTimer(time);
                context.setEventTimer(time - 1);
            }
        }

        @Override
        public void onEof(StatefulContext<String, String> context) {
            context.emit("eof after " + commands + " commands, watermark " + watermarkName(context.watermark()));
        }

        private static String watermarkName(long watermark) {
            return watermark == Long.MAX_VALUE ? "MAX" : String.valueOf(watermark);
        }

        @Override
        public Integer snapshot() {
            return commands;
        }
    }

    private static Map<String, List<String>> run(RunMode mode, boolean echo, int batchSize, String... items) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of(items), batchSize))
                .keyOn("by_key", item -> item.split(":")[0])
                .mapValue("command", item -> item.split(":")[1])
                .statefulBatch("timers", (Integer resume) -> new Commands(echo, resume))
                .output("out", sink);
        mode.run(flow);
        return KeyValues.byKey(sink.items());
    }

    @InEveryRunModeRestoring
    void shouldFireInTimeOrderOnceEachBeforeEndOfInput(RunMode mode) {
        Map<String, List<String>> out = run(mode, false, 2,
                "k:set 30", "k:set 10", "k:set 20", "k:set 10", "k:set -5");

        assertThat(out).isEqualTo(Map.of(
                "k", List.of("fired -5", "fired 10", "fired 20", "fired 30", "eof after 5 commands, watermark MAX")));
    }

    @InEveryRunModeRestoring
    void shouldKeepEachKeysTimersApart(RunMode mode) {
        Map<String, List<String>> out = run(mode, false, 3,
                "a:set 2", "b:set 1", "c:set 3", "a:set 1", "b:cancel 1", "c:set 3");

        assertThat(out).isEqualTo(Map.of(
                "a", List.of("fired 1", "fired 2", "eof after 2 commands, watermark MAX"),
                "b", List.of("eof after 2 commands, watermark MAX"),
                "c", List.of("fired 3", "eof after 2 commands, watermark MAX")));
    }

    @InEveryRunModeRestoring
    void shouldNotFireCancelledTimers(RunMode mode) {
        Map<String, List<String>> out = run(mode, false, 1,
                "k:set 1", "k:set 2", "k:set 3", "k:cancel 2", "k:cancel 9");

        assertThat(out.get("k")).containsExactly("fired 1", "fired 3", "eof after 5 commands, watermark MAX");
    }

    @InEveryRunModeRestoring
    void shouldCancelEveryTimerOfTheKey(RunMode mode) {
        Map<String, List<String>> out = run(mode, false, 1, "k:set 1", "k:set 2", "k:cancel-all", "k:set 3");

        assertThat(out.get("k")).containsExactly("fired 3", "eof after 4 commands, watermark MAX");
    }

    @InEveryRunModeRestoring
    void shouldDropTimersWithDiscardedKey(RunMode mode) {
        // The discard drops the timer at 1, and the timer at 2 set after it in the same batch.
        Map<String, List<String>> out = run(mode, false, 3, "k:set 1", "k:discard", "k:set 2", "k:set 5");

        assertThat(out.get("k")).containsExactly("fired 5", "eof after 1 commands, watermark MAX");
    }

    @InEveryRunModeRestoring
    void shouldFireOnceWhenTimerCallbackSetsItsTimeAgain(RunMode mode) {
        Map<String, List<String>> out = run(mode, true, 1, "k:set 7", "k:set 8");

        assertThat(out.get("k")).containsExactly("fired 7", "fired 8", "eof after 2 commands, watermark MAX");
    }
}
