/**
 * The recovery store: the SQLite files in which a run with recovery keeps its snapshots of state,
 * source and sink positions, and each worker's progress, so that a crashed or stopped run resumes
 * from the latest epoch that every worker completed.
 *
 * <p>{@link dev.weft.recovery.RecoveryStore} is the interface the runtime calls;
 * {@link dev.weft.recovery.RecoveryStore#init} creates a store and
 * {@link dev.weft.recovery.RecoveryStore#open} opens one after checking that its partition files
 * belong together, are readable, are of a format this version reads, and hold a consistent
 * resume point. Anything wrong is refused with a {@link dev.weft.recovery.RecoveryStoreException}
 * saying what, where, what was found and what to do: the store never starts over silently while
 * recovery data exists. The layout, the guarantees and the format are described in
 * {@code docs/recovery.md}.
 *
 * <p>Depends only on the JDK, {@code dev.weft.codec} (for the stable hash of a position's
 * partition name) and xerial's sqlite-jdbc. The runtime ({@code dev.weft.runtime}) decides when
 * to snapshot and what to resume; this package only stores and reads.
 */
package dev.weft.recovery;
