package dev.weft.io.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.StepException;
import dev.weft.io.AbortExecution;
import dev.weft.io.SourcePartition;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.TestClock;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class PollingSourceTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final TestClock now = new TestClock(T0);

    private <T> SourcePartition<T, Long> open(PollingSource<T> source, Long state) {
        assertThat(source.listPartitions()).containsExactly("singleton");
        SourcePartition<T, Long> partition = source.buildPartition("singleton", state);
        partition.setClock(now);
        return partition;
    }

    @Test
    void shouldPollAtOnceThenEveryIntervalAskingToBeWokenInBetween() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SourcePartition<Integer, Long> partition = open(new PollingSource<>(MINUTE, 3, SECOND,
                () -> List.of(calls.incrementAndGet())), null);

        assertThat(partition.nextBatch()).containsExactly(1);
        assertThat(partition.nextAwake()).isEqualTo(T0.plus(MINUTE));
        now.set(T0.plusSeconds(30));
        assertThat(partition.nextBatch()).as("not yet due").isEmpty();
        assertThat(partition.nextAwake()).isEqualTo(T0.plus(MINUTE));
        now.set(T0.plus(MINUTE));
        assertThat(partition.nextBatch()).containsExactly(2);
        assertThat(partition.nextAwake()).isEqualTo(T0.plus(MINUTE.multipliedBy(2)));
        assertThat(calls).hasValue(2);
    }

    @Test
    void shouldSkipSlotsMissedWhileTheWorkerWasBusy() throws Exception {
        SourcePartition<String, Long> partition = open(new PollingSource<>(MINUTE, 3, SECOND, () -> List.of("x")),
                null);
        partition.nextBatch();
        now.set(T0.plus(MINUTE.multipliedBy(3)).plusSeconds(10));
        assertThat(partition.nextBatch()).containsExactly("x");
        assertThat(partition.nextAwake()).isEqualTo(T0.plus(MINUTE.multipliedBy(4)));
    }

    @Test
    void shouldEmitNothingWhenThePollerReturnsNullOrEmpty() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SourcePartition<String, Long> partition = open(new PollingSource<String>(MINUTE, 3, SECOND,
                () -> calls.incrementAndGet() == 1 ? null : List.of()), null);
        assertThat(partition.nextBatch()).isEmpty();
        now.set(T0.plus(MINUTE));
        assertThat(partition.nextBatch()).isEmpty();
        assertThat(calls).hasValue(2);
        assertThat(partition.nextAwake()).isEqualTo(T0.plus(MINUTE.multipliedBy(2)));
    }

    @Test
    void shouldRetryAFailedPollWithDoublingBackoffAndResetOnSuccess() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SourcePartition<Integer, Long> partition = open(new PollingSource<>(MINUTE, 3, SECOND, () -> {
            int call = calls.incrementAndGet();
            if (call <= 2) {
                throw new IOException("flaky " + call);
            }
            return List.of(call);
        }), null);

        assertThat(partition.nextBatch()).isEmpty();
        assertThat(partition.nextAwake()).isEqualTo(T0.plusSeconds(1));
        now.set(T0.plusSeconds(1));
        assertThat(partition.nextBatch()).isEmpty();
        assertThat(partition.nextAwake()).isEqualTo(T0.plusSeconds(3));
        now.set(T0.plusSeconds(3));
        assertThat(partition.nextBatch()).containsExactly(3);
        assertThat(partition.nextAwake()).as("back on the schedule").isEqualTo(T0.plus(MINUTE));
    }

    @Test
    void shouldFailWithTheLastCauseOnceTheRetriesAreUsedUp() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SourcePartition<Integer, Long> partition = open(new PollingSource<Integer>(MINUTE, 2, SECOND, () -> {
            throw new IOException("down " + calls.incrementAndGet());
        }), null);
        partition.nextBatch();
        now.set(T0.plusSeconds(1));
        partition.nextBatch();
        now.set(T0.plusSeconds(3));
        assertThatThrownBy(partition::nextBatch)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed 3 times in a row (2 retries)")
                .hasCauseInstanceOf(IOException.class)
                .satisfies(e -> {
                    assertThat(e.getCause()).hasMessage("down 3");
                    assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("down 1", "down 2");
                });
    }

    @Test
    void shouldEndWhenThePollerSignalsEndOfInput() throws Exception {
        SourcePartition<String, Long> partition = open(new PollingSource<String>(MINUTE, 3, SECOND, () -> {
            throw new PollingSource.EndOfInput();
        }), null);
        assertThat(partition.nextBatch()).isNull();
        assertThat(partition.nextAwake()).isNull();
    }

    @Test
    void shouldSnapshotTheNextSlotAndResumeOnItsSchedule() throws Exception {
        PollingSource<String> source = new PollingSource<>(MINUTE, 3, SECOND, () -> List.of("x"));
        SourcePartition<String, Long> partition = open(source, null);
        partition.nextBatch();
        Long state = partition.snapshot();
        assertThat(state).isEqualTo(T0.plus(MINUTE).toEpochMilli());

        now.set(T0.plusSeconds(20));
        SourcePartition<String, Long> resumed = open(source, state);
        assertThat(resumed.nextBatch()).as("waits for the slot").isEmpty();
        assertThat(resumed.nextAwake()).isEqualTo(T0.plus(MINUTE));

        now.set(T0.plus(MINUTE.multipliedBy(5)));
        SourcePartition<String, Long> late = open(source, state);
        assertThat(late.nextBatch()).as("a passed slot polls at once").containsExactly("x");
    }

    @Test
    void shouldAlignCallsToTheAnchorPlusWholeIntervals() throws Exception {
        now.set(T0.plus(Duration.ofMinutes(17)));
        AtomicInteger calls = new AtomicInteger();
        SourcePartition<Integer, Long> partition = open(new PollingSource<>(Duration.ofMinutes(15),
                () -> List.of(calls.incrementAndGet())).alignTo(T0.plus(Duration.ofDays(3))), null);
        assertThat(partition.nextAwake()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(partition.nextBatch()).as("not on a slot yet").isEmpty();
        now.set(T0.plus(Duration.ofMinutes(30)));
        assertThat(partition.nextBatch()).containsExactly(1);
        assertThat(partition.nextAwake()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
    }

    @Test
    void shouldCallAtOnceWhenTheStartIsOnAnAlignedSlot() throws Exception {
        SourcePartition<String, Long> partition = open(new PollingSource<>(MINUTE, () -> List.of("x"))
                .alignTo(T0.minus(Duration.ofHours(5))), null);
        assertThat(partition.nextAwake()).isEqualTo(T0);
        assertThat(partition.nextBatch()).containsExactly("x");
    }

    @Test
    void shouldRetryAfterTheDelayThePollerAsksForWithoutUsingUpARetry() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SourcePartition<Integer, Long> partition = open(new PollingSource<>(MINUTE, 0, SECOND, () -> {
            int call = calls.incrementAndGet();
            if (call <= 2) {
                throw new PollingSource.Retry(Duration.ofSeconds(10));
            }
            return List.of(call);
        }), null);
        assertThat(partition.nextBatch()).isEmpty();
        assertThat(partition.nextAwake()).isEqualTo(T0.plusSeconds(10));
        now.set(T0.plusSeconds(10));
        assertThat(partition.nextBatch()).as("no retries allowed, yet a Retry is no failure").isEmpty();
        now.set(T0.plusSeconds(20));
        assertThat(partition.nextBatch()).containsExactly(3);
        assertThat(partition.nextAwake()).as("back on the schedule").isEqualTo(T0.plus(MINUTE));
    }

    @Test
    void shouldPollOnTheRunsTestClockWithRetriesAndEndOfInput() throws Exception {
        TestClock clock = new TestClock(T0);
        Semaphore polled = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        Dataflow flow = new Dataflow("poll");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("poll", new PollingSource<String>(MINUTE, () -> {
            int call = calls.incrementAndGet();
            String item = "call " + call + " at " + clock.instant();
            polled.release(); // the test moves the clock only after this
            switch (call) {
                case 2:
                    throw new PollingSource.Retry(Duration.ofSeconds(10));
                case 4:
                    throw new PollingSource.EndOfInput();
                default:
                    return List.of(item);
            }
        })).output("out", sink);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() ->
                Testing.run(flow, RunConfig.defaults(2).withClock(clock)));

        polled.acquire();
        clock.advance(MINUTE);
        polled.acquire();
        clock.advance(Duration.ofSeconds(10));
        polled.acquire();
        clock.advance(Duration.ofSeconds(50));
        polled.acquire();
        run.get(30, TimeUnit.SECONDS);

        assertThat(sink.items()).containsExactly("call 1 at 2024-01-01T00:00:00Z", "call 3 at 2024-01-01T00:01:10Z");
        assertThat(calls).hasValue(4);
    }

    @Test
    void shouldPollOnTheHourWhenAlignedAndStopTheRunWhenThePollerAborts() throws Exception {
        TestClock clock = new TestClock(T0.plus(Duration.ofMinutes(40)));
        Semaphore polled = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        Dataflow flow = new Dataflow("poll");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("poll", new PollingSource<String>(Duration.ofHours(1), () -> {
            int call = calls.incrementAndGet();
            String item = "call " + call + " at " + clock.instant();
            polled.release(); // the test moves the clock only after this
            if (call == 3) {
                throw new AbortExecution("the service is gone");
            }
            return List.of(item);
        }).alignTo(T0)).output("out", sink);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() ->
                Testing.run(flow, RunConfig.defaults(1).withClock(clock)));

        // Onto the first aligned slot: called then, whether the run started before or after this move.
        clock.advance(Duration.ofMinutes(20));
        polled.acquire();
        clock.advance(Duration.ofHours(1));
        polled.acquire();
        clock.advance(Duration.ofHours(1));
        polled.acquire();
        run.get(30, TimeUnit.SECONDS);

        assertThat(sink.items()).containsExactly("call 1 at 2024-01-01T01:00:00Z", "call 2 at 2024-01-01T02:00:00Z");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldEmitWhatABoundedPollerReturnsThenEnd(int workers) {
        AtomicInteger calls = new AtomicInteger();
        Dataflow flow = new Dataflow("poll");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("poll", new PollingSource<>(Duration.ofMillis(1), () -> {
            int call = calls.incrementAndGet();
            if (call > 5) {
                throw new PollingSource.EndOfInput();
            }
            return List.of(call * 10, call * 10 + 1);
        })).output("out", sink);
        Testing.run(flow, workers);
        assertThat(sink.items()).containsExactly(10, 11, 20, 21, 30, 31, 40, 41, 50, 51);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldFailTheDataflowWithTheCauseWhenPollingKeepsFailing(int workers) {
        Dataflow flow = new Dataflow("poll");
        flow.input("poll", new PollingSource<String>(Duration.ofMillis(1), 2, Duration.ofMillis(1), () -> {
            throw new IOException("service unavailable");
        })).output("out", new TestingSink<>());
        assertThatThrownBy(() -> Testing.run(flow, workers))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("poll.poll")
                .hasRootCauseInstanceOf(IOException.class)
                .hasRootCauseMessage("service unavailable");
    }
}
