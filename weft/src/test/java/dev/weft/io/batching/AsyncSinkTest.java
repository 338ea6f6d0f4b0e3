package dev.weft.io.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.StepException;
import dev.weft.io.StatelessSinkPartition;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSource;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class AsyncSinkTest {

    private final ExecutorService client = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopClient() {
        client.shutdownNow();
    }

    @Test
    void shouldStartOneWritePerBatchWithACopyOfTheItems() throws Exception {
        List<List<Integer>> started = new ArrayList<>();
        StatelessSinkPartition<Integer> writer = new AsyncSink<Integer>(4, Duration.ofSeconds(30), batch -> {
            started.add(batch);
            return CompletableFuture.completedFuture(null);
        }).build(0, 1);
        List<Integer> reused = new ArrayList<>(List.of(1, 2));
        writer.writeBatch(reused);
        reused.set(0, 99);
        writer.writeBatch(List.of(3));
        writer.close();
        assertThat(started).containsExactly(List.of(1, 2), List.of(3));
    }

    @Test
    void shouldWaitForTheOldestWriteWhenTooManyAreInFlight() throws Exception {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        StatelessSinkPartition<Integer> writer = new AsyncSink<Integer>(2, Duration.ofSeconds(30), batch -> {
            CompletableFuture<Void> future = new CompletableFuture<>();
            futures.add(future);
            if (futures.size() == 3) {
                // Completes the oldest later, from another thread: the third write must wait for it.
                CompletableFuture<Void> oldest = futures.get(0);
                client.submit(() -> oldest.complete(null));
            }
            return future;
        }).build(0, 1);
        writer.writeBatch(List.of(1));
        writer.writeBatch(List.of(2));
        writer.writeBatch(List.of(3));
        assertThat(futures.get(0)).isDone();
        assertThat(futures.get(1)).isNotDone();
        futures.get(1).complete(null);
        futures.get(2).complete(null);
        writer.close();
    }

    @Test
    void shouldFailWhenAWriteDoesNotCompleteWithinTheTimeout() throws Exception {
        StatelessSinkPartition<Integer> writer = new AsyncSink<Integer>(1, Duration.ofMillis(50),
                batch -> new CompletableFuture<>()).build(0, 1);
        writer.writeBatch(List.of(1));
        assertThatThrownBy(() -> writer.writeBatch(List.of(2)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not complete within")
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void shouldFailAtTheNextBatchWhenAWriteCompletedExceptionally() throws Exception {
        StatelessSinkPartition<Integer> writer = new AsyncSink<Integer>(8, Duration.ofSeconds(30),
                batch -> CompletableFuture.failedFuture(new IllegalStateException("quota exceeded"))).build(0, 1);
        writer.writeBatch(List.of(1, 2, 3));
        assertThatThrownBy(() -> writer.writeBatch(List.of(4)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("write of 3 items failed")
                .hasCauseInstanceOf(IllegalStateException.class)
                .cause().hasMessage("quota exceeded");
    }

    @Test
    void shouldFailAtCloseWhenTheLastWriteFails() throws Exception {
        StatelessSinkPartition<Integer> writer = new AsyncSink<Integer>(8, Duration.ofSeconds(30),
                batch -> CompletableFuture.runAsync(() -> {
                    throw new IllegalStateException("broken pipe");
                }, client)).build(0, 1);
        writer.writeBatch(List.of(1));
        assertThatThrownBy(writer::close).isInstanceOf(IOException.class).cause().hasMessageContaining("broken pipe");
    }

    @Test
    void shouldRefuseAWriterReturningNull() {
        StatelessSinkPartition<Integer> writer = new AsyncSink<Integer>(8, Duration.ofSeconds(30), batch -> null)
                .build(0, 1);
        assertThatThrownBy(() -> writer.writeBatch(List.of(1))).isInstanceOf(IOException.class)
                .hasMessageContaining("returned null");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldCompleteEveryWriteBeforeTheRunEnds(int workers) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            numbers.add(i);
        }
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        Dataflow flow = new Dataflow("async");
        flow.input("numbers", new TestingSource<Integer>(numbers, 13))
                .redistribute("spread")
                .output("out", new BatchingSink<>(100, Duration.ofHours(1), new AsyncSink<Integer>(3,
                        Duration.ofSeconds(30), batch -> CompletableFuture.runAsync(() -> written.addAll(batch), client))));
        Testing.run(flow, workers);
        assertThat(written).containsExactlyInAnyOrderElementsOf(numbers);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldFailTheDataflowWhenAWriteFails(int workers) {
        AtomicInteger calls = new AtomicInteger();
        Dataflow flow = new Dataflow("async");
        flow.input("numbers", new TestingSource<Integer>(List.of(1, 2, 3, 4, 5)))
                .output("out", new AsyncSink<Integer>(2, Duration.ofSeconds(30), batch -> calls.incrementAndGet() == 2
                        ? CompletableFuture.failedFuture(new IOException("rejected"))
                        : CompletableFuture.completedFuture(null)));
        assertThatThrownBy(() -> Testing.run(flow, workers))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("async.out")
                .hasRootCauseMessage("rejected");
    }
}
