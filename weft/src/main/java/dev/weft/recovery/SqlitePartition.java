package dev.weft.recovery;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One partition file and its connection. Every use is a transaction, and one at a time: a lock
 * serializes the threads that share the connection, while other partitions' files are written in
 * parallel.
 */
final class SqlitePartition implements AutoCloseable {

    /** Work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    final int index;
    final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private SqlitePartition(int index, Path file, Connection connection) {
        this.index = index;
        this.file = file;
        this.connection = connection;
    }

    /**
     * Connects to an existing file (never creating one). {@code synchronous=FULL}: in WAL mode each
     * commit fsyncs the WAL once, so a commit that returned survives a process crash and a power
     * loss alike; snapshots commit once per partition per snapshot interval, so the cost is a
     * handful of fsyncs a second. ({@code NORMAL} would survive a process crash too, but lose the
     * latest commits on power loss, unevenly across partitions.)
     */
    static SqlitePartition connect(int index, Path file, boolean create) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        // A snapshot of many keys updates B-tree pages all over the file: keep up to 32 MiB of them
        // per partition in memory rather than SQLite's default 2 MiB.
        config.setCacheSize(-32 * 1024);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new SqlitePartition(index, file, connection);
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T transaction(String what, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("recovery partition " + file + " is closed");
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new RecoveryStoreException("could not " + what + " in recovery partition " + file + ": "
                        + e.getMessage() + "; if the disk is full or the file unwritable, fix that and run again"
                        + " (the run resumes from the last snapshot written everywhere)", e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs a statement that must not be inside a transaction, such as a {@code PRAGMA journal_mode}. */
    void outsideTransaction(Work<Void> work) throws SQLException {
        lock.lock();
        try {
            connection.setAutoCommit(true);
            try {
                work.run(connection);
            } finally {
                connection.setAutoCommit(false);
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw new RecoveryStoreException("could not close recovery partition " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
