package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.io.poll.PollingSource;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.TestClock;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The samples of {@code docs/testing.md}: time-based behaviour driven by a {@link TestClock}, no sleeps. */
@Timeout(60)
class TestClockSamplesTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldPollEveryMinuteOfTheTestClock(int workers) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2024-01-01T09:00:00Z"));
        Semaphore called = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        Dataflow flow = new Dataflow("prices");
        TestingSink<String> prices = new TestingSink<>();
        flow.input("poll", new PollingSource<String>(Duration.ofMinutes(1), () -> {
            int call = calls.incrementAndGet();
            String price = "ACME " + (10 + call) + " at " + clock.instant();
            called.release(); // tells the test that this call has been made
            if (call == 4) {
                throw new PollingSource.EndOfInput();
            }
            return List.of(price);
        })).output("out", prices);

        CompletableFuture<Void> run = CompletableFuture.runAsync(() ->
                Testing.run(flow, RunConfig.defaults(workers).withClock(clock)));
        for (int minute = 0; minute < 3; minute++) {
            called.acquire(); // this minute's call has been made...
            clock.advance(Duration.ofMinutes(1)); // ...so move on to the next
        }
        called.acquire();
        run.get(30, TimeUnit.SECONDS);

        assertThat(prices.items()).containsExactly(
                "ACME 11 at 2024-01-01T09:00:00Z",
                "ACME 12 at 2024-01-01T09:01:00Z",
                "ACME 13 at 2024-01-01T09:02:00Z");
    }
}
