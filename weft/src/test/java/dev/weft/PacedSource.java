package dev.weft;

import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A one-partition source that follows a script: emit these items, pause, wait until something has
 * happened (typically: the sink has received an item), emit more. For operators that act on
 * system time (notifications, {@code collect}'s timeout), without timing assertions: a test waits
 * for what it expects to see rather than for a fixed time.
 *
 * <pre>{@code
 * new PacedSource<String>()
 *         .emit("a", "b")
 *         .awaitUntil(() -> !sink.items().isEmpty())
 *         .emit("c");
 * }</pre>
 *
 * <p>A wait gives up after {@link #GIVE_UP} and the script goes on, so that a broken operator makes
 * the test fail on its output instead of hanging.
 *
 * @param <T> the item type
 */
final class PacedSource<T> implements PartitionedSource<T, Integer> {

    /** How long an {@link #awaitUntil} waits at most. */
    static final Duration GIVE_UP = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(2);

    private sealed interface Step permits Emit, Pause, Await {
    }

    private record Emit(List<Object> items) implements Step {
    }

    private record Pause(Duration duration) implements Step {
    }

    private record Await(BooleanSupplier condition) implements Step {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<Long> emittedAtNanos = Collections.synchronizedList(new ArrayList<>());

    /** Emits {@code items} as one batch. */
    @SafeVarargs
    final PacedSource<T> emit(T... items) {
        List<Object> batch = new ArrayList<>(items.length);
        for (T item : items) {
            batch.add(item);
        }
        steps.add(new Emit(List.copyOf(batch)));
        return this;
    }

    /** Emits nothing for {@code duration}. */
    PacedSource<T> pause(Duration duration) {
        steps.add(new Pause(duration));
        return this;
    }

    /** Emits nothing until {@code condition} holds (or {@link #GIVE_UP} has passed). */
    PacedSource<T> awaitUntil(BooleanSupplier condition) {
        steps.add(new Await(condition));
        return this;
    }

    /** The longest time between two of the first {@code batches} emitted batches, as the source saw it. */
    Duration longestGapBetweenBatches(int batches) {
        long longest = 0;
        synchronized (emittedAtNanos) {
            for (int i = 1; i < Math.min(batches, emittedAtNanos.size()); i++) {
                longest = Math.max(longest, emittedAtNanos.get(i) - emittedAtNanos.get(i - 1));
            }
        }
        return Duration.ofNanos(longest);
    }

    @Override
    public List<String> listPartitions() {
        return List.of("paced");
    }

    @Override
    public SourcePartition<T, Integer> buildPartition(String partition, Integer resumeState) {
        return new SourcePartition<>() {
            private int next = resumeState == null ? 0 : resumeState;
            private long stepStartedNanos = -1;

            @Override
            @SuppressWarnings("unchecked")
            public List<T> nextBatch() {
                while (next < steps.size()) {
                    Step step = steps.get(next);
                    long now = System.nanoTime();
                    if (stepStartedNanos < 0) {
                        stepStartedNanos = now;
                    }
                    long elapsed = now - stepStartedNanos;
                    if (step instanceof Emit emit) {
                        advance();
                        emittedAtNanos.add(now);
                        return (List<T>) new ArrayList<>(emit.items());
                    } else if (step instanceof Pause pause) {
                        if (elapsed < pause.duration().toNanos()) {
                            return List.of();
                        }
                    } else if (step instanceof Await await) {
                        if (!await.condition().getAsBoolean() && elapsed < GIVE_UP.toNanos()) {
                            return List.of();
                        }
                    }
                    advance();
                }
                return null;
            }

            private void advance() {
                next++;
                stepStartedNanos = -1;
            }

            @Override
            public Instant nextAwake() {
                return Instant.now().plus(POLL);
            }

            @Override
            public Integer snapshot() {
                return next;
            }
        };
    }
}
