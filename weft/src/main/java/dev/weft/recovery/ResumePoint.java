package dev.weft.recovery;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where the next execution of a dataflow continues from.
 *
 * <p>Epochs are numbered from 1; epoch 0 stands for "before any epoch", so a fresh store resumes
 * from epoch 0 with no state. The {@link #epoch()} is the last epoch that every worker of the
 * latest execution completed, as recorded in every partition: state and positions are read as of
 * its end, and the next execution processes epoch {@code epoch + 1} onward. A worker of the latest
 * execution that recorded no progress (it crashed before completing its first epoch) counts as
 * having completed that execution's own starting epoch, so nothing is skipped.
 *
 * @param latestExecution the number of the latest execution, empty for a store never run
 * @param workers the worker count of the latest execution (0 for a store never run)
 * @param epoch the epoch to resume from: state and positions as of its end
 * @param behind partitions whose own record of progress ended before the others' (restored from an
 *     older backup, or holding progress a crash kept from reaching them): the resume point is
 *     theirs, the oldest; empty in the usual case
 */
public record ResumePoint(OptionalLong latestExecution, int workers, long epoch, List<Integer> behind) {

    /** Copies {@code behind}. */
    public ResumePoint {
        behind = List.copyOf(behind);
    }

    /** The number the next execution takes: one more than the latest, or 0 for a store never run. */
    public long nextExecution() {
        return latestExecution.isPresent() ? latestExecution.getAsLong() + 1 : 0;
    }
}
