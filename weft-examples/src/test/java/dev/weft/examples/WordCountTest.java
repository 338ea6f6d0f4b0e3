package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class WordCountTest {

    @TempDir
    Path dir;

    /** The word counts of {@code text} as WordCount prints them, counted by a plain loop. */
    private static List<String> countedSequentially(String text) {
        Map<String, Long> counts = text.lines()
                .flatMap(line -> Arrays.stream(line.toLowerCase(Locale.ROOT).split("[^a-z]+")))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldCountEveryWordOfTheBundledText(int workers) throws IOException {
        TestingSink<String> out = new TestingSink<>();

        Testing.run(WordCount.build(WordCount.bundledText(), out), workers);

        assertThat(out.items())
                .containsExactlyInAnyOrderElementsOf(countedSequentially(Files.readString(WordCount.bundledText())))
                .contains("the 68", "river 12", "water 10")
                .hasSize(192);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldPrintTheCountsOfTheFileItIsGiven(int workers) throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "To be, or not to be:\nthat is the question.\n");

        String printed = printed(() -> Testing.run(WordCount.flow(notes.toString()), workers));

        assertThat(printed.lines()).containsExactlyInAnyOrder(
                "to 2", "be 2", "or 1", "not 1", "that 1", "is 1", "the 1", "question 1");
    }

    @Test
    void shouldRefuseMoreThanOneFile() {
        assertThatThrownBy(() -> WordCount.flow("a.txt", "b.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most one argument");
    }

    /** What {@code body} prints on standard output. */
    static String printed(Runnable body) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
