package dev.weft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.io.DynamicSource;
import dev.weft.io.StatelessSourcePartition;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A reader that keeps returning nothing, and names no time, is polled at growing intervals (not
 * every 10 ms forever), and at once again after it gave items.
 */
@Timeout(60)
class IdleBackoffTest {

    @Test
    void shouldDoubleThePauseAfterEachEmptyPollUpToOneSecond() {
        IdleBackoff backoff = new IdleBackoff();

        List<Duration> pauses = Stream.generate(backoff::afterEmptyPoll).limit(9).toList();

        assertThat(pauses).extracting(Duration::toMillis).containsExactly(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L,
                1000L);
    }

    @Test
    void shouldStartOverOnceTheReaderGaveItems() {
        IdleBackoff backoff = new IdleBackoff();
        backoff.afterEmptyPoll();
        backoff.afterEmptyPoll();

        backoff.reset();

        assertThat(backoff.afterEmptyPoll()).isEqualTo(IdleBackoff.FIRST);
    }

    @Test
    void shouldPollAnEmptyReaderAtGrowingIntervals() {
        List<Long> polledAtNanos = new ArrayList<>();
        Dataflow flow = new Dataflow("quiet");
        flow.input("in", (DynamicSource<String>) (worker, workers) -> new StatelessSourcePartition<>() {
            @Override
            public List<String> nextBatch() {
                polledAtNanos.add(System.nanoTime());
                return polledAtNanos.size() <= 7 ? List.of() : null;
            }
        }).output("out", new TestingSink<>());

        Testing.run(flow, RunConfig.defaults(1).withEpochInterval(Duration.ofHours(1)));

        // The engine never wakes a reader before its pause is over: a lower bound, not a timing assertion.
        long lastGapNanos = polledAtNanos.get(7) - polledAtNanos.get(6);
        assertThat(Duration.ofNanos(lastGapNanos)).as("pause after the 7th empty poll")
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
}
