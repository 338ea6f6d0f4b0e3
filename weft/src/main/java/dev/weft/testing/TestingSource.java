package dev.weft.testing;

import dev.weft.io.AbortExecution;
import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A source that emits the items of a list, in order, from one partition, {@code batchSize} at a
 * time. Its resume state is the index of the next item.
 *
 * <pre>{@code
 * Stream<Integer> numbers = flow.input("numbers", TestingSource.of(1, 2, 3));
 * }</pre>
 *
 * <p>A {@link #builder() builder} also places markers between items: {@link Builder#eof()} ends
 * the input there (a later run with recovery continues after it), and {@link Builder#abort()}
 * stops the execution there, as a crash would: no end-of-input handlers run. Items of the batch
 * before an abort marker are still emitted (the abort comes on the next read, as in Bytewax), and
 * the resume state does not move past the marker. An abort marker fires only once, even if the same
 * source is run again, so a second run resumes after it.
 *
 * <pre>{@code
 * TestingSource<Integer> crashing = TestingSource.<Integer>builder()
 *         .items(1, 2)
 *         .abort()
 *         .items(3)
 *         .build();
 * }</pre>
 *
 * @param <T> the item type
 */
public final class TestingSource<T> implements PartitionedSource<T, Integer> {

    /** The list's items and markers; markers are the only entries that are not of type {@code T}. */
    private final List<Object> entries;
    private final int batchSize;

    /**
     * Emits {@code items} one at a time.
     *
     * @param items the items, in order; copied
     */
    public TestingSource(List<? extends T> items) {
        this(items, 1);
    }

    /**
     * Emits {@code items} {@code batchSize} at a time.
     *
     * @param items the items, in order; copied
     * @param batchSize the most items one read returns, at least 1
     * @throws IllegalArgumentException if {@code batchSize} is below 1
     */
    public TestingSource(List<? extends T> items, int batchSize) {
        this(batchSize, new ArrayList<>(items));
    }

    private TestingSource(int batchSize, List<Object> entries) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1; got " + batchSize);
        }
        this.entries = entries;
        this.batchSize = batchSize;
    }

    /**
     * Emits {@code items} one at a time.
     *
     * @param items the items, in order
     * @param <T> the item type
     * @return the source
     */
    @SafeVarargs
    public static <T> TestingSource<T> of(T... items) {
        return new TestingSource<>(1, new ArrayList<>(Arrays.asList(items)));
    }

    /**
     * Starts a source with markers between its items; name the item type at the call,
     * {@code TestingSource.<Integer>builder()}.
     *
     * @param <T> the item type
     * @return an empty builder
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Builds a {@link TestingSource} from items and markers, in order. Not thread-safe; each
     * {@link #build()} copies what was added so far.
     *
     * @param <T> the item type
     */
    public static final class Builder<T> {
        private final List<Object> entries = new ArrayList<>();
        private int batchSize = 1;

        private Builder() {
        }

        /**
         * Adds items.
         *
         * @param items the next items, in order
         * @return this builder
         */
        @SafeVarargs
        public final Builder<T> items(T... items) {
            entries.addAll(Arrays.asList(items));
            return this;
        }

        /**
         * Adds items.
         *
         * @param items the next items, in order
         * @return this builder
         */
        public Builder<T> items(List<? extends T> items) {
            entries.addAll(items);
            return this;
        }

        /**
         * Adds an end-of-input marker: a run ends its input here, and a resumed run continues
         * after it.
         *
         * @return this builder
         */
        public Builder<T> eof() {
            entries.add(Marker.EOF);
            return this;
        }

        /**
         * Adds an abort marker: the first run to reach it stops its execution there, as a crash
         * would, once the items before it are emitted; later runs pass it.
         *
         * @return this builder
         */
        public Builder<T> abort() {
            entries.add(new AbortMarker());
            return this;
        }

        /**
         * Sets how many items one read returns at most (1 unless set).
         *
         * @param size at least 1
         * @return this builder
         */
        public Builder<T> batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        /**
         * Builds the source.
         *
         * @return a source of what was added, in order
         * @throws IllegalArgumentException if the batch size is below 1
         */
        public TestingSource<T> build() {
            return new TestingSource<>(batchSize, new ArrayList<>(entries));
        }
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
                if (ended || next >= entries.size()) {
                    return null;
                }
                List<T> batch = new ArrayList<>();
                while (batch.size() < batchSize && next < entries.size()) {
                    Object entry = entries.get(next);
                    if (entry == Marker.EOF) {
                        next++;
                        ended = true;
                        return batch.isEmpty() ? null : batch;
                    }
                    if (entry instanceof AbortMarker abort) {
                        if (abort.fired.get()) {
                            next++;
                            continue;
                        }
                        if (!batch.isEmpty()) {
                            return batch; // the items before the marker go out; the abort comes on the next read
                        }
                        abort.fired.set(true);
                        throw new AbortExecution("testing source reached an ABORT marker at index " + next);
                    }
                    batch.add((T) entry);
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
