package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;

/**
 * Processing-time timers of stateful logic, on the run's clock (a test clock here): owned by the
 * runtime, fired once per key and time when the clock reaches it, in time order, after the key's
 * values; cancellable; snapshotted and restored with the state (each test also runs with state
 * and timers restored after every callback).
 */
@Timeout(120)
class ProcessingTimersTest {

    private static final Instant T0 = ClockedRun.START;

    /**
     * Follows commands, one per value: {@code in S} sets a timer S seconds after now, {@code at S}
     * one at T0 + S seconds, {@code cancel S} cancels the one at T0 + S seconds, {@code discard}
     * discards the key. Emits "now S" for every command, and "fired S" for a timer at T0 + S
     * seconds; with {@code echo}, a firing timer sets its own time and a time before it again.
     */
    static final class Commands implements StatefulBatchLogic<String, String, String, Integer> {
        private final boolean echo;
        private final AtomicInteger fired;
        private int commands;

        Commands(boolean echo, AtomicInteger fired, Integer resume) {
            this.echo = echo;
            this.fired = fired;
            this.commands = resume == null ? 0 : resume;
        }

        @Override
        public void onBatch(List<String> values, StatefulContext<String, String> context) {
            for (String value : values) {
                commands++;
                context.emit("now " + seconds(context.now()));
                String[] command = value.split(" ");
                switch (command[0]) {
                    case "in" -> context.setProcessingTimer(context.now().plusSeconds(Long.parseLong(command[1])));
                    case "at" -> context.setProcessingTimer(T0.plusSeconds(Long.parseLong(command[1])));
                    case "cancel" -> context.cancelProcessingTimer(T0.plusSeconds(Long.parseLong(command[1])));
                    case "discard" -> context.discard();
                    default -> throw new IllegalArgumentException("unknown command " + value);
                }
            }
        }

        @Override
        public void onProcessingTimer(Instant time, StatefulContext<String, String> context) {
            fired.incrementAndGet();
            context.emit("fired " + seconds(time) + " at " + seconds(context.now()));
            if (echo) {
                context.setProcessingTimer(time);
                context.setProcessingTimer(time.minusSeconds(1));
            }
        }

        @Override
        public void onEof(StatefulContext<String, String> context) {
            context.emit("eof after " + commands);
        }

        private static long seconds(Instant time) {
            return Duration.between(T0, time).getSeconds();
        }

        @Override
        public Integer snapshot() {
            return commands;
        }
    }

    private static ClockedRun<String, String> start(RunMode mode, boolean echo, AtomicInteger fired) {
        return ClockedRun.start(mode, keyed -> keyed.statefulBatch("timers",
                (Integer resume) -> new Commands(echo, fired, resume)));
    }

    @InEveryRunModeRestoring
    void shouldFireOnceWhenClockReachesTime(RunMode mode) {
        ClockedRun<String, String> run = start(mode, false, new AtomicInteger());

        run.send("k", "in 10").advance(Duration.ofSeconds(10).minusNanos(1));
        assertThat(run.output()).containsExactly(KeyValue.of("k", "now 0"));
        run.advance(Duration.ofNanos(1)).advance(Duration.ofSeconds(30));

        assertThat(run.finish()).containsExactly(KeyValue.of("k", "now 0"), KeyValue.of("k", "fired 10 at 10"),
                KeyValue.of("k", "eof after 1"));
    }

    @InEveryRunModeRestoring
    void shouldFireInTimeOrderOnceEach(RunMode mode) {
        ClockedRun<String, String> run = start(mode, false, new AtomicInteger());

        run.send("k", "at 30", "at 10", "at 20", "at 10").advance(Duration.ofSeconds(25));
        run.advance(Duration.ofSeconds(10));
        // A time at or before one that already fired for the key does nothing.
        run.send("k", "at 5");

        assertThat(run.finish()).containsExactly(
                KeyValue.of("k", "now 0"), KeyValue.of("k", "now 0"), KeyValue.of("k", "now 0"),
                KeyValue.of("k", "now 0"),
                KeyValue.of("k", "fired 10 at 25"), KeyValue.of("k", "fired 20 at 25"),
                KeyValue.of("k", "fired 30 at 35"), KeyValue.of("k", "now 35"),
                KeyValue.of("k", "eof after 5"));
    }

    @InEveryRunModeRestoring
    void shouldFireATimeAlreadyPastAtOnce(RunMode mode) {
        ClockedRun<String, String> run = start(mode, false, new AtomicInteger());

        run.advance(Duration.ofSeconds(60)).send("k", "at 10");

        assertThat(run.output()).containsExactly(KeyValue.of("k", "now 60"), KeyValue.of("k", "fired 10 at 60"));
    }

    @InEveryRunModeRestoring
    void shouldFireOnceWhenTimerCallbackSetsAPastTimeAgain(RunMode mode) {
        AtomicInteger fired = new AtomicInteger();
        ClockedRun<String, String> run = start(mode, true, fired);

        run.send("k", "in 10").advance(Duration.ofSeconds(10));
        // More activations: values of another key, and the clock moving on.
        run.send("other", "in 1000").advance(Duration.ofSeconds(1)).send("other", "in 1000")
                .advance(Duration.ofSeconds(1));

        assertThat(fired).hasValue(1);
        assertThat(KeyValues.byKey(run.finish()).get("k"))
                .containsExactly("now 0", "fired 10 at 10", "eof after 1");
        assertThat(fired).hasValue(1);
    }

    @InEveryRunModeRestoring
    void shouldNotFireCancelledTimerNorTimersOfDiscardedKey(RunMode mode) {
        ClockedRun<String, String> run = start(mode, false, new AtomicInteger());

        run.send("a", "at 10", "at 20", "cancel 10", "cancel 99");
        run.send("b", "at 10", "discard");
        run.advance(Duration.ofSeconds(30));

        assertThat(KeyValues.byKey(run.finish())).isEqualTo(Map.of(
                "a", List.of("now 0", "now 0", "now 0", "now 0", "fired 20 at 30", "eof after 4"),
                "b", List.of("now 0", "now 0")));
    }

    @InEveryRunModeRestoring
    void shouldKeepEachKeysTimersApart(RunMode mode) {
        ClockedRun<String, String> run = start(mode, false, new AtomicInteger());

        run.send("a", "in 10").send("b", "in 20").send("c", "in 10");
        run.advance(Duration.ofSeconds(15));
        assertThat(KeyValues.byKey(run.output())).isEqualTo(Map.of(
                "a", List.of("now 0", "fired 10 at 15"),
                "b", List.of("now 0"),
                "c", List.of("now 0", "fired 10 at 15")));
        run.advance(Duration.ofSeconds(15));

        assertThat(KeyValues.byKey(run.finish())).isEqualTo(Map.of(
                "a", List.of("now 0", "fired 10 at 15", "eof after 1"),
                "b", List.of("now 0", "fired 20 at 30", "eof after 1"),
                "c", List.of("now 0", "fired 10 at 15", "eof after 1")));
    }

    @InEveryRunModeRestoring
    void shouldDropPendingTimersAtEndOfInput(RunMode mode) {
        AtomicInteger fired = new AtomicInteger();
        ClockedRun<String, String> run = start(mode, false, fired);

        run.send("k", "in 10");

        assertThat(run.finish()).containsExactly(KeyValue.of("k", "now 0"), KeyValue.of("k", "eof after 1"));
        assertThat(fired).hasValue(0);
    }
}
