package dev.weft.testing;

import dev.weft.io.AbortExecution;
import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A source that emits the items of a list, in order, from one partition, {@code batchSize} at a
 * time. Its resume state is the index of the next item.
 *
 * <p>The list may hold markers: {@link #eof()} ends the input there (a later run with recovery
 * continues after it), and {@link #abort()} stops the execution at once, as a crash would: no
 * end-of-input handlers run. An abort marker fires only once, even if the same source is run again.
 *
 * <pre>{@code
 * new TestingSource<>(List.of(1, 2, TestingSource.abort(), 3))
 * }</pre>
 *
 * @param <T> the item type
 */
public final class TestingSource<T> implements PartitionedSource<T, Integer> {

    private final List<?> items;
    private final int batchSize;

    /** Emits {@code items} one at a time. */
    public TestingSource(List<?> items) {
        this(items, 1);
    }

    /** Emits {@code items} {@code batchSize} at a time. */
    public TestingSource(List<?> items, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1; got " + batchSize);
        }
        this.items = new ArrayList<>(items);
        this.batchSize = batchSize;
    }

    /** A marker that ends the input at its position. */
    public static Object eof() {
        return Marker.EOF;
    }

    /** A marker that aborts the execution at its position, once. */
    public static Object abort() {
        return new AbortMarker();
    }

    private enum Marker {
        EOF
    }

    private static final class AbortMarker {
        private final AtomicBoolean fired = new AtomicBoolean();

        @Override
        public String toString() {
            return "ABORT";
        }
    }

    @Override
    public List<String> listPartitions() {
        return List.of("iterable");
    }

    @Override
    public SourcePartition<T, Integer> buildPartition(String partition, Integer resumeState) {
        return new SourcePartition<>() {
            private int next = resumeState == null ? 0 : resumeState;
            private boolean ended;

            @Override
            @SuppressWarnings("unchecked")
            public List<T> nextBatch() {
                if (ended || next >= items.size()) {
                    return null;
                }
                List<T> batch = new ArrayList<>();
                while (batch.size() < batchSize && next < items.size()) {
                    Object item = items.get(next);
                    if (item == Marker.EOF) {
                        next++;
                        ended = true;
                        return batch.isEmpty() ? null : batch;
                    }
                    if (item instanceof AbortMarker abort) {
                        if (abort.fired.compareAndSet(false, true)) {
                            throw new AbortExecution("testing source reached an ABORT marker at index " + next);
                        }
                        next++;
                        continue;
                    }
                    batch.add((T) item);
                    next++;
                }
                return batch;
            }

            @Override
            public Integer snapshot() {
                return next;
            }
        };
    }
}
