package dev.weft.recovery;

import dev.weft.codec.StableHash;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * The shape of a recovery store, fixed when it is created: where it is, its identity, how many
 * partition files it has and how many key groups state is divided into.
 *
 * <p>Which partition holds a row is a pure function of this shape, so it never depends on the
 * number of workers: the state of key group {@code g} lives in partition
 * {@link #partitionOfKeyGroup(int) g * partitions / keyGroups} (contiguous ranges of key groups,
 * like the routing of key groups to workers), and the position of a source or sink partition
 * named {@code name} lives in partition {@link #partitionOfPosition(String)
 * unsignedRemainder(StableHash.hash(name), partitions)}.
 *
 * @param directory the recovery directory
 * @param storeId a random id shared by every partition of the store, to tell stores apart
 * @param partitions the number of partition files, {@code part-0.sqlite3} and up
 * @param keyGroups the number of key groups, fixed for the life of the store
 * @param formatVersion the format the store's files are written in
 */
public record StoreLayout(Path directory, UUID storeId, int partitions, int keyGroups, int formatVersion) {

    /** The default number of key groups: as the runtime's default routing table. */
    public static final int DEFAULT_KEY_GROUPS = 256;

    /** The most key groups a store can have. */
    public static final int MAX_KEY_GROUPS = 1 << 15;

    /**
     * Checks the shape.
     *
     * @throws IllegalArgumentException if there is not at least one partition, or there are more
     *     partitions than key groups, or more key groups than {@link #MAX_KEY_GROUPS}
     */
    public StoreLayout {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(storeId, "storeId");
        checkShape(partitions, keyGroups);
    }

    static void checkShape(int partitions, int keyGroups) {
        if (keyGroups < 1 || keyGroups > MAX_KEY_GROUPS) {
            throw new IllegalArgumentException("a recovery store needs 1 to " + MAX_KEY_GROUPS
                    + " key groups; got " + keyGroups);
        }
        if (partitions < 1 || partitions > keyGroups) {
            throw new IllegalArgumentException("a recovery store needs 1 to " + keyGroups
                    + " partitions (at most one per key group); got " + partitions);
        }
    }

    /**
     * The partition that holds the state of key group {@code keyGroup}.
     *
     * @throws IllegalArgumentException if {@code keyGroup} is not in {@code [0, keyGroups)}
     */
    public int partitionOfKeyGroup(int keyGroup) {
        if (keyGroup < 0 || keyGroup >= keyGroups) {
            throw new IllegalArgumentException("key group " + keyGroup + " is not in [0, " + keyGroups
                    + ") of recovery store " + directory);
        }
        return (int) ((long) keyGroup * partitions / keyGroups);
    }

    /** The partition that holds the positions of the source or sink partition named {@code name}. */
    public int partitionOfPosition(String name) {
        return (int) Long.remainderUnsigned(StableHash.hash(name), partitions);
    }

    /** The file of partition {@code index}: {@code part-<index>.sqlite3} in the directory. */
    public Path file(int index) {
        return directory.resolve(fileName(index));
    }

    static String fileName(int index) {
        return "part-" + index + ".sqlite3";
    }
}
