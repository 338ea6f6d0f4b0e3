package dev.weft.recovery;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Helpers for tests of recovery stores on real files. */
final class Stores {

    private Stores() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    /** The state as of {@code epoch}, as {@code "step/group/key" -> value}. */
    static Map<String, String> state(RecoveryStore store, long epoch) {
        Map<String, String> state = new TreeMap<>();
        store.readState(epoch, (step, group, key, value) -> {
            String previous = state.put(step + "/" + group + "/" + text(key), text(value));
            if (previous != null) {
                throw new AssertionError("key read twice: " + step + "/" + group + "/" + text(key));
            }
        });
        return state;
    }

    /** The positions as of {@code epoch}, as {@code "step/partition" -> position}. */
    static Map<String, String> positions(RecoveryStore store, long epoch) {
        Map<String, String> positions = new TreeMap<>();
        for (SourcePosition position : store.readPositions(epoch)) {
            positions.put(position.stepId() + "/" + position.partition(), text(position.position()));
        }
        return positions;
    }

    /** Writes one key's state in its own snapshot. */
    static void put(RecoveryStore store, long epoch, String step, int group, String key, String value) {
        SnapshotWriter snapshot = store.snapshot(epoch);
        snapshot.putState(step, group, bytes(key), bytes(value));
        snapshot.commit();
    }

    /** Runs SQL on a partition file directly, as a user with the sqlite3 shell would. */
    static void sql(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
