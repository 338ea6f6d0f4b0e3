package dev.weft.io.file;

import dev.weft.io.SourcePartition;
import java.util.ArrayList;
import java.util.List;

/** Drains source partitions in tests. */
final class Partitions {

    private Partitions() {
    }

    /** Every item the partition still has, until {@code nextBatch} returns null. */
    static <T> List<T> drain(SourcePartition<T, ?> partition) throws Exception {
        List<T> items = new ArrayList<>();
        for (List<T> batch = partition.nextBatch(); batch != null; batch = partition.nextBatch()) {
            items.addAll(batch);
        }
        return items;
    }

    /** The single partition of a source, opened from {@code state}. */
    static <T> SourcePartition<T, Long> open(dev.weft.io.PartitionedSource<T, Long> source, Long state) {
        List<String> names = source.listPartitions();
        if (names.size() != 1) {
            throw new AssertionError("expected one partition, got " + names);
        }
        return source.buildPartition(names.get(0), state);
    }
}
