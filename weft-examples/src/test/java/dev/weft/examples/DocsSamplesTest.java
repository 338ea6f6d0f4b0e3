package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample in {@code docs/} and in the README is preceded by {@code <!-- sample: path -->}
 * naming the test or example it is copied from, and must still appear there (ignoring indentation),
 * so samples are compiled and run by the build.
 */
class DocsSamplesTest {

    private static final Pattern SAMPLE = Pattern.compile("<!-- sample: (\\S+) -->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void shouldFindEveryDocumentedSampleInTheSourceItIsTakenFrom() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        int samples = 0;
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            pages.addAll(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        for (Path page : pages) {
            String text = Files.readString(page);
            long javaBlocks = Pattern.compile("```java").matcher(text).results().count();
            Matcher m = SAMPLE.matcher(text);
            long tagged = 0;
            while (m.find()) {
                tagged++;
                samples++;
                Path source = root.resolve(m.group(1));
                if (!Files.exists(source)) {
                    problems.add(page.getFileName() + ": no file " + m.group(1));
                } else if (!normalize(Files.readString(source)).contains(normalize(m.group(2)))) {
                    problems.add(page.getFileName() + ": sample not found in " + m.group(1) + ":\n" + m.group(2));
                }
            }
            if (tagged != javaBlocks) {
                problems.add(page.getFileName() + ": " + (javaBlocks - tagged) + " java sample(s) without a source tag");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(samples).isPositive();
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + "\n" + b);
    }
}
