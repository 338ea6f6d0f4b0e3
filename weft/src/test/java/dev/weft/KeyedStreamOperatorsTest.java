package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * The stateless operators of {@link KeyedStream}, each keeping the key type (so a stateful step can
 * follow without re-keying), {@link KeyedStream#of}, and the overloads that let plain lambdas infer
 * their types: {@code statefulMap}/{@code statefulFlatMap} with an initial state, and
 * {@code maxFinal}/{@code minFinal} with a {@link Comparator}.
 */
@Timeout(120)
class KeyedStreamOperatorsTest {

    private static final List<String> SALES = List.of("ann:5", "bob:1", "ann:2", "cat:7", "bob:4", "ann:9");

    private static KeyedStream<String, Integer> sales(Dataflow flow) {
        return flow.input("in", new TestingSource<>(SALES, 2))
                .keyOn("by_name", sale -> sale.substring(0, sale.indexOf(':')))
                .mapValue("amount", sale -> Integer.parseInt(sale.substring(sale.indexOf(':') + 1)));
    }

    private static <K, V> TestingSink<KeyValue<K, V>> output(KeyedStream<K, V> stream) {
        TestingSink<KeyValue<K, V>> sink = new TestingSink<>();
        stream.output("out", sink);
        return sink;
    }

    @InEveryRunMode
    void shouldFilterWholeItemsAndStayKeyed(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        KeyedStream<String, Integer> big = sales(flow).filter("big", kv -> kv.value() >= 5 || kv.key().equals("bob"));
        TestingSink<KeyValue<String, Integer>> sink = output(big.reduceFinal("sum", Integer::sum));

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("ann", 14), KeyValue.of("bob", 5),
                KeyValue.of("cat", 7));
    }

    @InEveryRunMode
    void shouldNameTheKeyWhenAFilterPredicateThrows(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        output(sales(flow).filter("picky", kv -> {
            if (kv.key().equals("cat")) {
                throw new IllegalStateException("no cats");
            }
            return true;
        }));

        StepException e = catchThrowableOfType(StepException.class, () -> mode.run(flow));

        assertThat(e.stepId()).isEqualTo("flow.picky");
        assertThat(e.key()).isEqualTo("cat");
        assertThat(e.getCause()).hasMessage("no cats");
    }

    @InEveryRunMode
    void shouldInspectItemsAndPassThemThroughKeyed(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<Long> epochs = Collections.synchronizedList(new ArrayList<>());
        KeyedStream<String, Integer> inspected = sales(flow)
                .inspect("look", (step, kv) -> seen.add(step + " " + kv.key() + "=" + kv.value()))
                .inspectDebug("debug", (step, kv, epoch, worker) -> epochs.add(epoch));
        TestingSink<KeyValue<String, Integer>> sink = output(inspected.maxFinal("max", Comparator.naturalOrder()));

        mode.run(flow);

        assertThat(seen).containsExactlyInAnyOrder("flow.look ann=5", "flow.look bob=1", "flow.look ann=2",
                "flow.look cat=7", "flow.look bob=4", "flow.look ann=9");
        assertThat(epochs).hasSize(SALES.size()).allSatisfy(epoch -> assertThat(epoch).isPositive());
        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("ann", 9), KeyValue.of("bob", 4),
                KeyValue.of("cat", 7));
    }

    @InEveryRunMode
    void shouldBranchIntoTwoKeyedStreams(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        KeyedBranch<String, Integer> split = sales(flow).branch("split", kv -> kv.value() >= 5);
        TestingSink<KeyValue<String, Long>> big = new TestingSink<>();
        TestingSink<KeyValue<String, Integer>> small = new TestingSink<>();
        split.trues().foldFinal("count", () -> 0L, (n, amount) -> n + 1).output("big_out", big);
        split.falses().reduceFinal("sum", Integer::sum).output("small_out", small);

        mode.run(flow);

        assertThat(big.items()).containsExactlyInAnyOrder(KeyValue.of("ann", 2L), KeyValue.of("cat", 1L));
        assertThat(small.items()).containsExactlyInAnyOrder(KeyValue.of("ann", 2), KeyValue.of("bob", 5));
    }

    @InEveryRunMode
    void shouldMergeKeyedStreamsAndRedistributeThemKeepingKeys(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        KeyedStream<String, Integer> refunds = flow.input("refunds", TestingSource.of("ann:-3", "dan:-1"))
                .keyOn("refund_by_name", r -> r.substring(0, r.indexOf(':')))
                .mapValue("refund_amount", r -> Integer.parseInt(r.substring(r.indexOf(':') + 1)));
        KeyedStream<String, Integer> all = sales(flow).merge("all", refunds).redistribute("spread");
        TestingSink<KeyValue<String, Integer>> sink = output(all.reduceFinal("net", Integer::sum));

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("ann", 13), KeyValue.of("bob", 5),
                KeyValue.of("cat", 7), KeyValue.of("dan", -1));
    }

    @InEveryRunMode
    void shouldApplyACompositeOperatorToAKeyedStreamWithDottedIds(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        KeyedStream<String, Integer> totals = sales(flow).then("net_of_fees", s -> s
                .mapValue("fee", amount -> amount - 1)
                .reduceFinal("sum", Integer::sum));
        TestingSink<KeyValue<String, Integer>> sink = output(totals);

        mode.run(flow);

        assertThat(flow.structure()).containsKeys("flow.net_of_fees", "flow.net_of_fees.fee", "flow.net_of_fees.sum");
        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("ann", 13), KeyValue.of("bob", 3),
                KeyValue.of("cat", 6));
    }

    @InEveryRunMode
    void shouldMakeAStreamOfKeyValuesKeyedInOneStep(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        Stream<KeyValue<String, Integer>> pairs = flow.input("in", new TestingSource<>(SALES, 2))
                .map("pair", s -> KeyValue.of(s.substring(0, 3), Integer.parseInt(s.substring(4))));
        TestingSink<KeyValue<String, Integer>> sink = output(KeyedStream.of(pairs).reduceFinal("sum", Integer::sum));

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of("ann", 16), KeyValue.of("bob", 5),
                KeyValue.of("cat", 7));
    }

    @InEveryRunModeRestoring
    void shouldStartStatefulMapFromTheInitialStateWithPlainLambdas(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        KeyedStream<String, Long> totals = sales(flow)
                .statefulMap("total", () -> 0L, (total, amount) -> StateUpdate.of(total + amount, total + amount));
        TestingSink<KeyValue<String, Long>> sink = output(totals);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "ann", List.of(5L, 7L, 16L), "bob", List.of(1L, 5L), "cat", List.of(7L)));
    }

    @InEveryRunModeRestoring
    void shouldStartAgainFromTheInitialStateAfterADiscard(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        // A total that is paid out (and discarded) once it reaches 7.
        KeyedStream<String, Integer> payouts = sales(flow).statefulMap("payout", () -> 0, (total, amount) -> {
            int next = total + amount;
            return next >= 7 ? StateUpdate.of(null, next) : StateUpdate.of(next, 0);
        });
        TestingSink<KeyValue<String, Integer>> sink = output(payouts);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "ann", List.of(0, 7, 9), "bob", List.of(0, 0), "cat", List.of(7)));
    }

    @InEveryRunModeRestoring
    void shouldStartStatefulFlatMapFromTheInitialState(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        // Emits each new maximum of a key, and nothing for a value that is not one.
        KeyedStream<String, Integer> records = sales(flow).statefulFlatMap("records", () -> Integer.MIN_VALUE,
                (best, amount) -> amount > best ? StateUpdate.of(amount, List.of(amount)) : StateUpdate.of(best, List.of()));
        TestingSink<KeyValue<String, Integer>> sink = output(records);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "ann", List.of(5, 9), "bob", List.of(1, 4), "cat", List.of(7)));
    }

    @InEveryRunModeRestoring
    void shouldKeepABigDecimalStateWhenRestoredAfterEveryBatch(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        KeyedStream<String, BigDecimal> balances = flow.input("in", new TestingSource<>(
                        List.of("ann:10.05", "bob:0.10", "ann:-0.05", "bob:0.20", "ann:1E+2"), 2))
                .keyOn("by_name", s -> s.substring(0, 3))
                .mapValue("amount", s -> new BigDecimal(s.substring(4)))
                .statefulMap("balance", () -> BigDecimal.ZERO, (balance, amount) -> {
                    BigDecimal next = balance.add(amount);
                    return StateUpdate.of(next, next);
                });
        TestingSink<KeyValue<String, BigDecimal>> sink = output(balances);

        mode.run(flow);

        // Scale survives the round trip: 10.00 stays 10.00, not 10.
        assertThat(KeyValues.byKey(sink.items())).isEqualTo(Map.of(
                "ann", List.of(new BigDecimal("10.05"), new BigDecimal("10.00"), new BigDecimal("110.00")),
                "bob", List.of(new BigDecimal("0.10"), new BigDecimal("0.30"))));
    }

    /** A user's own state record, declared once on the dataflow. */
    record Spend(int count, BigDecimal total) {
        Spend add(BigDecimal amount) {
            return new Spend(count + 1, total.add(amount));
        }
    }

    @InEveryRunModeRestoring
    void shouldKeepAUserRecordStateDeclaredOnceOnTheDataflow(RunMode mode) {
        Dataflow flow = new Dataflow("flow").registerRecord(Spend.class);
        KeyedStream<String, Spend> spends = sales(flow)
                .mapValue("decimal", BigDecimal::valueOf)
                .statefulMap("spend", () -> new Spend(0, BigDecimal.ZERO), (spend, amount) -> {
                    Spend next = spend.add(amount);
                    return StateUpdate.of(next, next);
                });
        TestingSink<KeyValue<String, Spend>> sink = output(spends);

        mode.run(flow);

        assertThat(KeyValues.byKey(sink.items()).get("ann")).containsExactly(new Spend(1, BigDecimal.valueOf(5)),
                new Spend(2, BigDecimal.valueOf(7)), new Spend(3, BigDecimal.valueOf(16)));
    }

    record Sale(String item, int amount) {
    }

    @InEveryRunModeRestoring
    void shouldPickEachKeysMaximumAndMinimumByAComparator(RunMode mode) {
        Dataflow flow = new Dataflow("flow").registerRecord(Sale.class);
        KeyedStream<String, Sale> sales = flow.input("in", new TestingSource<>(SALES, 2))
                .keyOn("by_name", s -> s.substring(0, 3))
                .mapValue("sale", s -> new Sale(s, Integer.parseInt(s.substring(4))));
        TestingSink<KeyValue<String, Sale>> max = new TestingSink<>();
        TestingSink<KeyValue<String, Sale>> min = new TestingSink<>();
        sales.maxFinal("max", Comparator.comparingInt(Sale::amount)).output("max_out", max);
        sales.minFinal("min", Comparator.comparingInt(Sale::amount)).output("min_out", min);

        mode.run(flow);

        assertThat(max.items()).containsExactlyInAnyOrder(KeyValue.of("ann", new Sale("ann:9", 9)),
                KeyValue.of("bob", new Sale("bob:4", 4)), KeyValue.of("cat", new Sale("cat:7", 7)));
        assertThat(min.items()).containsExactlyInAnyOrder(KeyValue.of("ann", new Sale("ann:2", 2)),
                KeyValue.of("bob", new Sale("bob:1", 1)), KeyValue.of("cat", new Sale("cat:7", 7)));
    }
}
