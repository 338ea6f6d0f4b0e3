package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * collect: each key's values into lists, emitted when a list is full, when the timeout has passed
 * since the key's last value (on the run's clock: the tests move a test clock), or at the end of
 * input.
 */
@Timeout(120)
class CollectTest {

    private static final Duration NEVER = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

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
        ClockedRun<String, List<String>> run = ClockedRun.start(mode, keyed -> keyed.collect("batches", TIMEOUT, 100));

        run.send("k", "a", "b").advance(TIMEOUT.minusNanos(1));
        assertThat(run.output()).isEmpty();
        run.advance(Duration.ofNanos(1));
        assertThat(run.output()).containsExactly(KeyValue.of("k", List.of("a", "b")));
        run.send("k", "c");

        assertThat(run.finish()).containsExactly(KeyValue.of("k", List.of("a", "b")), KeyValue.of("k", List.of("c")));
    }

    @InEveryRunModeRestoring
    void shouldNotTimeOutBeforeTimeoutHasPassed(RunMode mode) {
        ClockedRun<String, List<String>> run = ClockedRun.start(mode, keyed -> keyed.collect("batches", TIMEOUT, 100));

        // One nanosecond short of the timeout, "a" is still collecting, and "b" joins it.
        run.send("k", "a").advance(TIMEOUT.minusNanos(1)).send("k", "b").advance(TIMEOUT);

        assertThat(run.finish()).containsExactly(KeyValue.of("k", List.of("a", "b")));
    }

    @InEveryRunModeRestoring
    void shouldRestartTimeoutWithEveryItem(RunMode mode) {
        ClockedRun<String, List<String>> run = ClockedRun.start(mode, keyed -> keyed.collect("batches", TIMEOUT, 100));

        // Seven items 6 s apart span 36 s, longer than the 10 s timeout: one list only if each item restarts it.
        run.send("k", "a");
        for (String item : List.of("b", "c", "d", "e", "f", "g")) {
            run.advance(Duration.ofSeconds(6)).send("k", item);
        }
        assertThat(run.output()).isEmpty();
        run.advance(TIMEOUT).send("k", "h");

        assertThat(run.finish()).containsExactly(KeyValue.of("k", List.of("a", "b", "c", "d", "e", "f", "g")),
                KeyValue.of("k", List.of("h")));
    }

    @InEveryRunModeRestoring
    void shouldTimeOutEachKeySeparately(RunMode mode) {
        ClockedRun<String, List<String>> run = ClockedRun.start(mode, keyed -> keyed.collect("batches", TIMEOUT, 100));

        run.send("x", "x1").advance(Duration.ofSeconds(5)).send("y", "y1").advance(Duration.ofSeconds(5));
        assertThat(run.output()).containsExactly(KeyValue.of("x", List.of("x1")));
        run.send("x", "x2").advance(Duration.ofSeconds(5));
        assertThat(run.output()).containsExactly(KeyValue.of("x", List.of("x1")), KeyValue.of("y", List.of("y1")));

        assertThat(KeyValues.byKey(run.finish())).isEqualTo(Map.of(
                "x", List.of(List.of("x1"), List.of("x2")),
                "y", List.of(List.of("y1"))));
    }

    @InEveryRunModeRestoring
    void shouldAcceptTimeoutOfAnyLength(RunMode mode) {
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        ClockedRun<String, List<String>> run = ClockedRun.start(mode, keyed -> keyed.collect("batches", longest, 100));

        run.send("k", "a").advance(Duration.ofDays(365 * 100)).send("k", "b");

        assertThat(run.finish()).containsExactly(KeyValue.of("k", List.of("a", "b")));
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
