package dev.weft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.dataflow.Batch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The list a flatMapBatch mapper receives: a view over its batch that behaves as any mutable list. */
@Timeout(10)
class BatchListTest {

    private static Batch<Integer> batchOf(int... items) {
        Batch<Integer> batch = new Batch<>(7);
        for (int item : items) {
            batch.add(item);
        }
        return batch;
    }

    private static List<Integer> contents(Batch<Integer> batch) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            out.add(batch.get(i));
        }
        return out;
    }

    @Test
    void shouldReadAndWriteThroughToBatch() {
        Batch<Integer> batch = batchOf(1, 2, 3);
        BatchList<Integer> list = new BatchList<>(batch);

        list.replaceAll(x -> x * 10);
        list.set(0, 5);

        assertThat(list).containsExactly(5, 20, 30);
        assertThat(contents(batch)).containsExactly(5, 20, 30);
        assertThat(list.isBatch()).isTrue();
    }

    @Test
    void shouldRefuseIndexBeyondSizeThoughArrayIsLarger() {
        BatchList<Integer> list = new BatchList<>(batchOf(1, 2));

        assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.set(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.remove(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.add(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldCompactBatchInPlaceOnRemoval() {
        Batch<Integer> batch = batchOf(1, 2, 3, 4, 5, 6);
        BatchList<Integer> list = new BatchList<>(batch);

        list.removeIf(x -> x % 2 == 0);
        list.remove(Integer.valueOf(5));
        list.remove(0);

        assertThat(list).containsExactly(3);
        assertThat(contents(batch)).containsExactly(3);
        assertThat(batch.items()[1]).isNull();
    }

    @Test
    void shouldClearTailAsFilterDoes() {
        Batch<Integer> batch = batchOf(1, 2, 3, 4);
        BatchList<Integer> list = new BatchList<>(batch);

        list.subList(1, 4).clear();

        assertThat(contents(batch)).containsExactly(1);
    }

    @Test
    void shouldInsertInPlaceWhileBatchHasRoom() {
        Batch<Integer> batch = batchOf(1, 3);
        BatchList<Integer> list = new BatchList<>(batch);

        list.add(1, 2);
        list.add(4);
        list.add(0, 0);

        assertThat(list.isBatch()).isTrue();
        assertThat(contents(batch)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void shouldMoveToOwnListWhenInsertingIntoFullBatch() {
        Batch<Integer> batch = new Batch<>(7);
        while (!batch.isFull()) {
            batch.add(batch.size());
        }
        BatchList<Integer> list = new BatchList<>(batch);

        list.add(-1);
        list.add(0, -2);
        list.remove(1);

        assertThat(list.isBatch()).isFalse();
        assertThat(list).hasSize(Batch.CAPACITY + 1).startsWith(-2, 1, 2).endsWith(Batch.CAPACITY - 1, -1);
    }

    @Test
    void shouldSortLikeAnyList() {
        BatchList<Integer> list = new BatchList<>(batchOf(3, 1, 2));

        list.sort(Comparator.reverseOrder());

        assertThat(list).containsExactly(3, 2, 1);
    }
}
