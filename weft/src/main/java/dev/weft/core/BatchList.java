package dev.weft.core;

import dev.weft.engine.dataflow.Batch;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Predicate;

/**
 * A {@code List} view over an engine batch, handed to a {@code flatMapBatch} mapper, which owns it
 * and may change it as any list. Reads and {@code set} go straight to the batch's array; removals
 * ({@code filter}'s {@code subList(n, size).clear()}, {@code removeIf}) compact it in place. When
 * the mapper returns this same list, the batch moves on without a copy.
 *
 * <p>An insertion into a full batch cannot be done in place: the list then moves its items to a
 * list of its own ({@link #isBatch()} turns false) and the stage packs them into new batches.
 *
 * @param <T> the item type
 */
final class BatchList<T> extends AbstractList<T> implements RandomAccess {

    private final Batch<T> batch;
    /** The items once they outgrew the batch; {@code null} while the batch holds them. */
    private ArrayList<T> spilled;

    BatchList(Batch<T> batch) {
        this.batch = batch;
    }

    Batch<T> batch() {
        return batch;
    }

    /** Whether the items are still in the batch (nothing was inserted into it when it was full). */
    boolean isBatch() {
        return spilled == null;
    }

    @Override
    public T get(int index) {
        if (spilled != null) {
            return spilled.get(index);
        }
        return batch.get(Objects.checkIndex(index, batch.size()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T set(int index, T element) {
        if (spilled != null) {
            return spilled.set(index, element);
        }
        Object old = batch.items()[Objects.checkIndex(index, batch.size())];
        batch.set(index, element);
        return (T) old;
    }

    @Override
    public int size() {
        return spilled != null ? spilled.size() : batch.size();
    }

    @Override
    public void add(int index, T element) {
        modCount++;
        if (spilled != null) {
            spilled.add(index, element);
            return;
        }
        int size = batch.size();
        Objects.checkIndex(index, size + 1);
        if (batch.isFull()) {
            spilled = new ArrayList<>(size + size / 2);
            for (int i = 0; i < size; i++) {
                spilled.add(batch.get(i));
            }
            spilled.add(index, element);
            return;
        }
        batch.add(null);
        Object[] items = batch.items();
        System.arraycopy(items, index, items, index + 1, size - index);
        items[index] = element;
    }

    @Override
    public T remove(int index) {
        modCount++;
        if (spilled != null) {
            return spilled.remove(index);
        }
        int size = batch.size();
        T old = batch.get(Objects.checkIndex(index, size));
        Object[] items = batch.items();
        System.arraycopy(items, index + 1, items, index, size - index - 1);
        batch.truncate(size - 1);
        return old;
    }

    @Override
    public boolean removeIf(Predicate<? super T> filter) {
        Objects.requireNonNull(filter);
        if (spilled != null) {
            return spilled.removeIf(filter);
        }
        int size = batch.size();
        Object[] items = batch.items();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            T item = batch.get(i);
            if (!filter.test(item)) {
                items[kept++] = item;
            }
        }
        if (kept == size) {
            return false;
        }
        modCount++;
        batch.truncate(kept);
        return true;
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        modCount++;
        if (spilled != null) {
            spilled.subList(fromIndex, toIndex).clear();
            return;
        }
        Object[] items = batch.items();
        int size = batch.size();
        System.arraycopy(items, toIndex, items, fromIndex, size - toIndex);
        batch.truncate(size - (toIndex - fromIndex));
    }
}
