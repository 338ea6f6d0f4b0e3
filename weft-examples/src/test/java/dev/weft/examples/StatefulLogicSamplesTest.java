package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.KeyedStream;
import dev.weft.StatefulBatchLogic;
import dev.weft.StatefulContext;
import dev.weft.io.poll.PollingSource;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.TestClock;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The samples of {@code docs/stateful-logic.md}: {@link StatefulBatchLogic}s written by hand (a
 * basket, and a session that times out on a processing-time timer, on a test clock), run with and
 * without every key's state and timers rebuilt from their encoded snapshot after every callback,
 * which must not change the output.
 */
@Timeout(60)
class StatefulLogicSamplesTest {

    /**
     * One shopper's basket: the items added since the last checkout. A checkout emits what was
     * bought; at the end of input, a basket still holding items is emitted as abandoned.
     */
    static final class Basket implements StatefulBatchLogic<String, String, String, List<String>> {
        private final List<String> items;

        Basket(List<String> resume) {
            items = resume == null ? new ArrayList<>() : new ArrayList<>(resume);
        }

        @Override
        public void onBatch(List<String> events, StatefulContext<String, String> context) {
            for (String event : events) {
                if (event.equals("checkout")) {
                    context.emit("bought " + items);
                    items.clear();
                } else {
                    items.add(event);
                }
            }
            // An empty basket is discarded: nothing is kept for shoppers who are done.
            if (items.isEmpty()) {
                context.discard();
            }
        }

        @Override
        public void onEof(StatefulContext<String, String> context) {
            context.emit("abandoned " + items);
        }

        @Override
        public List<String> snapshot() {
            return List.copyOf(items);
        }
    }

    @ParameterizedTest(name = "{0} worker(s), restoring state: {1}")
    @CsvSource({"1, false", "3, false", "1, true", "3, true"})
    void shouldEmitBoughtAndAbandonedBaskets(int workers, boolean restoring) {
        Dataflow flow = new Dataflow("shop");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        KeyedStream<String, String> baskets = flow.input("events", new TestingSource<String>(List.of(
                        "ann apple", "bob pear", "ann milk", "ann checkout", "bob tea", "ann bread")))
                .keyOn("by_shopper", event -> event.split(" ")[0])
                .mapValue("action", event -> event.split(" ")[1])
                .statefulBatch("basket", Basket::new);
        baskets.output("out", sink);

        Testing.run(flow, RunConfig.defaults(workers).withRestoreStateEveryBatch(restoring));

        assertThat(sink.items()).containsExactlyInAnyOrder(
                KeyValue.of("ann", "bought [apple, milk]"),
                KeyValue.of("ann", "abandoned [bread]"),
                KeyValue.of("bob", "abandoned [pear, tea]"));
    }

    /**
     * One user's session: the pages viewed since it began. A session ends when the user has been
     * quiet for 30 minutes of the run's clock: it is emitted and the key is discarded.
     */
    static final class SessionTimeout implements StatefulBatchLogic<String, String, String, List<String>> {
        static final Duration GAP = Duration.ofMinutes(30);
        private final List<String> pages;

        SessionTimeout(List<String> resume) {
            pages = resume == null ? new ArrayList<>() : new ArrayList<>(resume);
        }

        @Override
        public void onBatch(List<String> views, StatefulContext<String, String> context) {
            pages.addAll(views);
            // Every view restarts the timeout: the runtime keeps the timer, and snapshots it with the state.
            context.cancelTimers();
            context.setProcessingTimer(context.now().plus(GAP));
        }

        @Override
        public void onProcessingTimer(Instant time, StatefulContext<String, String> context) {
            context.emit(context.key() + " viewed " + pages);
            context.discard();
        }

        @Override
        public void onEof(StatefulContext<String, String> context) {
            context.emit(context.key() + " still viewing " + pages);
        }

        @Override
        public List<String> snapshot() {
            return List.copyOf(pages);
        }
    }

    @ParameterizedTest(name = "restoring state: {0}")
    @ValueSource(booleans = {false, true})
    void shouldEndSessionsAfterHalfAnHourOfQuiet(boolean restoring) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2024-01-01T09:00:00Z"));
        List<List<String>> viewsByPoll = List.of(
                List.of("ann home", "bob home"), // 09:00
                List.of("ann cart"),             // 09:10
                List.of(), List.of(), List.of(), // 09:20, 09:30, 09:40
                List.of("bob search"));          // 09:50; the input ends at 10:00
        Semaphore polled = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        Dataflow flow = new Dataflow("sessions");
        TestingSink<KeyValue<String, String>> sink = new TestingSink<>();
        flow.input("views", new PollingSource<String>(Duration.ofMinutes(10), () -> {
                    int call = calls.getAndIncrement();
                    polled.release();
                    if (call == viewsByPoll.size()) {
                        throw new PollingSource.EndOfInput();
                    }
                    return viewsByPoll.get(call);
                }))
                .keyOn("by_user", view -> view.split(" ")[0])
                .mapValue("page", view -> view.split(" ")[1])
                .statefulBatch("session", SessionTimeout::new)
                .output("out", sink);

        CompletableFuture<Void> run = CompletableFuture.runAsync(() ->
                Testing.run(flow, RunConfig.defaults(1).withClock(clock).withRestoreStateEveryBatch(restoring)));
        for (int poll = 0; poll < viewsByPoll.size(); poll++) {
            polled.acquire();
            clock.advance(Duration.ofMinutes(10));
        }
        polled.acquire();
        run.get(30, TimeUnit.SECONDS);

        assertThat(sink.items()).containsExactly(
                KeyValue.of("bob", "bob viewed [home]"),          // quiet since 09:00: ended at 09:30
                KeyValue.of("ann", "ann viewed [home, cart]"),    // quiet since 09:10: ended at 09:40
                KeyValue.of("bob", "bob still viewing [search]")); // open when the input ended
    }
}
