package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The first dataflow and its test, as {@code docs/getting-started.md} shows them. */
@Timeout(60)
class GettingStartedTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldCountWords(int workers) {
        Dataflow flow = new Dataflow("word_count");
        TestingSink<KeyValue<String, Long>> counts = new TestingSink<>();
        flow.input("lines", new TestingSource<String>(List.of("to be", "or not to be")))
                .flatMap("split", line -> List.of(line.split(" ")))
                .countFinal("count", word -> word)
                .output("out", counts);

        Testing.run(flow, workers);

        assertThat(counts.items()).containsExactlyInAnyOrder(
                KeyValue.of("to", 2L), KeyValue.of("be", 2L), KeyValue.of("or", 1L), KeyValue.of("not", 1L));
    }
}
