package dev.weft.recovery;

import java.util.List;

/**
 * The tables of a partition file, format 1. A file is marked as Weft's by SQLite's
 * {@code application_id} and carries its format in {@code user_version}, both readable before
 * any table is touched. Format 1 is frozen: a later format adds a migration from it, and this
 * version refuses a file of a later format.
 */
final class Schema {

    /** {@code PRAGMA application_id} of every partition file: "WEFT" in ASCII. */
    static final int APPLICATION_ID = 0x57454654;

    static final List<String> TABLES = List.of(
            // One row: which store this file belongs to, and where in it.
            """
            CREATE TABLE store (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 0),
                store_id TEXT NOT NULL,
                partition_index INTEGER NOT NULL CHECK (partition_index >= 0),
                partition_count INTEGER NOT NULL CHECK (partition_index < partition_count),
                key_groups INTEGER NOT NULL CHECK (key_groups >= partition_count),
                discarded_before INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL
            ) STRICT""",
            // Every partition records every execution (they are few), so each can compute a resume point.
            """
            CREATE TABLE executions (
                execution INTEGER PRIMARY KEY CHECK (execution >= 0),
                worker_count INTEGER NOT NULL CHECK (worker_count > 0),
                resume_epoch INTEGER NOT NULL CHECK (resume_epoch >= 0)
            ) STRICT""",
            // Every partition records every worker's progress: a partition behind the others shows.
            """
            CREATE TABLE progress (
                execution INTEGER NOT NULL,
                worker INTEGER NOT NULL,
                epoch INTEGER NOT NULL,
                PRIMARY KEY (execution, worker)
            ) STRICT, WITHOUT ROWID""",
            // A NULL value is a delete marker.
            """
            CREATE TABLE state (
                step TEXT NOT NULL,
                key_group INTEGER NOT NULL,
                key BLOB NOT NULL,
                epoch INTEGER NOT NULL,
                value BLOB,
                PRIMARY KEY (step, key_group, key, epoch)
            ) STRICT, WITHOUT ROWID""",
            """
            CREATE TABLE positions (
                step TEXT NOT NULL,
                partition TEXT NOT NULL,
                epoch INTEGER NOT NULL,
                position BLOB NOT NULL,
                PRIMARY KEY (step, partition, epoch)
            ) STRICT, WITHOUT ROWID""");

    static final String INSERT_STORE = "INSERT INTO store (singleton, store_id, partition_index, partition_count,"
            + " key_groups, created_at) VALUES (0, ?, ?, ?, ?, ?)";
    static final String READ_STORE = "SELECT store_id, partition_index, partition_count, key_groups,"
            + " discarded_before FROM store WHERE singleton = 0";

    static final String INSERT_EXECUTION = "INSERT INTO executions (execution, worker_count, resume_epoch)"
            + " VALUES (?, ?, ?)";
    static final String READ_EXECUTIONS = "SELECT execution, worker_count, resume_epoch FROM executions"
            + " ORDER BY execution DESC LIMIT 1";
    static final String READ_PROGRESS = "SELECT worker, epoch FROM progress WHERE execution = ?";
    static final String UPSERT_PROGRESS = "INSERT INTO progress (execution, worker, epoch) VALUES (?, ?, ?)"
            + " ON CONFLICT (execution, worker) DO UPDATE SET epoch = max(epoch, excluded.epoch)";

    static final String PUT_STATE = "INSERT OR REPLACE INTO state (step, key_group, key, epoch, value)"
            + " VALUES (?, ?, ?, ?, ?)";
    static final String PUT_POSITION = "INSERT OR REPLACE INTO positions (step, partition, epoch, position)"
            + " VALUES (?, ?, ?, ?)";
    /** In primary-key order, so the latest row of each key is the last of its run. */
    static final String READ_STATE = "SELECT step, key_group, key, epoch, value FROM state WHERE epoch <= ?"
            + " ORDER BY step, key_group, key, epoch";
    static final String READ_POSITIONS = "SELECT step, partition, epoch, position FROM positions WHERE epoch <= ?"
            + " ORDER BY step, partition, epoch";
    static final String READ_STEPS = "SELECT DISTINCT step FROM state WHERE epoch <= ?"
            + " UNION SELECT DISTINCT step FROM positions WHERE epoch <= ?";

    static final String DISCARD_STATE_AFTER = "DELETE FROM state WHERE epoch > ?";
    static final String DISCARD_POSITIONS_AFTER = "DELETE FROM positions WHERE epoch > ?";

    static final String GC_SUPERSEDED_STATE = """
            DELETE FROM state WHERE epoch < ?1 AND EXISTS (SELECT 1 FROM state AS newer
                WHERE newer.step = state.step AND newer.key_group = state.key_group AND newer.key = state.key
                AND newer.epoch > state.epoch AND newer.epoch <= ?1)""";
    static final String GC_DELETE_MARKERS = "DELETE FROM state WHERE epoch <= ? AND value IS NULL";
    static final String GC_SUPERSEDED_POSITIONS = """
            DELETE FROM positions WHERE epoch < ?1 AND EXISTS (SELECT 1 FROM positions AS newer
                WHERE newer.step = positions.step AND newer.partition = positions.partition
                AND newer.epoch > positions.epoch AND newer.epoch <= ?1)""";
    static final String RECORD_DISCARDED = "UPDATE store SET discarded_before = max(discarded_before, ?)"
            + " WHERE singleton = 0";

    private Schema() {
    }
}
