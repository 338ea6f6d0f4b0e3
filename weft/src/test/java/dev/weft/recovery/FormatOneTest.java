package dev.weft.recovery;

import static dev.weft.recovery.Stores.positions;
import static dev.weft.recovery.Stores.sql;
import static dev.weft.recovery.Stores.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format 1 is frozen: a store written in it, built here from its schema spelled out (not from
 * {@code Schema}, which may move on), must open and read the same in every later version.
 */
@Timeout(60)
class FormatOneTest {

    private static final String STORE_ID = "7d0c6a2e-8f7b-4a51-9d43-1c6f0e2b5a90";

    @TempDir
    Path dir;

    @Test
    void shouldReadAStoreWrittenInFormatOne() throws Exception {
        for (int index = 0; index < 2; index++) {
            sql(dir.resolve("part-" + index + ".sqlite3"),
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA application_id = 1464157780",
                    "CREATE TABLE store (singleton INTEGER PRIMARY KEY CHECK (singleton = 0), store_id TEXT NOT NULL,"
                            + " partition_index INTEGER NOT NULL CHECK (partition_index >= 0), partition_count INTEGER"
                            + " NOT NULL CHECK (partition_index < partition_count), key_groups INTEGER NOT NULL CHECK"
                            + " (key_groups >= partition_count), discarded_before INTEGER NOT NULL DEFAULT 0,"
                            + " created_at TEXT NOT NULL) STRICT",
                    "CREATE TABLE executions (execution INTEGER PRIMARY KEY CHECK (execution >= 0), worker_count"
                            + " INTEGER NOT NULL CHECK (worker_count > 0), resume_epoch INTEGER NOT NULL CHECK"
                            + " (resume_epoch >= 0)) STRICT",
                    "CREATE TABLE progress (execution INTEGER NOT NULL, worker INTEGER NOT NULL, epoch INTEGER NOT"
                            + " NULL, PRIMARY KEY (execution, worker)) STRICT, WITHOUT ROWID",
                    "CREATE TABLE state (step TEXT NOT NULL, key_group INTEGER NOT NULL, key BLOB NOT NULL, epoch"
                            + " INTEGER NOT NULL, value BLOB, PRIMARY KEY (step, key_group, key, epoch)) STRICT,"
                            + " WITHOUT ROWID",
                    "CREATE TABLE positions (step TEXT NOT NULL, partition TEXT NOT NULL, epoch INTEGER NOT NULL,"
                            + " position BLOB NOT NULL, PRIMARY KEY (step, partition, epoch)) STRICT, WITHOUT ROWID",
                    "INSERT INTO store VALUES (0, '" + STORE_ID + "', " + index + ", 2, 4, 1, '2026-12-05T03:00:00Z')",
                    "INSERT INTO executions VALUES (0, 2, 0), (1, 1, 2)",
                    "INSERT INTO progress VALUES (0, 0, 3), (0, 1, 2), (1, 0, 4)",
                    "PRAGMA user_version = 1");
        }
        sql(dir.resolve("part-0.sqlite3"),
                "INSERT INTO state VALUES ('count', 1, CAST('a' AS BLOB), 1, CAST('1' AS BLOB)),"
                        + " ('count', 1, CAST('a' AS BLOB), 3, CAST('2' AS BLOB)),"
                        + " ('count', 0, CAST('b' AS BLOB), 2, NULL),"
                        + " ('count', 1, CAST('a' AS BLOB), 5, CAST('never completed' AS BLOB))");
        sql(dir.resolve("part-1.sqlite3"),
                "INSERT INTO state VALUES ('max', 3, CAST('c' AS BLOB), 4, CAST('9' AS BLOB))",
                "INSERT INTO positions VALUES ('lines', 'a.txt', 2, CAST('10' AS BLOB)),"
                        + " ('lines', 'a.txt', 4, CAST('20' AS BLOB))");

        try (RecoveryStore store = RecoveryStore.open(dir, 4)) {
            assertThat(store.layout().storeId()).hasToString(STORE_ID);
            assertThat(store.layout().partitions()).isEqualTo(2);
            assertThat(store.resumePoint()).isEqualTo(new ResumePoint(OptionalLong.of(1), 1, 4, List.of()));
            assertThat(state(store, 4)).isEqualTo(Map.of("count/1/a", "2", "max/3/c", "9"));
            assertThat(positions(store, 4)).isEqualTo(Map.of("lines/a.txt", "20"));
            assertThat(store.stepIds(4)).containsExactly("count", "lines", "max");
        }
    }
}
