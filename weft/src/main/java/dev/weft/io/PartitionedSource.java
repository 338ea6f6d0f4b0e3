package dev.weft.io;

import java.util.List;

/**
 * A source with a fixed set of named partitions (files, Kafka partitions, ...), each read by
 * exactly one worker, and each able to resume from a position that recovery snapshots.
 *
 * <p>Every worker calls {@link #listPartitions()}; the partitions, sorted by name, are dealt to the
 * workers round robin, so each is read by exactly one worker and the load is even. (Workers of one
 * process see the same partitions; a cluster of processes, where a local file is visible to one
 * process only, will assign each partition to a worker that listed it.) The worker then calls
 * {@link #buildPartition} for each of its partitions.
 * Implementations must be safe to call from several worker threads.
 *
 * @param <T> the item type
 * @param <S> the type of a partition's resume state (must be encodable by the codec registry)
 */
public non-sealed interface PartitionedSource<T, S> extends Source<T> {

    /** The partitions this worker can read, by stable name. */
    List<String> listPartitions();

    /**
     * Opens a partition for reading.
     *
     * @param partition a name from {@link #listPartitions()}
     * @param resumeState the state the partition's last snapshot returned, or {@code null} to
     *     start from the beginning
     * @return the partition, used only by the calling worker's thread
     */
    SourcePartition<T, S> buildPartition(String partition, S resumeState);
}
