package dev.weft.core;

import dev.weft.engine.dataflow.Batch;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A {@code List} view over an engine batch, handed to a {@code flatMapBatch} mapper: reads and
 * {@code set} go straight to the batch's array, and removing a range (as {@code filter} does with
 * {@code subList(n, size).clear()}) compacts it in place. When the mapper returns this same list, the
 * batch moves on without a copy.
 *
 * @param <T> the item type
 */
final class BatchList<T> extends AbstractList<T> implements RandomAccess {

    private final Batch<T> batch;

    BatchList(Batch<T> batch) {
        this.batch = batch;
    }

    Batch<T> batch() {
        return batch;
    }

    @Override
    public T get(int index) {
        return batch.get(index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T set(int index, T element) {
        Object old = batch.items()[index];
        batch.set(index, element);
        return (T) old;
    }

    @Override
    public int size() {
        return batch.size();
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        Object[] items = batch.items();
        int size = batch.size();
        System.arraycopy(items, toIndex, items, fromIndex, size - toIndex);
        batch.truncate(size - (toIndex - fromIndex));
        modCount++;
    }
}
