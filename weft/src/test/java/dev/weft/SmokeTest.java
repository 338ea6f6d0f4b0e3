package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class SmokeTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldCountWords(int workers) {
        Dataflow flow = new Dataflow("wc");
        TestingSink<KeyValue<String, Long>> sink = new TestingSink<>();
        flow.input("lines", new TestingSource<String>(List.of("a b", "b c", "c c")))
                .flatMap("split", line -> List.of(line.split(" ")))
                .countFinal("count", w -> w)
                .output("out", sink);
        Testing.run(flow, workers);
        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("a", 1L), KeyValue.of("b", 2L), KeyValue.of("c", 3L));
    }
}
