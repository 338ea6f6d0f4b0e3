package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class EngineWordCountTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldCountEveryWordOfTheBundledTextLikeASequentialCount(int workers) {
        List<String> lines = EngineWordCount.bundledText();
        Map<String, Long> expected = lines.stream()
                .flatMap(line -> Arrays.stream(line.toLowerCase(Locale.ROOT).split("[^a-z]+")))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(EngineWordCount.count(lines, workers)).isEqualTo(expected);
    }
}
