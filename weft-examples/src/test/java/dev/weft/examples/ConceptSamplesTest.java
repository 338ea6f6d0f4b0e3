package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.KeyedStream;
import dev.weft.Stream;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The samples of {@code docs/concepts.md}, run on one and three workers. */
@Timeout(60)
class ConceptSamplesTest {

    @Test
    void shouldNameNestedStepsWithDottedIds() {
        Dataflow flow = new Dataflow("words");
        flow.input("lines", new TestingSource<String>(List.of("a b a")))
                .flatMap("split", line -> List.of(line.split(" ")))
                .countFinal("count", word -> word)
                .output("out", new TestingSink<>());

        assertThat(flow.structure().keySet()).containsExactly("words.lines", "words.split", "words.count",
                "words.count.key", "words.count.one", "words.count.sum", "words.count.sum.combine",
                "words.count.sum.reduce", "words.out");
    }

    /**
     * A page view's key: a record of supported types has a stable hash, computed from its components.
     *
     * @param page the page
     * @param day the day, as days since 1970-01-01
     */
    record PageDay(String page, long day) {
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldCountByARecordKey(int workers) {
        Dataflow flow = new Dataflow("views");
        TestingSink<KeyValue<PageDay, Long>> sink = new TestingSink<>();
        TestingSource<String> log = new TestingSource<>(List.of("/home 1", "/about 1", "/home 1", "/home 2"));
        KeyedStream<PageDay, Long> views = flow.input("views", log)
                .countFinal("per_page_and_day", view -> {
                    String[] pageAndDay = view.split(" ");
                    return new PageDay(pageAndDay[0], Long.parseLong(pageAndDay[1]));
                });
        views.output("out", sink);
        Testing.run(flow, workers);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of(new PageDay("/home", 1), 2L),
                KeyValue.of(new PageDay("/about", 1), 1L), KeyValue.of(new PageDay("/home", 2), 1L));
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldShareAThreadSafeObjectBetweenWorkers(int workers) {
        Dataflow flow = new Dataflow("dates");
        TestingSink<String> sink = new TestingSink<>();
        // DateTimeFormatter is immutable, so one instance may serve every worker thread at once.
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.ROOT);
        Stream<String> dates = flow.input("days", new TestingSource<Long>(List.of(0L, 19000L), 2))
                .redistribute("spread")
                .map("format", day -> format.format(LocalDate.ofEpochDay(day)));
        dates.output("out", sink);
        Testing.run(flow, workers);

        assertThat(sink.items()).containsExactlyInAnyOrder("1 Jan 1970", "8 Jan 2022");
    }
}
