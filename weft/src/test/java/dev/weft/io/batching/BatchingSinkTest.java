package dev.weft.io.batching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.io.StatelessSinkPartition;
import dev.weft.testing.TestClock;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class BatchingSinkTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final TestClock now = new TestClock(T0);
    private final List<List<Integer>> batches = new ArrayList<>();
    private final AtomicBoolean downstreamClosed = new AtomicBoolean();

    private BatchingSink.Writer<Integer> writer(int maxSize, Duration maxDelay) {
        BatchingSink<Integer> sink = new BatchingSink<>(maxSize, maxDelay, (worker, workers) -> new StatelessSinkPartition<>() {
            @Override
            public void writeBatch(List<Integer> items) {
                batches.add(items);
            }

            @Override
            public void close() {
                downstreamClosed.set(true);
            }
        });
        BatchingSink.Writer<Integer> writer = sink.build(0, 1);
        writer.setClock(now);
        return writer;
    }

    @Test
    void shouldHandOverFullBatchesAndKeepTheRestUntilClose() throws Exception {
        BatchingSink.Writer<Integer> writer = writer(3, Duration.ofMinutes(1));
        writer.writeBatch(List.of(1, 2));
        assertThat(batches).isEmpty();
        writer.writeBatch(List.of(3, 4, 5, 6, 7));
        assertThat(batches).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6));
        assertThat(writer.nextAwake()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        writer.close();
        assertThat(batches).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
        assertThat(downstreamClosed).isTrue();
    }

    @Test
    void shouldHandOverAPartialBatchWhenItemsArriveAfterTheOldestFellDue() throws Exception {
        BatchingSink.Writer<Integer> writer = writer(100, Duration.ofSeconds(5));
        writer.writeBatch(List.of(1));
        now.set(T0.plusSeconds(4));
        writer.writeBatch(List.of(2));
        assertThat(batches).isEmpty();
        assertThat(writer.nextAwake()).as("due by the oldest item").isEqualTo(T0.plusSeconds(5));
        now.set(T0.plusSeconds(5));
        writer.writeBatch(List.of(3));
        assertThat(batches).containsExactly(List.of(1, 2, 3));
        assertThat(writer.nextAwake()).isNull();
    }

    @Test
    void shouldHandOverAfterEveryWriteWithZeroDelay() throws Exception {
        BatchingSink.Writer<Integer> writer = writer(2, Duration.ZERO);
        writer.writeBatch(List.of(1, 2, 3));
        writer.writeBatch(List.of(4));
        assertThat(batches).containsExactly(List.of(1, 2), List.of(3), List.of(4));
    }

    @Test
    void shouldNotCallDownstreamWithAnEmptyBatch() throws Exception {
        BatchingSink.Writer<Integer> writer = writer(2, Duration.ZERO);
        writer.writeBatch(List.of());
        writer.close();
        assertThat(batches).isEmpty();
        assertThat(downstreamClosed).isTrue();
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldDeliverEveryItemOnceInBatchesNoLargerThanTheLimit(int workers) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            numbers.add(i);
        }
        List<List<Integer>> received = Collections.synchronizedList(new ArrayList<>());
        Dataflow flow = new Dataflow("batching");
        flow.input("numbers", new TestingSource<Integer>(numbers, 7))
                .redistribute("spread")
                .output("out", BatchingSink.calling(64, Duration.ofHours(1), received::add));
        Testing.run(flow, workers);

        List<Integer> all = new ArrayList<>();
        synchronized (received) {
            for (List<Integer> batch : received) {
                assertThat(batch).isNotEmpty().hasSizeLessThanOrEqualTo(64);
                all.addAll(batch);
            }
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(numbers);
    }
}
