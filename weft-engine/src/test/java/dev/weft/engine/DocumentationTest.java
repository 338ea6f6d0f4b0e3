package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every module's public surface is documented: every package has a {@code package-info.java}, and
 * every public top-level type has a Javadoc comment (javac's doclint checks what the comments say).
 */
class DocumentationTest {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (final |abstract |sealed |non-sealed )*(class|interface|record|enum|@interface) .*");

    @Test
    void shouldDocumentEveryPackageAndEveryPublicType() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root).filter(p -> p.toString().contains("/src/main/java/"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path packageInfo = file.getParent().resolve("package-info.java");
                if (!Files.exists(packageInfo) && !missing.contains(packageInfo.toString())) {
                    missing.add(packageInfo.toString());
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (PUBLIC_TYPE.matcher(lines.get(i)).matches() && !javadocAbove(lines, i)) {
                        missing.add(file + ": " + lines.get(i));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Whether a Javadoc comment ends above the declaration, with only annotations in between. */
    private static boolean javadocAbove(List<String> lines, int declaration) {
        for (int i = declaration - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.endsWith("*/")) {
                return true;
            }
            if (line.endsWith(";") || line.endsWith("}") || line.endsWith("{") || line.startsWith("import ")) {
                return false;
            }
        }
        return false;
    }
}
