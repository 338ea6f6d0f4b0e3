package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.KeyedStream;
import dev.weft.StateUpdate;
import dev.weft.Stream;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every code sample in the Javadoc of Weft's public API ({@code dev.weft}, {@code dev.weft.testing},
 * {@code dev.weft.io} and below, {@code dev.weft.codec}) appears, line by line, in a test, where
 * it is compiled and run: Java 17 has no compiled snippets, so the tests are the truth. The samples
 * that no other test holds are run here.
 */
@Timeout(60)
class JavadocSamplesTest {

    private static final Pattern SAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)}</pre>", Pattern.DOTALL);
    private static final List<String> API = List.of("weft/src/main/java/dev/weft",
            "weft-engine/src/main/java/dev/weft/codec");
    private static final List<String> INTERNAL = List.of("/cli/", "/visualize/", "/core/", "/runtime/");

    private final Path root = Path.of("..").toAbsolutePath().normalize();

    @Test
    void shouldFindEveryJavadocSampleOfThePublicApiInATest() throws IOException {
        StringBuilder tests = new StringBuilder();
        for (String module : List.of("weft", "weft-engine", "weft-examples")) {
            for (Path file : javaFiles(root.resolve(module).resolve("src/test/java"))) {
                tests.append(normalize(Files.readString(file))).append('\n');
            }
        }
        List<String> missing = new ArrayList<>();
        int samples = 0;
        for (String dir : API) {
            for (Path file : javaFiles(root.resolve(dir))) {
                String path = root.relativize(file).toString();
                if (INTERNAL.stream().anyMatch(path::contains)) {
                    continue;
                }
                Matcher m = SAMPLE.matcher(Files.readString(file));
                while (m.find()) {
                    samples++;
                    String code = m.group(1).lines()
                            .map(line -> line.replaceFirst("^\\s*\\* ?", ""))
                            .reduce("", (a, b) -> a + b + "\n")
                            .replace("&#64;", "@");
                    if (!tests.toString().contains(normalize(code))) {
                        missing.add(path + ":\n" + code);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(samples).isGreaterThan(10);
    }

    @Test
    void dataflow() {
        TestingSink<Integer> sink = new TestingSink<>();
        Dataflow flow = new Dataflow("doubler");
        flow.input("numbers", TestingSource.of(1, 2, 3))
            .map("double", x -> x * 2)
            .output("out", sink);
        Testing.runMain(flow);
        assertThat(sink.items()).containsExactly(2, 4, 6);
    }

    @Test
    void testingSourceBuilder() {
        TestingSource<Integer> crashing = TestingSource.<Integer>builder()
                .items(1, 2)
                .abort()
                .items(3)
                .build();
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", crashing).output("out", sink);
        Testing.runMain(flow);
        assertThat(sink.items()).containsExactly(1, 2);
    }

    /** A player's score, parsed from {@code "name:points"}. */
    record Score(String player, int points) {
        static KeyValue<String, Integer> parse(String line) {
            String[] parts = line.split(":");
            return KeyValue.of(parts[0], Integer.parseInt(parts[1]));
        }
    }

    @Test
    void keyedStreamOf() {
        Dataflow flow = new Dataflow("flow");
        Stream<String> lines = flow.input("lines", TestingSource.of("ann:3", "bob:1", "ann:4"));
        KeyedStream<String, Integer> scores = KeyedStream.of(lines.map("parse", Score::parse));
        TestingSink<KeyValue<String, Integer>> sink = new TestingSink<>();
        scores.reduceFinal("best", Math::max).output("out", sink);
        Testing.run(flow, 3);
        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("ann", 4), KeyValue.of("bob", 1));
    }

    @Test
    void statefulMapWithInitialState() {
        Dataflow flow = new Dataflow("flow");
        KeyedStream<String, Long> amounts = flow.input("amounts", TestingSource.of(5L, 7L))
                .keyOn("all", amount -> "total");
        KeyedStream<String, Long> totals = amounts.statefulMap("total", () -> 0L,
                (total, amount) -> StateUpdate.of(total + amount, total + amount));
        TestingSink<KeyValue<String, Long>> sink = new TestingSink<>();
        totals.output("out", sink);
        Testing.runMain(flow);
        assertThat(sink.items()).containsExactly(KeyValue.of("total", 5L), KeyValue.of("total", 12L));
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + "\n" + b);
    }
}
