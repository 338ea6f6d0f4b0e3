package dev.weft.io.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.io.StatelessSourcePartition;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class QueueSourceTest {

    private final AtomicReference<QueueSource.Feed<String>> feed = new AtomicReference<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private StatelessSourcePartition<String> reader(int capacity, int batchSize) {
        return new QueueSource<String>(capacity, batchSize, Duration.ofMillis(10), (worker, workers, f) -> {
            feed.set(f);
            return () -> stopped.set(true);
        }).build(0, 1);
    }

    @Test
    void shouldReturnAnEmptyBatchAndAWakeUpTimeWhileTheFeedIsEmpty() throws Exception {
        StatelessSourcePartition<String> reader = reader(10, 10);
        Instant before = Instant.now();
        assertThat(reader.nextBatch()).isEmpty();
        assertThat(reader.nextAwake()).isAfter(before);
        feed.get().put("a");
        assertThat(reader.nextBatch()).containsExactly("a");
        assertThat(reader.nextAwake()).isNull();
    }

    @Test
    void shouldDrainInBatchesAndEndAfterTheQueuedItems() throws Exception {
        StatelessSourcePartition<String> reader = reader(10, 2);
        feed.get().put("a");
        feed.get().put("b");
        feed.get().put("c");
        feed.get().end();
        assertThat(reader.nextBatch()).containsExactly("a", "b");
        assertThat(reader.nextBatch()).containsExactly("c");
        assertThat(reader.nextBatch()).isNull();
    }

    @Test
    void shouldEmitTheQueuedItemsThenFailWithTheClientsException() throws Exception {
        StatelessSourcePartition<String> reader = reader(10, 10);
        feed.get().put("a");
        feed.get().fail(new IOException("connection reset"));
        assertThat(reader.nextBatch()).containsExactly("a");
        assertThatThrownBy(reader::nextBatch).isInstanceOf(IOException.class).hasMessage("connection reset");
    }

    @Test
    void shouldRefuseAnItemWhenFullWithOffer() {
        reader(1, 10);
        assertThat(feed.get().offer("a")).isTrue();
        assertThat(feed.get().offer("b")).isFalse();
    }

    @Test
    void shouldReleaseABlockedClientAndStopItWhenTheReaderCloses() throws Exception {
        StatelessSourcePartition<String> reader = reader(1, 10);
        feed.get().put("fills the feed");
        AtomicReference<Throwable> clientError = new AtomicReference<>();
        Thread client = new Thread(() -> {
            try {
                for (int i = 0; ; i++) {
                    feed.get().put("item " + i);
                }
            } catch (Throwable e) {
                clientError.set(e);
            }
        });
        client.start();
        reader.close();
        client.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(client.isAlive()).isFalse();
        assertThat(clientError.get()).isInstanceOf(CancellationException.class);
        assertThat(feed.get().isClosed()).isTrue();
        assertThat(stopped).isTrue();
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldEmitEverythingEachWorkersClientFeeds(int workers) {
        Dataflow flow = new Dataflow("queue");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("feed", new QueueSource<String>(16, 8, Duration.ofMillis(1), (worker, count, f) -> {
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        f.put(worker + ":" + i);
                    }
                    f.end();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producer.setDaemon(true);
            producer.start();
            return producer::interrupt;
        })).output("out", sink);
        Testing.run(flow, workers);

        List<String> expected = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            for (int i = 0; i < 500; i++) {
                expected.add(w + ":" + i);
            }
        }
        assertThat(sink.items()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
