package dev.weft.recovery;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects a snapshot's rows by partition and commits each partition's rows in one transaction. */
final class SqliteSnapshotWriter implements SnapshotWriter {

    private static final int BATCH = 4_096;

    private record StateRow(String step, int keyGroup, byte[] key, byte[] value) {
    }

    private record PositionRow(String step, String partition, byte[] position) {
    }

    private final SqliteRecoveryStore store;
    private final long epoch;
    private final List<List<StateRow>> state;
    private final List<List<PositionRow>> positions;

    SqliteSnapshotWriter(SqliteRecoveryStore store, long epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("snapshots are of epochs from 1; got epoch " + epoch);
        }
        this.store = store;
        this.epoch = epoch;
        int partitions = store.layout().partitions();
        this.state = new ArrayList<>(partitions);
        this.positions = new ArrayList<>(partitions);
        for (int i = 0; i < partitions; i++) {
            state.add(new ArrayList<>());
            positions.add(new ArrayList<>());
        }
    }

    @Override
    public void putState(String stepId, int keyGroup, byte[] key, byte[] value) {
        Objects.requireNonNull(value, "value (use deleteState to delete a key)");
        addState(stepId, keyGroup, key, value);
    }

    @Override
    public void deleteState(String stepId, int keyGroup, byte[] key) {
        addState(stepId, keyGroup, key, null);
    }

    private void addState(String stepId, int keyGroup, byte[] key, byte[] value) {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(key, "key");
        state.get(store.layout().partitionOfKeyGroup(keyGroup)).add(new StateRow(stepId, keyGroup, key, value));
    }

    @Override
    public void putPosition(String stepId, String partition, byte[] position) {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(position, "position");
        positions.get(store.layout().partitionOfPosition(partition)).add(new PositionRow(stepId, partition, position));
    }

    @Override
    public long commit() {
        long written = 0;
        boolean first = true;
        for (int p = 0; p < state.size(); p++) {
            List<StateRow> stateRows = state.get(p);
            List<PositionRow> positionRows = positions.get(p);
            if (stateRows.isEmpty() && positionRows.isEmpty()) {
                continue;
            }
            if (!first) {
                CrashPoint.SNAPSHOT_BETWEEN_PARTITIONS.reach();
            }
            boolean crashInside = first;
            written += store.partition(p).transaction("write the snapshot of epoch " + epoch, connection -> {
                long rows = writeState(connection.prepareStatement(Schema.PUT_STATE), stateRows)
                        + writePositions(connection.prepareStatement(Schema.PUT_POSITION), positionRows);
                if (crashInside) {
                    CrashPoint.SNAPSHOT_BEFORE_COMMIT.reach();
                }
                return rows;
            });
            first = false;
            stateRows.clear();
            positionRows.clear();
        }
        return written;
    }

    private long writeState(PreparedStatement insert, List<StateRow> rows) throws SQLException {
        try (insert) {
            int pending = 0;
            for (StateRow row : rows) {
                insert.setString(1, row.step());
                insert.setInt(2, row.keyGroup());
                insert.setBytes(3, row.key());
                insert.setLong(4, epoch);
                if (row.value() == null) {
                    insert.setNull(5, Types.BLOB);
                } else {
                    insert.setBytes(5, row.value());
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return rows.size();
    }

    private long writePositions(PreparedStatement insert, List<PositionRow> rows) throws SQLException {
        try (insert) {
            for (PositionRow row : rows) {
                insert.setString(1, row.step());
                insert.setString(2, row.partition());
                insert.setLong(3, epoch);
                insert.setBytes(4, row.position());
                insert.addBatch();
            }
            if (!rows.isEmpty()) {
                insert.executeBatch();
            }
        }
        return rows.size();
    }
}
