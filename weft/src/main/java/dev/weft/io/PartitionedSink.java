package dev.weft.io;

import dev.weft.KeyValue;
import dev.weft.codec.StableHash;
import java.util.List;

/**
 * A sink with a fixed set of named partitions, each written by exactly one worker and each with
 * a position that recovery snapshots (so that a file sink can truncate to it on resume and be
 * exactly-once). Items are key-value pairs; the key picks the partition.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the type of a partition's resume state
 */
public non-sealed interface PartitionedSink<K, V, S> extends Sink<KeyValue<K, V>> {

    /** The partitions this worker can write, by stable name. */
    List<String> listPartitions();

    /**
     * The index, in the sorted list of all partitions, of the partition {@code key} goes to. The
     * default spreads keys by their stable hash.
     */
    default int partitionFor(K key, int partitionCount) {
        return Math.floorMod(StableHash.hash(key), partitionCount);
    }

    /**
     * Opens a partition for writing.
     *
     * @param partition a name from {@link #listPartitions()}
     * @param resumeState the state of the partition's last snapshot, or {@code null} for a fresh start
     * @return the partition, used only by the calling worker's thread
     */
    SinkPartition<KeyValue<K, V>, S> buildPartition(String partition, S resumeState);
}
