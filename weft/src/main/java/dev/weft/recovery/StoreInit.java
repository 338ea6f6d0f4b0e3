package dev.weft.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates the partition files of a new store. */
final class StoreInit {

    private StoreInit() {
    }

    static StoreLayout init(Path directory, int partitions, int keyGroups) {
        StoreLayout.checkShape(partitions, keyGroups);
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new RecoveryStoreException("cannot create a recovery store in " + directory
                    + ": it is a file, not a directory; name a directory (it is created if missing)");
        }
        List<String> existing = StoreFiles.partitionFiles(directory);
        if (!existing.isEmpty()) {
            throw new RecoveryStoreException("cannot create a recovery store in " + directory
                    + ": it already holds recovery partition files (" + StoreFiles.summary(existing)
                    + "); a store is created once and then reused by every run. To start over, delete those"
                    + " files (their state is lost); to keep them, use another directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new RecoveryStoreException("cannot create the recovery directory " + directory + ": " + e, e);
        }
        StoreLayout layout = new StoreLayout(directory, UUID.randomUUID(), partitions, keyGroups,
                RecoveryStore.FORMAT_VERSION);
        String createdAt = Instant.now().toString();
        for (int i = 0; i < partitions; i++) {
            Path file = layout.file(i);
            try (SqlitePartition partition = SqlitePartition.connect(i, file, true)) {
                create(partition, layout, createdAt);
            } catch (SQLException e) {
                throw new RecoveryStoreException("cannot create recovery partition " + file + ": " + e.getMessage()
                        + "; delete the partition files created so far and run 'weft recovery init' again", e);
            }
        }
        return layout;
    }

    private static void create(SqlitePartition partition, StoreLayout layout, String createdAt) throws SQLException {
        partition.outsideTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
            }
            return null;
        });
        partition.transaction("create the tables", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                for (String table : Schema.TABLES) {
                    statement.execute(table);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(Schema.INSERT_STORE)) {
                insert.setString(1, layout.storeId().toString());
                insert.setInt(2, partition.index);
                insert.setInt(3, layout.partitions());
                insert.setInt(4, layout.keyGroups());
                insert.setString(5, createdAt);
                insert.executeUpdate();
            }
            // Last, in the same transaction: a file whose creation did not complete has no format.
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA user_version = " + layout.formatVersion());
            }
            return null;
        });
    }
}
