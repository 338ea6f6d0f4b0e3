package dev.weft.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The data files bundled with the examples, as paths that the file connectors can read.
 *
 * <p>Run from a class directory ({@code weft-examples/target/classes}), a bundled file is already a
 * file, and its path is returned as it is. Run from a jar, it is copied once to a temporary
 * directory that is deleted when the JVM exits.
 */
final class BundledFiles {

    /** Files already copied out of a jar, by name. */
    private static final Map<String, Path> COPIED = new HashMap<>();

    private BundledFiles() {
    }

    /**
     * The path of the bundled file {@code name} (such as {@code "river.txt"}).
     *
     * @throws IllegalArgumentException if there is no such file
     * @throws UncheckedIOException if it cannot be copied out of a jar
     */
    static Path path(String name) {
        URL url = BundledFiles.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no bundled file '" + name + "' beside " + BundledFiles.class.getName());
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("bundled file '" + name + "' has an unusable URL " + url, e);
            }
        }
        return copyOut(name, url);
    }

    private static synchronized Path copyOut(String name, URL url) {
        Path copied = COPIED.get(name);
        if (copied != null) {
            return copied;
        }
        try {
            Path dir = Files.createTempDirectory("weft-examples");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(name);
            try (InputStream in = url.openStream()) {
                Files.copy(in, file);
            }
            file.toFile().deleteOnExit();
            COPIED.put(name, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy bundled file '" + name + "' out of " + url, e);
        }
    }
}
