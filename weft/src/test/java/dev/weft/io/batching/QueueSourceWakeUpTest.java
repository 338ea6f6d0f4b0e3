package dev.weft.io.batching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A queue source is woken by its client's thread, not by polling: with a poll interval of an hour,
 * items put later from another thread still flow, and the end of the feed still ends the input.
 */
@Timeout(60)
class QueueSourceWakeUpTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldEmitItemsPutLaterFromAnotherThreadWithoutPolling(int workers) {
        TestingSink<Integer> sink = new TestingSink<>();
        Dataflow flow = new Dataflow("woken");
        flow.input("queue", new QueueSource<Integer>(16, 4, Duration.ofHours(1), (worker, count, feed) -> {
            Thread client = new Thread(() -> {
                try {
                    if (worker == 0) {
                        for (int i = 0; i < 10; i++) {
                            Thread.sleep(5); // later than the worker's first, empty poll
                            feed.put(i);
                        }
                    }
                    feed.end();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            client.setDaemon(true);
            client.start();
            return () -> { };
        })).output("out", sink);

        // Nothing else would wake the source within the test's time: epochs last an hour too.
        Testing.run(flow, RunConfig.defaults(workers).withEpochInterval(Duration.ofHours(1)));

        assertThat(sink.items()).containsExactlyInAnyOrderElementsOf(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }
}
