package dev.weft.testing;

import dev.weft.io.DynamicSink;
import dev.weft.io.StatelessSinkPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sink that appends every item to a list, from every worker (in no promised order across
 * workers). Read the list after the run.
 *
 * @param <T> the item type
 */
public final class TestingSink<T> implements DynamicSink<T> {

    private final List<T> items;

    /** Collects into a new list, returned by {@link #items()}. */
    public TestingSink() {
        this(new ArrayList<>());
    }

    /** Collects into {@code target}. */
    public TestingSink(List<T> target) {
        this.items = target;
    }

    /** The items collected so far. */
    public List<T> items() {
        synchronized (items) {
            return Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    @Override
    public StatelessSinkPartition<T> build(int workerIndex, int workerCount) {
        return batch -> {
            synchronized (items) {
                items.addAll(batch);
            }
        };
    }
}
