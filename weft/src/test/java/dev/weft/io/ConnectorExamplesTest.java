package dev.weft.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.KeyedStream;
import dev.weft.Stream;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code samples of the connectors' Javadoc, compiled and run here: each sample sits between
 * {@code // sample} and {@code // end} exactly as it appears in the Javadoc.
 */
@Timeout(60)
class ConnectorExamplesTest {

    @TempDir
    Path dir;

    private KeyedStream<String, Long> counts(Dataflow flow) {
        return flow.input("words", new TestingSource<String>(List.of("a", "b", "a")))
                .countFinal("count", word -> word);
    }

    @Test
    void fileSource() throws IOException {
        Path logFile = dir.resolve("access.log");
        Files.writeString(logFile, "GET /\nGET /about\n");
        Dataflow flow = new Dataflow("example");
        // sample
        Stream<String> lines = flow.input("lines", new FileSource(logFile));
        // end
        TestingSink<String> sink = new TestingSink<>();
        lines.output("out", sink);
        Testing.runMain(flow);
        assertThat(sink.items()).containsExactly("GET /", "GET /about");
    }

    @Test
    void dirSource() throws IOException {
        Path logDir = dir.resolve("logs");
        Files.createDirectories(logDir);
        Files.writeString(logDir.resolve("a.log"), "a\n");
        Files.writeString(logDir.resolve("b.log"), "b\n");
        Files.writeString(logDir.resolve("c.txt"), "c\n");
        Dataflow flow = new Dataflow("example");
        // sample
        Stream<String> lines = flow.input("logs", new DirSource(logDir, "*.log"));
        // end
        TestingSink<String> sink = new TestingSink<>();
        lines.output("out", sink);
        Testing.run(flow, 2);
        assertThat(sink.items()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void csvSource() throws IOException {
        Path ordersCsv = dir.resolve("orders.csv");
        Files.writeString(ordersCsv, "id,amount\n1,2.5\n2,\"4.0\"\n");
        Dataflow flow = new Dataflow("example");
        // sample
        Stream<Double> amounts = flow.input("orders", new CsvSource(ordersCsv))
                .map("amount", row -> Double.parseDouble(row.get("amount")));
        // end
        TestingSink<Double> sink = new TestingSink<>();
        amounts.output("out", sink);
        Testing.runMain(flow);
        assertThat(sink.items()).containsExactly(2.5, 4.0);
    }

    @Test
    void fileSink() throws IOException {
        Path outFile = dir.resolve("counts.txt");
        Dataflow flow = new Dataflow("example");
        KeyedStream<String, Long> counts = counts(flow);
        // sample
        counts.mapValue("format", n -> "count " + n).output("out", new FileSink<>(outFile));
        // end
        Testing.run(flow, 2);
        assertThat(Files.readAllLines(outFile)).containsExactlyInAnyOrder("count 2", "count 1");
    }

    @Test
    void dirSink() throws IOException {
        Path outDir = dir.resolve("out");
        Dataflow flow = new Dataflow("example");
        KeyedStream<String, Long> counts = counts(flow);
        // sample
        counts.mapValue("format", n -> "count " + n).output("out", new DirSink<>(outDir, 4));
        // end
        Testing.run(flow, 2);
        List<String> lines = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(outDir)) {
            for (Path file : files.toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        assertThat(lines).containsExactlyInAnyOrder("count 2", "count 1");
    }

    @Test
    void stdInSourceAndStdOutSink() {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream("x\ny\n".getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Dataflow flow = new Dataflow("example");
            // sample
            Stream<String> lines = flow.input("stdin", new StdInSource()).redistribute("spread");
            // end
            KeyedStream<String, Long> counts = lines.countFinal("count", line -> line);
            // sample
            counts.output("print", new StdOutSink<>());
            // end
            Testing.run(flow, 2);
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).split(System.lineSeparator()))
                .containsExactlyInAnyOrder("KeyValue[key=x, value=1]", "KeyValue[key=y, value=1]");
    }

    /** A price, from a fake API. */
    record Price(String symbol, double value) {
    }

    /** A fake API that has prices once, then ends the input. */
    static final class PriceApi {
        private final AtomicInteger calls = new AtomicInteger();

        List<Price> fetchPrices() {
            if (calls.incrementAndGet() > 1) {
                throw new PollingSource.EndOfInput();
            }
            return List.of(new Price("ACME", 12.5));
        }
    }

    @Test
    void pollingSource() {
        PriceApi api = new PriceApi();
        Dataflow flow = new Dataflow("example");
        // sample
        Stream<Price> prices = flow.input("prices", new PollingSource<>(Duration.ofSeconds(1), () -> api.fetchPrices()));
        // end
        TestingSink<Price> sink = new TestingSink<>();
        prices.output("out", sink);
        Testing.runMain(flow);
        assertThat(sink.items()).containsExactly(new Price("ACME", 12.5));
    }

    @Test
    void randomMetricSource() {
        Dataflow flow = new Dataflow("example");
        // sample
        Stream<Metric> metrics = flow.input("metrics", new RandomMetricSource(List.of("cpu", "mem"), 1000, 500, 42));
        // end
        TestingSink<Metric> sink = new TestingSink<>();
        metrics.output("out", sink);
        Testing.run(flow, 2);
        assertThat(sink.items()).hasSize(1000);
    }

    /** A fake database with a bulk insert. */
    static final class Database {
        final List<Integer> rows = Collections.synchronizedList(new ArrayList<>());

        void insertAll(List<Integer> batch) {
            rows.addAll(batch);
        }
    }

    @Test
    void batchingSink() {
        Database db = new Database();
        Dataflow flow = new Dataflow("example");
        Stream<Integer> events = flow.input("events", new TestingSource<Integer>(List.of(1, 2, 3)));
        // sample
        events.output("db", BatchingSink.calling(500, Duration.ofSeconds(1), batch -> db.insertAll(batch)));
        // end
        Testing.runMain(flow);
        assertThat(db.rows).containsExactly(1, 2, 3);
    }

    /** A fake asynchronous client. */
    static final class AsyncClient {
        final List<Integer> sent = Collections.synchronizedList(new ArrayList<>());

        CompletableFuture<Void> sendAll(List<Integer> batch) {
            return CompletableFuture.runAsync(() -> sent.addAll(batch));
        }
    }

    @Test
    void asyncSink() {
        AsyncClient client = new AsyncClient();
        Dataflow flow = new Dataflow("example");
        Stream<Integer> events = flow.input("events", new TestingSource<Integer>(List.of(1, 2, 3)));
        // sample
        events.output("send", new AsyncSink<>(8, Duration.ofSeconds(30), batch -> client.sendAll(batch)));
        // end
        Testing.runMain(flow);
        // Outstanding writes complete in any order.
        assertThat(client.sent).containsExactlyInAnyOrder(1, 2, 3);
    }

    /** A fake blocking client that reads messages for one worker. */
    static final class BlockingClient {
        void readAll(int worker, int workers, QueueSource.Feed<String> feed) {
            try {
                for (int i = 0; i < 3; i++) {
                    feed.put("message " + i + " for worker " + worker);
                }
                feed.end();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void queueSource() {
        BlockingClient client = new BlockingClient();
        // sample
        QueueSource<String> source = new QueueSource<>(10_000, 1000, Duration.ofMillis(10), (worker, workers, feed) -> {
            // readAll puts each message into the feed, then ends it (or fails it).
            Thread reader = new Thread(() -> client.readAll(worker, workers, feed));
            reader.start();
            return reader::interrupt;
        });
        // end
        Dataflow flow = new Dataflow("example");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("messages", source).output("out", sink);
        Testing.run(flow, 2);
        assertThat(sink.items()).hasSize(6).contains("message 2 for worker 1");
    }
}
