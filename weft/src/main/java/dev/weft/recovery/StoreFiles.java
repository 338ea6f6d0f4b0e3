package dev.weft.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names of the files in a recovery directory. */
final class StoreFiles {

    private static final Pattern PARTITION = Pattern.compile("part-(0|[1-9][0-9]{0,8})\\.sqlite3");

    private StoreFiles() {
    }

    /** The names of the partition files and their {@code -wal}/{@code -shm} companions, sorted; none if no directory. */
    static List<String> partitionFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        return list(directory).stream().filter(name -> name.startsWith("part-") && name.contains(".sqlite3")).toList();
    }

    /** Every name in the directory, sorted. */
    static List<String> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** The partition index a file name claims, if it is a partition file's name. */
    static OptionalInt indexOf(String name) {
        Matcher m = PARTITION.matcher(name);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Up to six names, for a message. */
    static String summary(List<String> names) {
        return names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 6)) + " and " + (names.size() - 6) + " more";
    }
}
