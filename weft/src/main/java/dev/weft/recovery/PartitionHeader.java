package dev.weft.recovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * What a partition file says about itself, read and checked when a store opens.
 *
 * @param storeId the store it belongs to
 * @param index its index in that store
 * @param count the store's partition count
 * @param keyGroups the store's key-group count
 * @param discardedBefore the epoch before which superseded snapshots were discarded
 */
record PartitionHeader(UUID storeId, int index, int count, int keyGroups, long discardedBefore) {

    /**
     * Reads the header of {@code partition}, checking that it is a readable, undamaged Weft
     * partition of a format this version reads.
     *
     * @throws RecoveryStoreException if it is not
     */
    static PartitionHeader read(SqlitePartition partition) {
        String where = "recovery partition " + partition.file;
        try {
            return partition.transaction("read the header", connection -> {
                try (Statement statement = connection.createStatement()) {
                    int applicationId = intPragma(statement, "application_id");
                    int format = intPragma(statement, "user_version");
                    if (applicationId != Schema.APPLICATION_ID || format == 0) {
                        throw new RecoveryStoreException(where + " is not a Weft recovery partition: it is a SQLite"
                                + " database with application_id " + applicationId + " and user_version " + format
                                + " (expected " + Schema.APPLICATION_ID + " and a format version). Move it out of"
                                + " the recovery directory, or restore the partition from a backup");
                    }
                    if (format > RecoveryStore.FORMAT_VERSION) {
                        throw new RecoveryStoreException(where + " is in format " + format + ", written by a newer"
                                + " Weft; this Weft reads formats up to " + RecoveryStore.FORMAT_VERSION
                                + ". Run the newer Weft that wrote it (a store is never converted back)");
                    }
                    String check = stringPragma(statement, "quick_check");
                    if (!"ok".equals(check)) {
                        throw new RecoveryStoreException(where + " is damaged: SQLite's quick_check says \"" + check
                                + "\". Restore this partition from a backup (all partitions from the same backup"
                                + " if the others are newer than the backup interval allows)");
                    }
                    String journal = stringPragma(statement, "journal_mode");
                    if (!"wal".equalsIgnoreCase(journal)) {
                        throw new RecoveryStoreException(where + " is in journal mode " + journal + ", expected wal:"
                                + " it was changed outside Weft. Run 'PRAGMA journal_mode = WAL' on it with the"
                                + " sqlite3 shell, or restore it from a backup");
                    }
                    try (ResultSet row = statement.executeQuery(Schema.READ_STORE)) {
                        if (!row.next()) {
                            throw new RecoveryStoreException(where + " has no store row: its creation did not"
                                    + " complete. Restore it from a backup, or delete the store and create it again");
                        }
                        return new PartitionHeader(UUID.fromString(row.getString(1)), row.getInt(2), row.getInt(3),
                                row.getInt(4), row.getLong(5));
                    }
                }
            });
        } catch (RecoveryStoreException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw unreadable(partition, sql);
            }
            throw e;
        }
    }

    static RecoveryStoreException unreadable(SqlitePartition partition, SQLException e) {
        return unreadable(partition.file.toString(), e);
    }

    static RecoveryStoreException unreadable(String file, SQLException e) {
        return new RecoveryStoreException("recovery partition " + file + " cannot be read: " + e.getMessage()
                + ". It is not a SQLite database, or is truncated or damaged. Restore it from a backup; Weft does"
                + " not start over while recovery data exists (delete the whole store only to start from scratch)",
                e);
    }

    private static int intPragma(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static String stringPragma(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            StringBuilder text = new StringBuilder();
            while (result.next()) {
                text.append(text.isEmpty() ? "" : "; ").append(result.getString(1));
            }
            return text.toString();
        }
    }
}
