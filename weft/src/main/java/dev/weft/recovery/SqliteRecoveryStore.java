package dev.weft.recovery;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The {@link RecoveryStore} on SQLite partition files. */
final class SqliteRecoveryStore implements RecoveryStore {

    private final StoreLayout layout;
    private final List<SqlitePartition> partitions;

    private SqliteRecoveryStore(StoreLayout layout, List<SqlitePartition> partitions) {
        this.layout = layout;
        this.partitions = partitions;
    }

    static RecoveryStore open(Path directory, int expectedKeyGroups) {
        StoreOpener.Opened opened = StoreOpener.open(directory, expectedKeyGroups);
        SqliteRecoveryStore store = new SqliteRecoveryStore(opened.layout(), opened.partitions());
        try {
            store.resumePoint();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    SqlitePartition partition(int index) {
        return partitions.get(index);
    }

    @Override
    public StoreLayout layout() {
        return layout;
    }

    @Override
    public ResumePoint resumePoint() {
        List<PartitionHistory> histories = new ArrayList<>(partitions.size());
        for (SqlitePartition partition : partitions) {
            histories.add(PartitionHistory.read(partition));
        }
        return ResumeCalculation.resumePoint(layout.directory(), histories);
    }

    @Override
    public void beginExecution(long execution, int workers, long resumeEpoch) {
        if (execution < 0 || workers < 1 || resumeEpoch < 0) {
            throw new IllegalArgumentException("an execution needs a number from 0, at least one worker and a resume"
                    + " epoch from 0; got execution " + execution + ", " + workers + " workers, epoch " + resumeEpoch);
        }
        for (SqlitePartition partition : partitions) {
            partition.transaction("record execution " + execution, connection -> {
                try (PreparedStatement latest = connection.prepareStatement(Schema.READ_EXECUTIONS);
                        ResultSet row = latest.executeQuery()) {
                    if (row.next() && row.getLong(1) >= execution) {
                        throw new RecoveryStoreException("cannot begin execution " + execution + " in recovery"
                                + " partition " + partition.file + ": it already records execution " + row.getLong(1)
                                + ". Is another run using this store? Begin the execution that resumePoint() gives");
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(Schema.INSERT_EXECUTION)) {
                    insert.setLong(1, execution);
                    insert.setInt(2, workers);
                    insert.setLong(3, resumeEpoch);
                    insert.executeUpdate();
                }
                for (String discard : List.of(Schema.DISCARD_STATE_AFTER, Schema.DISCARD_POSITIONS_AFTER)) {
                    try (PreparedStatement delete = connection.prepareStatement(discard)) {
                        delete.setLong(1, resumeEpoch);
                        delete.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    @Override
    public SnapshotWriter snapshot(long epoch) {
        return new SqliteSnapshotWriter(this, epoch);
    }

    @Override
    public void recordProgress(long execution, int worker, long epoch) {
        for (SqlitePartition partition : partitions) {
            partition.transaction("record the progress of worker " + worker, connection -> {
                try (PreparedStatement upsert = connection.prepareStatement(Schema.UPSERT_PROGRESS)) {
                    upsert.setLong(1, execution);
                    upsert.setInt(2, worker);
                    upsert.setLong(3, epoch);
                    upsert.executeUpdate();
                }
                return null;
            });
        }
    }

    @Override
    public void readState(long epoch, StateVisitor visitor) {
        for (SqlitePartition partition : partitions) {
            partition.transaction("read the state as of epoch " + epoch, connection -> {
                try (PreparedStatement read = connection.prepareStatement(Schema.READ_STATE)) {
                    read.setLong(1, epoch);
                    try (ResultSet rows = read.executeQuery()) {
                        LatestRow latest = new LatestRow();
                        while (rows.next()) {
                            String step = rows.getString(1);
                            int group = rows.getInt(2);
                            byte[] key = rows.getBytes(3);
                            if (latest.step != null && !latest.sameKey(step, group, key)) {
                                latest.emit(visitor);
                            }
                            latest.step = step;
                            latest.group = group;
                            latest.key = key;
                            latest.value = rows.getBytes(5);
                        }
                        if (latest.step != null) {
                            latest.emit(visitor);
                        }
                    }
                }
                return null;
            });
        }
    }

    /** The last row read of the current key: the key's latest state, once the next key starts. */
    private static final class LatestRow {
        String step;
        int group;
        byte[] key;
        byte[] value;

        boolean sameKey(String otherStep, int otherGroup, byte[] otherKey) {
            return group == otherGroup && step.equals(otherStep) && Arrays.equals(key, otherKey);
        }

        void emit(StateVisitor visitor) {
            if (value != null) {
                visitor.accept(step, group, key, value);
            }
        }
    }

    @Override
    public List<SourcePosition> readPositions(long epoch) {
        List<SourcePosition> positions = new ArrayList<>();
        for (SqlitePartition partition : partitions) {
            partition.transaction("read the positions as of epoch " + epoch, connection -> {
                try (PreparedStatement read = connection.prepareStatement(Schema.READ_POSITIONS)) {
                    read.setLong(1, epoch);
                    try (ResultSet rows = read.executeQuery()) {
                        SourcePosition previous = null;
                        while (rows.next()) {
                            SourcePosition row = new SourcePosition(rows.getString(1), rows.getString(2),
                                    rows.getLong(3), rows.getBytes(4));
                            if (previous != null && !(previous.stepId().equals(row.stepId())
                                    && previous.partition().equals(row.partition()))) {
                                positions.add(previous);
                            }
                            previous = row;
                        }
                        if (previous != null) {
                            positions.add(previous);
                        }
                    }
                }
                return null;
            });
        }
        return positions;
    }

    @Override
    public Set<String> stepIds(long epoch) {
        Set<String> steps = new TreeSet<>();
        for (SqlitePartition partition : partitions) {
            partition.transaction("read the step ids", connection -> {
                try (PreparedStatement read = connection.prepareStatement(Schema.READ_STEPS)) {
                    read.setLong(1, epoch);
                    read.setLong(2, epoch);
                    try (ResultSet rows = read.executeQuery()) {
                        while (rows.next()) {
                            steps.add(rows.getString(1));
                        }
                    }
                }
                return null;
            });
        }
        return steps;
    }

    @Override
    public void discardBefore(long epoch) {
        long resumable = resumePoint().epoch();
        if (epoch > resumable) {
            throw new IllegalArgumentException("cannot discard the snapshots before epoch " + epoch + " of recovery"
                    + " store " + layout.directory() + ": the store can only resume from epoch " + resumable
                    + ", which must stay readable; pass an epoch every worker has completed");
        }
        for (SqlitePartition partition : partitions) {
            partition.transaction("discard the snapshots before epoch " + epoch, connection -> {
                for (String statement : List.of(Schema.GC_SUPERSEDED_STATE, Schema.GC_DELETE_MARKERS,
                        Schema.GC_SUPERSEDED_POSITIONS, Schema.RECORD_DISCARDED)) {
                    try (PreparedStatement delete = connection.prepareStatement(statement)) {
                        delete.setLong(1, epoch);
                        delete.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (SqlitePartition partition : partitions) {
            try {
                partition.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
