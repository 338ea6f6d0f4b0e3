package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.KeyedStream;
import dev.weft.Stream;
import dev.weft.io.DynamicSink;
import dev.weft.io.DynamicSource;
import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import dev.weft.io.StatelessSinkPartition;
import dev.weft.io.StatelessSourcePartition;
import dev.weft.io.batching.AsyncSink;
import dev.weft.io.batching.BatchingSink;
import dev.weft.io.batching.QueueSource;
import dev.weft.io.demo.Metric;
import dev.weft.io.demo.RandomMetricSource;
import dev.weft.io.file.CsvSource;
import dev.weft.io.file.DirSink;
import dev.weft.io.file.DirSource;
import dev.weft.io.file.FileSink;
import dev.weft.io.file.FileSource;
import dev.weft.io.poll.PollingSource;
import dev.weft.io.stdio.StdInSource;
import dev.weft.io.stdio.StdOutSink;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The samples of {@code docs/connectors.md}, one test per connector (and per way of writing one),
 * each run on one and on three workers with its exact output asserted.
 */
@ParameterizedClass(name = "{0} worker(s)")
@ValueSource(ints = {1, 3})
@Timeout(60)
class ConnectorSamplesTest {

    @Parameter
    int workers;

    @TempDir
    Path dir;

    Dataflow flow;

    @BeforeEach
    void newFlow() {
        flow = new Dataflow("flow");
    }

    private <T> List<T> run(Stream<T> stream) {
        TestingSink<T> sink = new TestingSink<>();
        stream.output("out", sink);
        Testing.run(stream.flow(), workers);
        return sink.items();
    }

    private static List<String> linesOfEveryFile(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    // ---------------------------------------------------------------- files

    @Test
    void fileSourceAndFileSink() throws IOException {
        Path input = dir.resolve("in.txt");
        Path output = dir.resolve("out.txt");
        Files.writeString(input, "one\ntwo\n");
        flow.input("lines", new FileSource(input))
                .map("upper", String::toUpperCase)
                .keyOn("one_file", line -> "all")
                .output("write", new FileSink<>(output));
        Testing.run(flow, workers);
        assertThat(Files.readAllLines(output)).containsExactly("ONE", "TWO");
    }

    @Test
    void dirSourceAndDirSink() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("a.log"), "GET /\nGET /about\n");
        Files.writeString(logs.resolve("b.log"), "GET /\n");
        Path counts = dir.resolve("counts");
        flow.input("logs", new DirSource(logs, "*.log"))
                .countFinal("per_path", line -> line.split(" ")[1])
                .mapValue("format", n -> "seen " + n + " times")
                .output("write", new DirSink<>(counts, 2));
        Testing.run(flow, workers);
        assertThat(linesOfEveryFile(counts)).containsExactlyInAnyOrder("seen 2 times", "seen 1 times");
    }

    @Test
    void csvSource() throws IOException {
        Path orders = dir.resolve("orders.csv");
        Files.writeString(orders, "id,amount\n1,2.50\n2,\"1,000.00\"\n");
        Stream<String> amounts = flow.input("orders", new CsvSource(orders))
                .map("amount", row -> row.get("id") + " costs " + row.get("amount"));
        assertThat(run(amounts)).containsExactly("1 costs 2.50", "2 costs 1,000.00");
    }

    // ---------------------------------------------------------------- standard input and output

    @Test
    void stdInSourceAndStdOutSink() {
        InputStream originalIn = System.in;
        System.setIn(new ByteArrayInputStream("b\na\nb\n".getBytes(StandardCharsets.UTF_8)));
        String printed;
        try {
            printed = WordCountTest.printed(() -> {
                flow.input("stdin", new StdInSource())
                        .redistribute("spread")
                        .countFinal("count", line -> line)
                        .asStream()
                        .map("format", kv -> kv.key() + " " + kv.value())
                        .output("print", new StdOutSink<>());
                Testing.run(flow, workers);
            });
        } finally {
            System.setIn(originalIn);
        }
        assertThat(printed.lines()).containsExactlyInAnyOrder("a 1", "b 2");
    }

    // ---------------------------------------------------------------- polling, batching, queues

    /** A fake API: has new prices twice, then nothing more. */
    static final class PriceApi {
        private final AtomicInteger calls = new AtomicInteger();

        List<String> newPrices() {
            int call = calls.incrementAndGet();
            if (call > 2) {
                throw new PollingSource.EndOfInput();
            }
            return List.of("ACME " + (10 + call));
        }
    }

    @Test
    void pollingSource() {
        PriceApi api = new PriceApi();
        Stream<String> prices = flow.input("prices", new PollingSource<>(Duration.ofMillis(10), api::newPrices));
        assertThat(run(prices)).containsExactly("ACME 11", "ACME 12");
    }

    @Test
    void batchingSink() {
        List<List<String>> inserts = Collections.synchronizedList(new ArrayList<>());
        flow.input("rows", new TestingSource<String>(List.of("r1", "r2", "r3", "r4", "r5"), 5))
                .output("insert", BatchingSink.calling(2, Duration.ofSeconds(1), batch -> inserts.add(batch)));
        Testing.run(flow, workers);
        assertThat(inserts).containsExactly(List.of("r1", "r2"), List.of("r3", "r4"), List.of("r5"));
    }

    @Test
    void asyncSink() {
        List<String> stored = Collections.synchronizedList(new ArrayList<>());
        flow.input("events", new TestingSource<String>(List.of("e1", "e2", "e3")))
                .output("send", new AsyncSink<String>(4, Duration.ofSeconds(30),
                        batch -> CompletableFuture.runAsync(() -> stored.addAll(batch))));
        Testing.run(flow, workers);
        assertThat(stored).containsExactlyInAnyOrder("e1", "e2", "e3");
    }

    @Test
    void queueSource() {
        QueueSource<String> messages = new QueueSource<>(100, 10, Duration.ofMillis(10), (worker, workers, feed) -> {
            if (worker != 0) {
                feed.end(); // one reader is enough
                return () -> { };
            }
            Thread client = new Thread(() -> {
                try {
                    for (String message : List.of("m1", "m2", "m3")) {
                        feed.put(message);
                    }
                    feed.end();
                } catch (InterruptedException e) {
                    feed.fail(e);
                }
            });
            client.start();
            return client::interrupt;
        });
        Stream<String> received = flow.input("messages", messages);
        assertThat(run(received)).containsExactly("m1", "m2", "m3");
    }

    // ---------------------------------------------------------------- demo and testing

    @Test
    void randomMetricSource() {
        Stream<String> names = flow.input("metrics", new RandomMetricSource(List.of("cpu", "mem"), 1000, 3, 42))
                .filter("in_range", metric -> metric.value() >= 0 && metric.value() < 100)
                .map("name", Metric::name);
        assertThat(run(names)).containsExactlyInAnyOrder("cpu", "cpu", "cpu", "mem", "mem", "mem");
    }

    @Test
    void testingSourceWithEndOfInput() {
        TestingSource<Integer> upToEof = TestingSource.<Integer>builder().items(1, 2).eof().items(3).build();
        Stream<Integer> numbers = flow.input("numbers", upToEof);
        assertThat(run(numbers)).containsExactly(1, 2);
    }

    // ---------------------------------------------------------------- writing your own

    /** Two partitions, "a" and "b", each counting 0, 1, 2; a partition resumes from its next number. */
    static final class Counting implements PartitionedSource<String, Integer> {
        @Override
        public List<String> listPartitions() {
            return List.of("a", "b");
        }

        @Override
        public SourcePartition<String, Integer> buildPartition(String partition, Integer resumeState) {
            return new SourcePartition<>() {
                private int next = resumeState == null ? 0 : resumeState;

                @Override
                public List<String> nextBatch() {
                    return next < 3 ? List.of(partition + next++) : null;
                }

                @Override
                public Integer snapshot() {
                    return next;
                }
            };
        }
    }

    @Test
    void customPartitionedSource() {
        Stream<String> counted = flow.input("counting", new Counting());
        assertThat(run(counted)).containsExactlyInAnyOrder("a0", "a1", "a2", "b0", "b1", "b2");
    }

    @Test
    void customDynamicSourceAndSink() {
        DynamicSource<String> greetings = (worker, workers) -> new StatelessSourcePartition<>() {
            private boolean done;

            @Override
            public List<String> nextBatch() {
                if (done) {
                    return null;
                }
                done = true;
                return List.of("hello from worker " + worker);
            }
        };
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        DynamicSink<String> buffered = (worker, workers) -> new StatelessSinkPartition<>() {
            private final List<String> buffer = new ArrayList<>(); // this worker's only: no locking

            @Override
            public void writeBatch(List<String> items) {
                buffer.addAll(items);
            }

            @Override
            public void close() {
                written.addAll(buffer);
            }
        };
        flow.input("greetings", greetings).output("write", buffered);
        Testing.run(flow, workers);
        List<String> expected = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            expected.add("hello from worker " + worker);
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void keyedOutputToAFile() throws IOException {
        Path report = dir.resolve("report.txt");
        KeyedStream<String, Long> counts = flow.input("words", new TestingSource<String>(List.of("a", "b", "a")))
                .countFinal("count", word -> word);
        counts.mapValue("format", n -> "count " + n).output("write", new FileSink<>(report));
        Testing.run(flow, workers);
        assertThat(Files.readAllLines(report)).containsExactlyInAnyOrder("count 2", "count 1");
    }
}
