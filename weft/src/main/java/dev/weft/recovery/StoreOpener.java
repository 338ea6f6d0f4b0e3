package dev.weft.recovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opens the partition files of a store and checks that they belong together: refusing, with what
 * to do, a missing or empty directory, missing or extra partitions, partitions of different
 * stores, an unreadable file, or another key-group count than asked.
 */
final class StoreOpener {

    private static final String INIT_HINT = "create a store with 'weft recovery init DIR PARTITIONS'";

    private StoreOpener() {
    }

    /** The opened partitions, in index order, and the layout they agree on. */
    record Opened(StoreLayout layout, List<SqlitePartition> partitions) {
    }

    static Opened open(Path directory, int expectedKeyGroups) {
        if (!Files.exists(directory)) {
            throw new RecoveryStoreException("recovery directory " + directory + " does not exist; "
                    + INIT_HINT.replace("DIR", directory.toString()) + " first");
        }
        if (!Files.isDirectory(directory)) {
            throw new RecoveryStoreException("recovery directory " + directory + " is a file, not a directory; name"
                    + " the directory that 'weft recovery init' created");
        }
        List<String> names = StoreFiles.list(directory);
        TreeMap<Integer, String> files = new TreeMap<>();
        for (String name : names) {
            OptionalInt index = StoreFiles.indexOf(name);
            if (index.isPresent()) {
                files.put(index.getAsInt(), name);
            }
        }
        if (files.isEmpty()) {
            throw new RecoveryStoreException("recovery directory " + directory + " holds no recovery partitions"
                    + " (part-N.sqlite3)" + (names.isEmpty() ? ": it is empty" : "; it holds " + StoreFiles.summary(names))
                    + ". " + Character.toUpperCase(INIT_HINT.charAt(0))
                    + INIT_HINT.substring(1).replace("DIR", directory.toString())
                    + ", or name the directory that holds your store");
        }
        List<SqlitePartition> opened = new ArrayList<>();
        try {
            List<PartitionHeader> headers = new ArrayList<>();
            for (Map.Entry<Integer, String> file : files.entrySet()) {
                Path path = directory.resolve(file.getValue());
                SqlitePartition partition;
                try {
                    partition = SqlitePartition.connect(file.getKey(), path, false);
                } catch (SQLException e) {
                    throw PartitionHeader.unreadable(path.toString(), e);
                }
                opened.add(partition);
                headers.add(PartitionHeader.read(partition));
            }
            StoreLayout layout = checkTogether(directory, files, headers, expectedKeyGroups);
            return new Opened(layout, List.copyOf(opened));
        } catch (RuntimeException e) {
            for (SqlitePartition partition : opened) {
                try {
                    partition.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static StoreLayout checkTogether(Path directory, TreeMap<Integer, String> files,
            List<PartitionHeader> headers, int expectedKeyGroups) {
        List<String> names = List.copyOf(files.values());
        Map<UUID, List<String>> byStore = new TreeMap<>();
        for (int i = 0; i < headers.size(); i++) {
            byStore.computeIfAbsent(headers.get(i).storeId(), id -> new ArrayList<>()).add(names.get(i));
        }
        if (byStore.size() > 1) {
            throw new RecoveryStoreException("recovery directory " + directory + " mixes partitions of "
                    + byStore.size() + " different stores: " + byStore.entrySet().stream()
                            .map(e -> String.join(", ", e.getValue()) + " of store " + e.getKey())
                            .collect(Collectors.joining("; "))
                    + ". A partition was copied from another store: put back this store's own file (from a backup)");
        }
        PartitionHeader first = headers.get(0);
        int count = first.count();
        List<String> extra = files.tailMap(count).values().stream().toList();
        if (!extra.isEmpty()) {
            throw new RecoveryStoreException("recovery store " + directory + " has " + count + " partitions (part-0"
                    + " to part-" + (count - 1) + ") but also holds " + StoreFiles.summary(extra) + ", which does not"
                    + " belong to it. Move " + (extra.size() == 1 ? "it" : "them") + " out of the directory");
        }
        List<Integer> indices = List.copyOf(files.keySet());
        for (int i = 0; i < headers.size(); i++) {
            PartitionHeader header = headers.get(i);
            if (header.index() != indices.get(i)) {
                throw new RecoveryStoreException("recovery partition " + directory.resolve(names.get(i))
                        + " holds partition " + header.index() + " of the store, not the one its name says: it was"
                        + " renamed. Give it back its name, " + StoreLayout.fileName(header.index()));
            }
            if (header.count() != first.count() || header.keyGroups() != first.keyGroups()) {
                throw new RecoveryStoreException("recovery partitions " + names.get(0) + " and " + names.get(i) + " in "
                        + directory + " disagree on the store's shape (" + first.count() + " vs " + header.count()
                        + " partitions, " + first.keyGroups() + " vs " + header.keyGroups() + " key groups): one was"
                        + " modified outside Weft. Restore the store from a backup");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!files.containsKey(i)) {
                missing.add(StoreLayout.fileName(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new RecoveryStoreException("recovery store " + directory + " has " + count + " partitions but "
                    + StoreFiles.summary(missing) + (missing.size() == 1 ? " is" : " are") + " missing. Restore "
                    + (missing.size() == 1 ? "it" : "them") + " from a backup; Weft does not start over while"
                    + " recovery data exists (delete the whole store only to start from scratch)");
        }
        if (expectedKeyGroups > 0 && first.keyGroups() != expectedKeyGroups) {
            throw new RecoveryStoreException("recovery store " + directory + " was made with " + first.keyGroups()
                    + " key groups, but this run uses " + expectedKeyGroups + ". The key-group count is fixed for"
                    + " the life of a store: run with " + first.keyGroups() + " key groups, or create a new store");
        }
        return new StoreLayout(directory, first.storeId(), count, first.keyGroups(), RecoveryStore.FORMAT_VERSION);
    }
}
