package dev.weft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.engine.worker.ExecutionConfig;
import dev.weft.engine.worker.SimulatedExecution;
import dev.weft.engine.worker.Worker;
import dev.weft.runtime.TestLowering;
import dev.weft.testing.TestClock;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stateful step holds at most one engine timer, at its earliest processing-time deadline, however
 * many per-key timers it keeps and however often they move.
 */
@Timeout(60)
class StatefulEngineTimersTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldKeepEngineTimersBoundedWhileASteadyStreamRestartsOneKeysTimeout() {
        int items = 5_000;
        TestClock clock = new TestClock(START);
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, List<Integer>>> sink = new TestingSink<>();
        // One key, one value per epoch, each restarting an hour-long timeout.
        flow.input("in", new TestingSource<Integer>(IntStream.range(0, items).boxed().toList(), 1))
                .keyOn("one_key", x -> "k")
                .collect("batches", Duration.ofHours(1), Integer.MAX_VALUE)
                .output("out", sink);
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(1).withClock(clock), 1);
        sim.build(worker -> worker.dataflow("flow", scope -> TestLowering.build(scope, flow, Duration.ZERO, false,
                flow.codecs(), () -> { })));
        Worker worker = sim.workers().get(0);
        int[] most = {0};

        sim.runToCompletion(100L * items, () -> {
            clock.advance(Duration.ofMillis(1));
            most[0] = Math.max(most[0], worker.pendingTimerCount());
        });

        assertThat(sink.items()).hasSize(1);
        assertThat(sink.items().get(0).value()).hasSize(items);
        // The source's timer and the collect step's one timer, never one per restarted timeout.
        assertThat(most[0]).isBetween(1, 2);
    }
}
