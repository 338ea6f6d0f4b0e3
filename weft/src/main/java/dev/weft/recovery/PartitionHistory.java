package dev.weft.recovery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * One partition's record of the latest execution it knows and its workers' progress.
 *
 * @param partition the partition's index
 * @param execution the latest execution it records, or -1 for none
 * @param workers that execution's worker count
 * @param startEpoch the epoch that execution resumed from
 * @param progress the last epoch each worker of it completed, by worker index
 * @param discardedBefore the epoch before which this partition discarded superseded snapshots
 */
record PartitionHistory(int partition, long execution, int workers, long startEpoch, Map<Integer, Long> progress,
        long discardedBefore) {

    /**
     * The epoch this partition can resume from: the least epoch every worker of its latest
     * execution completed, a worker without progress counting as having completed the epoch the
     * execution started from (Bytewax issue 181: a crash before the first progress must not skip).
     */
    long resumeEpoch() {
        if (execution < 0) {
            return 0;
        }
        long least = Long.MAX_VALUE;
        for (int worker = 0; worker < workers; worker++) {
            least = Math.min(least, Math.max(startEpoch, progress.getOrDefault(worker, startEpoch)));
        }
        return least;
    }

    static PartitionHistory read(SqlitePartition partition) {
        return partition.transaction("read the executions", connection -> {
            long discarded;
            try (PreparedStatement store = connection.prepareStatement(Schema.READ_STORE);
                    ResultSet row = store.executeQuery()) {
                row.next();
                discarded = row.getLong(5);
            }
            try (PreparedStatement executions = connection.prepareStatement(Schema.READ_EXECUTIONS);
                    ResultSet latest = executions.executeQuery()) {
                if (!latest.next()) {
                    return new PartitionHistory(partition.index, -1, 0, 0, Map.of(), discarded);
                }
                long execution = latest.getLong(1);
                Map<Integer, Long> progress = new HashMap<>();
                try (PreparedStatement read = connection.prepareStatement(Schema.READ_PROGRESS)) {
                    read.setLong(1, execution);
                    try (ResultSet rows = read.executeQuery()) {
                        while (rows.next()) {
                            progress.put(rows.getInt(1), rows.getLong(2));
                        }
                    }
                }
                return new PartitionHistory(partition.index, execution, latest.getInt(2), latest.getLong(3), progress,
                        discarded);
            }
        });
    }
}
