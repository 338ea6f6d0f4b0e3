package dev.weft.recovery;

/**
 * Collects the snapshot of one epoch and writes it: one transaction per partition that it
 * touches, each a batch of prepared inserts. Used by one thread at a time; nothing reaches the
 * store before {@link #commit()}.
 *
 * <p>A key written twice keeps the last write; a key group must be in {@code [0, keyGroups)}.
 */
public interface SnapshotWriter {

    /** Records the state of {@code key} in step {@code stepId} at the end of this epoch. */
    void putState(String stepId, int keyGroup, byte[] key, byte[] value);

    /** Records that {@code key} in step {@code stepId} has no state any more (a delete marker). */
    void deleteState(String stepId, int keyGroup, byte[] key);

    /** Records the resume position of the source or sink partition {@code partition} of {@code stepId}. */
    void putPosition(String stepId, String partition, byte[] position);

    /**
     * Writes everything collected, partition by partition, each in one transaction, and empties
     * this writer (so it can collect again). When it returns, the snapshot is durable in every
     * partition.
     *
     * @return the number of rows written
     */
    long commit();
}
