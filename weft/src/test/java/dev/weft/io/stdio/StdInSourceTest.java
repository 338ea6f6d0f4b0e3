package dev.weft.io.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.io.StatelessSourcePartition;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class StdInSourceTest {

    @Test
    void shouldEndAtOnceOnEveryWorkerButTheFirst() throws Exception {
        StatelessSourcePartition<String> reader = new StdInSource().build(1, 3);
        assertThat(reader.nextBatch()).isNull();
        reader.close();
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldEmitEveryLineOfStandardInputOnceInOrder(int workers) {
        StringBuilder input = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            input.append("línea ").append(i).append(i % 3 == 0 ? "\r\n" : "\n");
            expected.add("línea " + i);
        }
        Dataflow flow = new Dataflow("stdin");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("read", new StdInSource(100)).output("out", sink);

        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)));
        try {
            Testing.run(flow, workers);
        } finally {
            System.setIn(original);
        }
        assertThat(sink.items()).isEqualTo(expected);
    }
}
