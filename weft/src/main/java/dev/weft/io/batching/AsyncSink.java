package dev.weft.io.batching;

import dev.weft.io.DynamicSink;
import dev.weft.io.StatelessSinkPartition;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A sink for asynchronous clients: each batch goes to a function that starts the write and
 * returns a {@link CompletionStage}; up to {@code maxOutstanding} writes per worker are in flight
 * at once, and every one must complete before the input ends.
 *
 * <p><b>Contract</b>: the function is called on the worker's thread, once per batch, in order,
 * with a fresh list it may keep; it must not block, and must be safe to call from several workers'
 * threads at once. When a worker already has {@code maxOutstanding} writes in flight, it waits for
 * the oldest (this is the backpressure that keeps a slow client from piling up work). At close it
 * waits for all of its writes. Writes may complete in any order.
 *
 * <p><b>Failures</b>: a write that completes exceptionally fails the dataflow (with an
 * {@link IOException} whose cause is the write's exception) at the worker's next batch or at
 * close, whichever comes first; so does a write that has not completed within {@code timeout} of
 * the worker starting to wait for it, and a function that returns {@code null}. Output is
 * at-least-once, like every dynamic sink's. Combine with {@link BatchingSink} for larger batches.
 *
 * <pre>{@code
 * events.output("send", new AsyncSink<>(8, Duration.ofSeconds(30), batch -> client.sendAll(batch)));
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AsyncSink<T> implements DynamicSink<T> {

    private final int maxOutstanding;
    private final Duration timeout;
    private final Function<? super List<T>, ? extends CompletionStage<?>> writer;

    /**
     * A sink calling {@code writer} for every batch.
     *
     * @param maxOutstanding the most writes in flight per worker, at least 1
     * @param timeout how long to wait for one write to complete before failing, positive
     * @param writer starts writing a batch and returns its completion
     * @throws IllegalArgumentException if {@code maxOutstanding} is below 1 or {@code timeout} is not positive
     */
    public AsyncSink(int maxOutstanding, Duration timeout, Function<? super List<T>, ? extends CompletionStage<?>> writer) {
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("max outstanding writes must be at least 1; got " + maxOutstanding);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive; got " + timeout);
        }
        this.maxOutstanding = maxOutstanding;
        this.timeout = timeout;
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public StatelessSinkPartition<T> build(int workerIndex, int workerCount) {
        return new Partition();
    }

    /** One worker's writes in flight, oldest first. */
    private final class Partition implements StatelessSinkPartition<T> {
        private final Deque<InFlight> inFlight = new ArrayDeque<>();

        @Override
        public void writeBatch(List<T> items) throws IOException {
            failIfAnyFailed();
            if (items.isEmpty()) {
                return;
            }
            List<T> batch = new ArrayList<>(items);
            CompletionStage<?> stage = writer.apply(batch);
            if (stage == null) {
                throw new IOException("the asynchronous writer returned null for a batch of " + batch.size()
                        + " items; return a CompletionStage (CompletableFuture.completedFuture(null) when done at once)");
            }
            inFlight.addLast(new InFlight(stage.toCompletableFuture(), batch.size()));
            while (inFlight.size() > maxOutstanding) {
                await(inFlight.removeFirst());
            }
        }

        @Override
        public void close() throws IOException {
            while (!inFlight.isEmpty()) {
                await(inFlight.removeFirst());
            }
        }

        private void failIfAnyFailed() throws IOException {
            for (Iterator<InFlight> it = inFlight.iterator(); it.hasNext();) {
                InFlight write = it.next();
                if (write.future.isDone()) {
                    it.remove();
                    await(write);
                }
            }
        }

        private void await(InFlight write) throws IOException {
            try {
                write.future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IOException("an asynchronous write of " + write.size + " items failed: " + e.getCause(),
                        e.getCause());
            } catch (CancellationException e) {
                throw new IOException("an asynchronous write of " + write.size + " items was cancelled", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for an"
                        + " asynchronous write of " + write.size + " items");
                interrupted.initCause(e);
                throw interrupted;
            } catch (TimeoutException e) {
                throw new IOException("an asynchronous write of " + write.size + " items did not complete within "
                        + timeout + "; is the client stuck?", e);
            }
        }
    }

    /** A write in flight and the number of items it carries. */
    private static final class InFlight {
        final CompletableFuture<?> future;
        final int size;

        InFlight(CompletableFuture<?> future, int size) {
            this.future = future;
            this.size = size;
        }
    }
}
