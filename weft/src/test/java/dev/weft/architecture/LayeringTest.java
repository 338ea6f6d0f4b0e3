package dev.weft.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The user API stays above the engine: only {@code dev.weft.core} (the core operators) and
 * {@code dev.weft.runtime} (running dataflows) may import {@code dev.weft.engine}; operators, IO,
 * testing, the CLI and visualization see only the public API.
 */
class LayeringTest {

    @Test
    void shouldImportTheEngineOnlyFromCoreAndRuntime() throws IOException {
        Path sources = Path.of("src/main/java/dev/weft");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(sources.resolve("core")) && !p.startsWith(sources.resolve("runtime")))
                    .filter(LayeringTest::importsEngine)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean importsEngine(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import dev.weft.engine"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
