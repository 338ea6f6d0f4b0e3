package dev.weft.recovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A recovery store: the files in which a run keeps snapshots of its state, the positions of its
 * partitioned sources and sinks, and the progress of its workers, and from which the next run
 * resumes. The runtime drives it:
 *
 * <ol>
 *   <li>{@link #resumePoint()} says where to continue; {@link #readState} and
 *       {@link #readPositions} give the state and positions as of that epoch;</li>
 *   <li>{@link #beginExecution} records the new execution and discards what the crashed one wrote
 *       after the resume point (snapshots of epochs no worker completed);</li>
 *   <li>at the end of each snapshot epoch, a {@link SnapshotWriter} from {@link #snapshot} collects
 *       the changed keys and positions and {@link SnapshotWriter#commit() commits} them;
 *       <em>then</em> {@link #recordProgress} records that a worker completed the epoch;</li>
 *   <li>{@link #discardBefore} drops snapshots superseded before an epoch (garbage collection).</li>
 * </ol>
 *
 * <p><b>Guarantees.</b> Every write is a SQLite transaction in WAL mode with
 * {@code synchronous=FULL}: once a method returns, what it wrote survives a crash of the process
 * (and of the machine, if the disk honours fsync). A crash in the middle of a write leaves each
 * partition as it was before that write's transaction, and since progress is recorded only after
 * a snapshot is committed in every partition, a partially written snapshot is never part of a
 * resume point.
 *
 * <p><b>Threads.</b> Every method may be called from any thread. Writes to different partitions
 * run in parallel; writes to one partition are serialized.
 */
public interface RecoveryStore extends AutoCloseable {

    /** The version of the file format this version of Weft writes, and the newest it reads. */
    int FORMAT_VERSION = 1;

    /**
     * Creates a store of {@code partitions} partition files in {@code directory}, creating the
     * directory if it is missing.
     *
     * @param keyGroups the number of key groups, fixed for the life of the store
     * @return the new store's layout
     * @throws RecoveryStoreException if the directory already holds recovery partitions, or cannot
     *     be written
     * @throws IllegalArgumentException if the counts are out of range ({@link StoreLayout})
     */
    static StoreLayout init(Path directory, int partitions, int keyGroups) {
        return StoreInit.init(directory, partitions, keyGroups);
    }

    /**
     * Opens the store in {@code directory} after checking it: every partition present and
     * readable, all of one store, of a format this version reads, and holding a consistent resume
     * point.
     *
     * @throws RecoveryStoreException saying what is wrong and what to do, if any check fails
     */
    static RecoveryStore open(Path directory) {
        return SqliteRecoveryStore.open(directory, 0);
    }

    /**
     * Opens the store in {@code directory} as {@link #open(Path)} does, and also checks that it
     * was made with {@code keyGroups} key groups.
     *
     * @throws RecoveryStoreException if it was made with another key-group count, or a check of
     *     {@link #open(Path)} fails
     */
    static RecoveryStore open(Path directory, int keyGroups) {
        if (keyGroups < 1) {
            throw new IllegalArgumentException("key groups must be positive; got " + keyGroups);
        }
        return SqliteRecoveryStore.open(directory, keyGroups);
    }

    /** The store's layout: its directory, id, partition count, key-group count and format. */
    StoreLayout layout();

    /**
     * Computes where the next execution continues from, from the executions and progress
     * recorded in every partition.
     *
     * @throws RecoveryStoreException if the partitions no longer hold a common resume point (one
     *     was rolled back behind snapshots another has already discarded)
     */
    ResumePoint resumePoint();

    /**
     * Records the start of an execution, in every partition, and discards the state and positions
     * written after {@code resumeEpoch} (by an execution that crashed before completing them).
     *
     * @param execution {@link ResumePoint#nextExecution()}
     * @param workers the new execution's worker count
     * @param resumeEpoch {@link ResumePoint#epoch()}
     * @throws RecoveryStoreException if a partition already records that execution
     */
    void beginExecution(long execution, int workers, long resumeEpoch);

    /**
     * Starts collecting the snapshot of epoch {@code epoch}: nothing is written until
     * {@link SnapshotWriter#commit()}.
     *
     * @param epoch the epoch at whose end the snapshot is taken (at least 1)
     */
    SnapshotWriter snapshot(long epoch);

    /**
     * Records, in every partition, that worker {@code worker} of execution {@code execution}
     * completed epoch {@code epoch}: call it only once that epoch's snapshot is committed. A
     * worker's progress never goes back: an older epoch than recorded is ignored.
     */
    void recordProgress(long execution, int worker, long epoch);

    /**
     * Reads the state of every key as of the end of {@code epoch}: for each step and key, the
     * latest value written at or before {@code epoch}, unless that latest write was a delete.
     * Keys come partition by partition, and within a partition in order of step id, key group and
     * key bytes.
     */
    void readState(long epoch, StateVisitor visitor);

    /**
     * The position of every source and sink partition as of the end of {@code epoch}: for each
     * step and partition name, the latest written at or before {@code epoch}.
     */
    List<SourcePosition> readPositions(long epoch);

    /**
     * The ids of the steps that wrote state or positions at or before {@code epoch}, so that the
     * runtime can report state kept for steps that are no longer in the dataflow.
     */
    Set<String> stepIds(long epoch);

    /**
     * Garbage collection: deletes, in every partition, the state and positions superseded at or
     * before {@code epoch} (for each key, every write older than its latest write at or before
     * {@code epoch}, and that latest write too if it was a delete). Reading as of {@code epoch} or
     * any later epoch gives the same result afterwards; older epochs can no longer be resumed
     * from, and each partition records that. The runtime passes the resume epoch minus the backup
     * interval, so a backup copied a little late still holds a resume point.
     *
     * @param epoch the oldest epoch that must stay readable
     */
    void discardBefore(long epoch);

    /** Closes every partition's connection. Idempotent. */
    @Override
    void close();
}
