package dev.weft.recovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The resume point of a store from every partition's history: the oldest epoch any partition
 * can resume from, since every partition records all progress and a partition can only be
 * behind (restored from an older backup, or missing the progress a crash kept from it). Refused
 * when another partition has already discarded the snapshots that point needs.
 */
final class ResumeCalculation {

    private ResumeCalculation() {
    }

    static ResumePoint resumePoint(Path directory, List<PartitionHistory> histories) {
        PartitionHistory latest = null;
        long epoch = Long.MAX_VALUE;
        long newest = 0;
        for (PartitionHistory history : histories) {
            if (latest == null || history.execution() > latest.execution()) {
                latest = history;
            }
            epoch = Math.min(epoch, history.resumeEpoch());
            newest = Math.max(newest, history.resumeEpoch());
        }
        if (latest == null) {
            throw new IllegalArgumentException("no partitions");
        }
        List<Integer> behind = new ArrayList<>();
        for (PartitionHistory history : histories) {
            if (history.resumeEpoch() < newest) {
                behind.add(history.partition());
            }
        }
        for (PartitionHistory history : histories) {
            if (history.discardedBefore() > epoch) {
                throw new RecoveryStoreException("the partitions of recovery store " + directory + " are inconsistent:"
                        + " " + describeBehind(histories, epoch) + ", but "
                        + StoreLayout.fileName(history.partition()) + " has already discarded the snapshots before"
                        + " epoch " + history.discardedBefore() + ". A partition was rolled back (restored from an"
                        + " older backup than the others, or its -wal file was lost). Restore the partitions from one"
                        + " backup (or from backups no further apart than the backup interval), or delete the whole"
                        + " store to start from scratch");
            }
        }
        OptionalLong execution = latest.execution() < 0 ? OptionalLong.empty() : OptionalLong.of(latest.execution());
        return new ResumePoint(execution, latest.workers(), epoch, behind);
    }

    private static String describeBehind(List<PartitionHistory> histories, long epoch) {
        List<String> oldest = new ArrayList<>();
        for (PartitionHistory history : histories) {
            if (history.resumeEpoch() == epoch) {
                oldest.add(StoreLayout.fileName(history.partition()) + (history.execution() < 0
                        ? " (which records no execution at all)" : " (execution " + history.execution() + ")"));
            }
        }
        return String.join(" and ", oldest) + (oldest.size() == 1 ? " records" : " record")
                + " progress only up to epoch " + epoch;
    }
}
