package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.cli.DataflowFactory;
import dev.weft.io.stdio.StdOutSink;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSource;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The samples of {@code docs/cli.md}: a dataflow factory that {@code weft run} can name. */
@Timeout(60)
class CliSamplesTest {

    /** Prints its arguments upper-cased: {@code weft run dev.weft.examples.CliSamplesTest$Shout hello world}. */
    public static final class Shout implements DataflowFactory {
        @Override
        public Dataflow build(List<String> args) {
            Dataflow flow = new Dataflow("shout");
            flow.input("words", new TestingSource<String>(args))
                    .map("upper", String::toUpperCase)
                    .output("print", new StdOutSink<>());
            return flow;
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldBuildTheDataflowFromTheArguments(int workers) {
        Dataflow flow = new Shout().build(List.of("hello", "world"));

        String printed = WordCountTest.printed(() -> Testing.run(flow, workers));

        assertThat(printed.lines()).containsExactly("HELLO", "WORLD");
    }
}
