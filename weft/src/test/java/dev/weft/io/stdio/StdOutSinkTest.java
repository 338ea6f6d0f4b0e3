package dev.weft.io.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class StdOutSinkTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldPrintEveryItemOnAWholeLineOfItsOwn(int workers) {
        List<Integer> numbers = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            numbers.add(i);
            expected.add("item-" + i + "-" + "x".repeat(i % 50));
        }
        Dataflow flow = new Dataflow("print");
        flow.input("numbers", new TestingSource<Integer>(numbers, 10))
                .redistribute("spread")
                .map("format", i -> "item-" + i + "-" + "x".repeat(i % 50))
                .output("stdout", new StdOutSink<>());

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, false, StandardCharsets.UTF_8));
        try {
            Testing.run(flow, workers);
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith(System.lineSeparator());
        assertThat(text.split(System.lineSeparator())).containsExactlyInAnyOrderElementsOf(expected);
    }
}
