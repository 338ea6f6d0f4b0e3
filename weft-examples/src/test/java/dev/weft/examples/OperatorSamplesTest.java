package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.Branch;
import dev.weft.Dataflow;
import dev.weft.JoinMode;
import dev.weft.KeyValue;
import dev.weft.KeyedBranch;
import dev.weft.KeyedStream;
import dev.weft.StateUpdate;
import dev.weft.StatefulContext;
import dev.weft.StatefulLogic;
import dev.weft.StepException;
import dev.weft.Stream;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The samples of {@code docs/operators.md}, one test per operator, each run on one and on three
 * workers with its exact output asserted. The documentation copies the lines between a test's
 * first line and its assertion verbatim ({@code DocsSamplesTest} checks that they are still here).
 *
 * <p>Every sample starts from {@link #flow}, a dataflow named {@code flow}, and reads a
 * {@link TestingSource}; {@link #run(Stream)} writes a stream to a {@link TestingSink}, runs the
 * dataflow and returns what the sink received. Items of one source partition keep their order
 * through stateless steps, and the values of one key keep theirs; across keys, order is not
 * promised, so keyed results are compared in any order.
 */
@ParameterizedClass(name = "{0} worker(s)")
@ValueSource(ints = {1, 3})
@Timeout(60)
class OperatorSamplesTest {

    @Parameter
    int workers;

    Dataflow flow;

    @BeforeEach
    void newFlow() {
        flow = new Dataflow("flow");
    }

    /** Writes {@code stream} to a testing sink, runs its dataflow on this test's workers, and returns the items. */
    private <T> List<T> run(Stream<T> stream) {
        TestingSink<T> sink = new TestingSink<>();
        stream.output("out", sink);
        Testing.run(stream.flow(), workers);
        return sink.items();
    }

    /** As {@link #run(Stream)}, for a keyed stream. */
    private <K, V> List<KeyValue<K, V>> run(KeyedStream<K, V> stream) {
        return run(stream.asStream());
    }

    private static <K, V> KeyValue<K, V> kv(K key, V value) {
        return KeyValue.of(key, value);
    }

    // ---------------------------------------------------------------- core operators

    @Test
    void input() {
        Stream<Integer> numbers = flow.input("numbers", new TestingSource<Integer>(List.of(1, 2, 3)));
        assertThat(run(numbers)).containsExactly(1, 2, 3);
    }

    @Test
    void output() {
        TestingSink<String> sink = new TestingSink<>();
        flow.input("words", new TestingSource<String>(List.of("a", "b")))
                .output("collect", sink);
        Testing.run(flow, workers);
        assertThat(sink.items()).containsExactly("a", "b");
    }

    @Test
    void flatMapBatch() {
        Stream<Integer> numbers = flow.input("lines", new TestingSource<String>(List.of("1", "2", "3"), 2))
                .flatMapBatch("parse", batch -> batch.stream().map(Integer::parseInt).toList());
        assertThat(run(numbers)).containsExactly(1, 2, 3);
    }

    @Test
    void branchAndMerge() {
        Branch<Integer> parity = flow.input("numbers", new TestingSource<Integer>(List.of(1, 2, 3, 4)))
                .branch("is_even", x -> x % 2 == 0);
        Stream<String> evens = parity.trues().map("even", x -> x + " is even");
        Stream<String> odds = parity.falses().map("odd", x -> x + " is odd");
        Stream<String> both = flow.merge("both", evens, odds);
        assertThat(run(both)).containsExactlyInAnyOrder("1 is odd", "2 is even", "3 is odd", "4 is even");
    }

    @Test
    void mergeMethod() {
        Stream<String> left = flow.input("left", new TestingSource<String>(List.of("a1", "a2")));
        Stream<String> right = flow.input("right", new TestingSource<String>(List.of("b1")));
        Stream<String> all = left.merge("all", right);
        assertThat(run(all)).containsExactlyInAnyOrder("a1", "a2", "b1");
    }

    @Test
    void redistribute() {
        Stream<Integer> squares = flow.input("numbers", new TestingSource<Integer>(List.of(1, 2, 3, 4, 5, 6), 6))
                .redistribute("spread")
                .map("square", x -> x * x);
        assertThat(run(squares)).containsExactlyInAnyOrder(1, 4, 9, 16, 25, 36);
    }

    @Test
    void inspectDebug() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Stream<String> words = flow.input("words", new TestingSource<String>(List.of("a", "b")))
                .inspectDebug("trace", (step, word, epoch, worker) ->
                        seen.add(step + " saw " + word + " in epoch " + epoch + " on worker " + worker));
        assertThat(run(words)).containsExactly("a", "b");
        assertThat(seen).containsExactly("flow.trace saw a in epoch 1 on worker 0",
                "flow.trace saw b in epoch 1 on worker 0");
    }

    // ---------------------------------------------------------------- stateless

    @Test
    void map() {
        Stream<Integer> doubled = flow.input("numbers", new TestingSource<Integer>(List.of(1, 2, 3)))
                .map("double", x -> x * 2);
        assertThat(run(doubled)).containsExactly(2, 4, 6);
    }

    @Test
    void filter() {
        Stream<Integer> evens = flow.input("numbers", new TestingSource<Integer>(List.of(1, 2, 3, 4)))
                .filter("even", x -> x % 2 == 0);
        assertThat(run(evens)).containsExactly(2, 4);
    }

    @Test
    void filterMap() {
        Stream<Integer> numbers = flow.input("lines", new TestingSource<String>(List.of("1", "x", "3")))
                .filterMap("parse", s -> s.matches("\\d+") ? Optional.of(Integer.parseInt(s)) : Optional.empty());
        assertThat(run(numbers)).containsExactly(1, 3);
    }

    @Test
    void flatMap() {
        Stream<String> words = flow.input("lines", new TestingSource<String>(List.of("to be", "or not")))
                .flatMap("split", line -> List.of(line.split(" ")));
        assertThat(run(words)).containsExactly("to", "be", "or", "not");
    }

    @Test
    void flatten() {
        TestingSource<List<Integer>> lists = new TestingSource<>(List.of(List.of(1, 2), List.of(3)));
        Stream<Integer> numbers = flow.input("lists", lists)
                .<Integer>flatten("flat");
        assertThat(run(numbers)).containsExactly(1, 2, 3);
    }

    @Test
    void inspect() {
        String printed = WordCountTest.printed(() -> {
            Stream<String> words = flow.input("words", new TestingSource<String>(List.of("a", "b")))
                    .inspect("show");
            assertThat(run(words)).containsExactly("a", "b");
        });
        assertThat(printed.lines()).containsExactly("flow.show: a", "flow.show: b");
    }

    @Test
    void inspectWith() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Stream<String> words = flow.input("words", new TestingSource<String>(List.of("a", "b")))
                .inspect("remember", (step, word) -> seen.add(step + ": " + word));
        assertThat(run(words)).containsExactly("a", "b");
        assertThat(seen).containsExactly("flow.remember: a", "flow.remember: b");
    }

    @Test
    void enrichCached() {
        Map<String, String> countries = Map.of("fr", "France", "jp", "Japan");
        Stream<String> visits = flow.input("visits", new TestingSource<String>(List.of("fr", "jp", "fr")))
                .enrichCached("country", code -> code, countries::get,
                        (code, country) -> code + " = " + country, Duration.ofMinutes(5));
        assertThat(run(visits)).containsExactlyInAnyOrder("fr = France", "jp = Japan", "fr = France");
    }

    @Test
    void raises() {
        Branch<String> valid = flow.input("lines", new TestingSource<String>(List.of("1", "2", "x")))
                .branch("valid", line -> line.matches("\\d+"));
        valid.falses().raises("no_bad_lines");
        valid.trues().output("out", new TestingSink<>());
        StepException e = catchThrowableOfType(StepException.class, () -> Testing.run(flow, workers));
        assertThat(e.stepId()).isEqualTo("flow.no_bad_lines");
        assertThat(e).hasMessageContaining("received an item, which it must never do: x");
    }

    @Test
    void then() {
        Stream<String> words = flow.input("lines", new TestingSource<String>(List.of("to be", "or")))
                .then("words", lines -> lines
                        .flatMap("split", line -> List.of(line.split(" ")))
                        .map("upper", String::toUpperCase));
        assertThat(run(words)).containsExactly("TO", "BE", "OR");
        assertThat(flow.structure()).containsKeys("flow.words", "flow.words.split", "flow.words.upper");
    }

    // ---------------------------------------------------------------- keyed, stateless

    @Test
    void keyOn() {
        TestingSource<String> names = new TestingSource<>(List.of("ann", "bob", "amy"));
        KeyedStream<String, String> byInitial = flow.input("names", names)
                .keyOn("by_initial", name -> name.substring(0, 1));
        assertThat(run(byInitial)).containsExactly(kv("a", "ann"), kv("b", "bob"), kv("a", "amy"));
    }

    @Test
    void keyRm() {
        Stream<String> names = flow.input("names", new TestingSource<String>(List.of("ann", "bob")))
                .keyOn("by_initial", name -> name.substring(0, 1))
                .keyRm("unkey");
        assertThat(run(names)).containsExactly("ann", "bob");
    }

    @Test
    void mapValue() {
        KeyedStream<String, Integer> lengths = flow.input("names", new TestingSource<String>(List.of("ann", "bob")))
                .keyOn("by_initial", name -> name.substring(0, 1))
                .mapValue("length", String::length);
        assertThat(run(lengths)).containsExactly(kv("a", 3), kv("b", 3));
    }

    @Test
    void flatMapValue() {
        KeyedStream<String, Character> letters = flow.input("names", new TestingSource<String>(List.of("ann", "bo")))
                .keyOn("by_initial", name -> name.substring(0, 1))
                .flatMapValue("letters", name -> name.chars().mapToObj(c -> (char) c).toList());
        assertThat(run(letters)).containsExactly(kv("a", 'a'), kv("a", 'n'), kv("a", 'n'), kv("b", 'b'), kv("b", 'o'));
    }

    @Test
    void filterValue() {
        KeyedStream<String, String> longNames = flow.input("names", new TestingSource<String>(List.of("ann", "alice")))
                .keyOn("by_initial", name -> name.substring(0, 1))
                .filterValue("long", name -> name.length() > 3);
        assertThat(run(longNames)).containsExactly(kv("a", "alice"));
    }

    @Test
    void filterMapValue() {
        TestingSource<String> payments = new TestingSource<>(List.of("ann:5", "bob:?"));
        KeyedStream<String, Integer> amounts = flow.input("payments", payments)
                .keyOn("by_payer", payment -> payment.split(":")[0])
                .mapValue("amount", payment -> payment.split(":")[1])
                .filterMapValue("parse", amount -> amount.matches("\\d+")
                        ? Optional.of(Integer.parseInt(amount))
                        : Optional.empty());
        assertThat(run(amounts)).containsExactly(kv("ann", 5));
    }

    // ---------------------------------------------------------------- keyed streams, whole items

    @Test
    void keyedStreamOf() {
        Stream<KeyValue<String, Integer>> pairs = flow.input("pairs", TestingSource.of("ann:5", "bob:1", "ann:2"))
                .map("pair", s -> KeyValue.of(s.split(":")[0], Integer.parseInt(s.split(":")[1])));
        KeyedStream<String, Integer> totals = KeyedStream.of(pairs).reduceFinal("total", Integer::sum);
        assertThat(run(totals)).containsExactlyInAnyOrder(kv("ann", 7), kv("bob", 1));
    }

    @Test
    void keyedFilterAndBranch() {
        KeyedStream<String, Integer> sales = flow.input("sales", TestingSource.of("ann:5", "bob:1", "ann:2", "cy:9"))
                .keyOn("by_seller", sale -> sale.split(":")[0])
                .mapValue("amount", sale -> Integer.parseInt(sale.split(":")[1]));
        KeyedStream<String, Integer> notBob = sales.filter("not_bob", kv -> !kv.key().equals("bob"));
        KeyedBranch<String, Integer> split = notBob.branch("split", kv -> kv.value() >= 5);
        KeyedStream<String, Integer> big = split.trues().reduceFinal("big_total", Integer::sum);
        KeyedStream<String, Integer> small = split.falses().reduceFinal("small_total", Integer::sum);
        assertThat(run(big.merge("both", small))).containsExactlyInAnyOrder(kv("ann", 5), kv("cy", 9), kv("ann", 2));
    }

    @Test
    void keyedInspectRedistributeAndThen() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        KeyedStream<String, Integer> totals = flow.input("sales", TestingSource.of("ann:5", "bob:1", "ann:2"))
                .keyOn("by_seller", sale -> sale.split(":")[0])
                .mapValue("amount", sale -> Integer.parseInt(sale.split(":")[1]))
                .inspect("look", (step, kv) -> seen.add(kv.key() + " sold " + kv.value()))
                .redistribute("spread")
                .then("net", sold -> sold.mapValue("fee", amount -> amount - 1).reduceFinal("sum", Integer::sum));
        assertThat(run(totals)).containsExactlyInAnyOrder(kv("ann", 5), kv("bob", 0));
        assertThat(seen).containsExactlyInAnyOrder("ann sold 5", "bob sold 1", "ann sold 2");
    }

    // ---------------------------------------------------------------- stateful

    @Test
    void countFinal() {
        KeyedStream<String, Long> counts = flow.input("words", new TestingSource<String>(List.of("a", "b", "a")))
                .countFinal("count", word -> word);
        assertThat(run(counts)).containsExactlyInAnyOrder(kv("a", 2L), kv("b", 1L));
    }

    @Test
    void statefulMap() {
        TestingSource<String> sales = new TestingSource<>(List.of("ann:5", "bob:1", "ann:2"));
        KeyedStream<String, Integer> runningTotals = flow.input("sales", sales)
                .keyOn("by_seller", sale -> sale.split(":")[0])
                .mapValue("amount", sale -> Integer.parseInt(sale.split(":")[1]))
                .statefulMap("total", (Integer total, Integer amount) -> {
                    int next = (total == null ? 0 : total) + amount;
                    return StateUpdate.of(next, next);
                });
        assertThat(run(runningTotals)).containsExactlyInAnyOrder(kv("ann", 5), kv("bob", 1), kv("ann", 7));
    }

    @Test
    void statefulMapWithInitialState() {
        TestingSource<String> sales = new TestingSource<>(List.of("ann:5", "bob:1", "ann:2"));
        KeyedStream<String, Integer> runningTotals = flow.input("sales", sales)
                .keyOn("by_seller", sale -> sale.split(":")[0])
                .mapValue("amount", sale -> Integer.parseInt(sale.split(":")[1]))
                .statefulMap("total", () -> 0, (total, amount) -> StateUpdate.of(total + amount, total + amount));
        assertThat(run(runningTotals)).containsExactlyInAnyOrder(kv("ann", 5), kv("bob", 1), kv("ann", 7));
    }

    @Test
    void statefulFlatMap() {
        TestingSource<String> states = new TestingSource<>(List.of("door:open", "door:open", "door:shut"));
        KeyedStream<String, String> changes = flow.input("states", states)
                .keyOn("by_sensor", s -> s.split(":")[0])
                .mapValue("state", s -> s.split(":")[1])
                .statefulFlatMap("changes", (String last, String now) ->
                        StateUpdate.of(now, now.equals(last) ? List.<String>of() : List.of(now)));
        assertThat(run(changes)).containsExactly(kv("door", "open"), kv("door", "shut"));
    }

    @Test
    void stateful() {
        TestingSource<String> logins = new TestingSource<>(List.of("ann", "bob", "ann"));
        KeyedStream<String, String> firstSeen = flow.input("logins", logins)
                .keyOn("by_user", user -> user)
                .stateful("first_seen", (Boolean seen) -> new StatefulLogic<String, String, String, Boolean>() {
                    private boolean seenBefore = seen != null;

                    @Override
                    public void onItem(String user, StatefulContext<String, String> context) {
                        if (!seenBefore) {
                            context.emit("welcome " + user);
                        }
                        seenBefore = true;
                    }

                    @Override
                    public Boolean snapshot() {
                        return seenBefore;
                    }
                });
        assertThat(run(firstSeen)).containsExactlyInAnyOrder(kv("ann", "welcome ann"), kv("bob", "welcome bob"));
    }

    @Test
    void foldFinal() {
        TestingSource<String> letters = new TestingSource<>(List.of("a:x", "b:y", "a:z"));
        KeyedStream<String, String> joined = flow.input("letters", letters)
                .keyOn("by_key", s -> s.split(":")[0])
                .mapValue("letter", s -> s.split(":")[1])
                .foldFinal("join", () -> "", (text, letter) -> text + letter);
        assertThat(run(joined)).containsExactlyInAnyOrder(kv("a", "xz"), kv("b", "y"));
    }

    @Test
    void reduceFinal() {
        TestingSource<String> sales = new TestingSource<>(List.of("ann:5", "bob:1", "ann:2"));
        KeyedStream<String, Integer> totals = flow.input("sales", sales)
                .keyOn("by_seller", sale -> sale.split(":")[0])
                .mapValue("amount", sale -> Integer.parseInt(sale.split(":")[1]))
                .reduceFinal("total", Integer::sum);
        assertThat(run(totals)).containsExactlyInAnyOrder(kv("ann", 7), kv("bob", 1));
    }

    @Test
    void maxFinalAndMinFinal() {
        TestingSource<String> sales = new TestingSource<>(List.of("ann:5", "bob:1", "ann:2"));
        KeyedStream<String, Integer> amounts = flow.input("sales", sales)
                .keyOn("by_seller", sale -> sale.split(":")[0])
                .mapValue("amount", sale -> Integer.parseInt(sale.split(":")[1]));
        KeyedStream<String, Integer> biggest = amounts.maxFinal("biggest", amount -> amount);
        KeyedStream<String, Integer> smallest = amounts.minFinal("smallest", amount -> amount);
        TestingSink<KeyValue<String, Integer>> smallestSink = new TestingSink<>();
        smallest.output("smallest_out", smallestSink);
        assertThat(run(biggest)).containsExactlyInAnyOrder(kv("ann", 5), kv("bob", 1));
        assertThat(smallestSink.items()).containsExactlyInAnyOrder(kv("ann", 2), kv("bob", 1));
    }

    @Test
    void maxFinalByComparator() {
        TestingSource<String> sales = new TestingSource<>(List.of("ann:5", "bob:1", "ann:12"));
        KeyedStream<String, String> longest = flow.input("sales", sales)
                .keyOn("by_seller", sale -> sale.split(":")[0])
                .maxFinal("longest", Comparator.comparingInt(String::length));
        assertThat(run(longest)).containsExactlyInAnyOrder(kv("ann", "ann:12"), kv("bob", "bob:1"));
    }

    @Test
    void collect() {
        TestingSource<String> readings = new TestingSource<>(List.of("a:1", "a:2", "b:3", "a:4"));
        KeyedStream<String, List<Integer>> batches = flow.input("readings", readings)
                .keyOn("by_sensor", s -> s.split(":")[0])
                .mapValue("value", s -> Integer.parseInt(s.split(":")[1]))
                .collect("batches", Duration.ofSeconds(10), 2);
        assertThat(run(batches)).containsExactlyInAnyOrder(
                kv("a", List.of(1, 2)), kv("a", List.of(4)), kv("b", List.of(3)));
    }

    @Test
    void join() {
        TestingSource<String> users = new TestingSource<>(List.of("1:ann", "2:bob"));
        TestingSource<String> addresses = new TestingSource<>(List.of("2:bob@example.com", "3:cy@example.com"));
        KeyedStream<String, String> names = flow.input("names", users)
                .keyOn("name_by_id", s -> s.split(":")[0]).mapValue("name", s -> s.split(":")[1]);
        KeyedStream<String, String> emails = flow.input("emails", addresses)
                .keyOn("email_by_id", s -> s.split(":")[0]).mapValue("email", s -> s.split(":")[1]);
        KeyedStream<String, List<Object>> rows = names.join("join", emails); // JoinMode.DEFAULT
        assertThat(run(rows)).containsExactly(kv("2", List.of("bob", "bob@example.com")));
    }

    @Test
    void joinIncremental() {
        TestingSource<String> people = new TestingSource<>(List.of("p1:ann", "p2:bob"));
        TestingSource<String> listings = new TestingSource<>(List.of("p1:lamp", "p1:desk", "p2:rug", "p3:vase"));
        KeyedStream<String, String> persons = flow.input("persons", people)
                .keyOn("person_by_id", s -> s.split(":")[0]).mapValue("name", s -> s.split(":")[1]);
        KeyedStream<String, String> auctions = flow.input("auctions", listings)
                .keyOn("auction_by_seller", s -> s.split(":")[0]).mapValue("item", s -> s.split(":")[1]);
        JoinMode incremental = new JoinMode(JoinMode.Insert.PRODUCT, JoinMode.Emit.INCREMENTAL);
        KeyedStream<String, String> sales = persons.join("sellers", auctions, incremental,
                (name, item) -> name + " sells " + item);
        assertThat(run(sales)).containsExactlyInAnyOrder(kv("p1", "ann sells lamp"), kv("p1", "ann sells desk"),
                kv("p2", "bob sells rug"));
    }

    @Test
    void joinFinal() {
        TestingSource<String> users = new TestingSource<>(List.of("1:ann", "2:bob"));
        TestingSource<String> addresses = new TestingSource<>(List.of("2:bob@example.com", "3:cy@example.com"));
        KeyedStream<String, String> names = flow.input("names", users)
                .keyOn("name_by_id", s -> s.split(":")[0]).mapValue("name", s -> s.split(":")[1]);
        KeyedStream<String, String> emails = flow.input("emails", addresses)
                .keyOn("email_by_id", s -> s.split(":")[0]).mapValue("email", s -> s.split(":")[1]);
        JoinMode outer = new JoinMode(JoinMode.Insert.LAST, JoinMode.Emit.FINAL);
        KeyedStream<String, List<Object>> rows = names.join("join", outer, emails);
        assertThat(run(rows)).containsExactlyInAnyOrder(kv("1", Arrays.asList("ann", null)),
                kv("2", List.of("bob", "bob@example.com")), kv("3", Arrays.asList(null, "cy@example.com")));
    }
}
