package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keys route state by Weft's stable hash, computed from the key's content, never from
 * {@code hashCode()}; a key type without a stable hash is refused, naming the type.
 */
@Timeout(120)
class KeysTest {

    /** A record key whose {@code hashCode()} is random: equal customers hash differently. */
    record Customer(String region, long id) {
        @Override
        public int hashCode() {
            return ThreadLocalRandom.current().nextInt();
        }
    }

    /** An order from a customer. */
    record Order(Customer customer, int amount) {
    }

    private static final List<Order> ORDERS = List.of(
            new Order(new Customer("eu", 1), 10), new Order(new Customer("us", 1), 20),
            new Order(new Customer("eu", 1), 30), new Order(new Customer("eu", 2), 40),
            new Order(new Customer("us", 1), 50), new Order(new Customer("eu", 1), 60));

    @InEveryRunModeRestoring
    void shouldGroupByRecordKeyWhoseHashCodeIsRandom(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<Customer, Integer>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Order>(ORDERS, 2))
                .keyOn("by_customer", Order::customer)
                .mapValue("amount", Order::amount)
                .reduceFinal("total", Integer::sum)
                .output("out", sink);

        mode.run(flow, Customer.class);

        assertThat(sink.items().stream().map(kv -> kv.key().region() + kv.key().id() + "=" + kv.value()))
                .containsExactlyInAnyOrder("eu1=100", "us1=70", "eu2=40");
    }

    @InEveryRunModeRestoring
    void shouldKeepOneStatePerRecordKeyWhoseHashCodeIsRandom(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<Customer, Integer>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Order>(ORDERS, 3))
                .keyOn("by_customer", Order::customer)
                .mapValue("amount", Order::amount)
                .statefulMap("running_total", (Integer total, Integer amount) -> {
                    int next = (total == null ? 0 : total) + amount;
                    return StateUpdate.of(next, next);
                })
                .output("out", sink);

        mode.run(flow, Customer.class);

        Map<String, List<Integer>> totals = sink.items().stream().collect(Collectors.groupingBy(
                kv -> kv.key().region() + kv.key().id(), Collectors.mapping(KeyValue::value, Collectors.toList())));
        assertThat(totals).isEqualTo(Map.of("eu1", List.of(10, 40, 100), "us1", List.of(20, 70), "eu2", List.of(40)));
    }

    @InEveryRunModeRestoring
    void shouldGroupByListKey(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<List<Object>, Long>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<Order>(ORDERS, 2))
                .countFinal("count", order -> List.<Object>of(order.customer().region(), order.amount() > 25))
                .output("out", sink);

        mode.run(flow, Customer.class);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of(List.of("eu", false), 1L),
                KeyValue.of(List.of("eu", true), 3L), KeyValue.of(List.of("us", false), 1L),
                KeyValue.of(List.of("us", true), 1L));
    }

    @InEveryRunModeRestoring
    void shouldGroupByteArrayKeysByContent(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<byte[], Long>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("ab", "cd", "ab", "ab"), 2))
                .countFinal("count", s -> s.getBytes(StandardCharsets.UTF_8))
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items().stream().map(kv -> new String(kv.key(), StandardCharsets.UTF_8) + "=" + kv.value()))
                .containsExactlyInAnyOrder("ab=3", "cd=1");
    }

    @InEveryRunModeRestoring
    void shouldGroupNumbersOfDifferentBoxedTypesAsTheyAreEqual(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<Object, Long>> sink = new TestingSink<>();
        // 1 and 1L hash alike but are not equal in Java: they stay two keys.
        flow.input("in", new TestingSource<Object>(List.of(1, 1L, 1, 2L), 2))
                .countFinal("count", x -> x)
                .output("out", sink);

        mode.run(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(KeyValue.of(1, 2L), KeyValue.of(1L, 1L),
                KeyValue.of(2L, 1L));
    }

    /** A record key that the test does not register as a codec. */
    record Unregistered(String name) {
    }

    @Test
    void shouldRefuseRecordKeyWithoutCodecWhenSerializingBetweenWorkers() {
        Dataflow flow = new Dataflow("flow");
        List<String> names = IntStream.range(0, 30).mapToObj(i -> "name" + i).toList();
        flow.input("in", new TestingSource<String>(names, 10))
                .countFinal("count", Unregistered::new)
                .output("out", new TestingSink<>());

        RuntimeException e = catchThrowableOfType(RuntimeException.class, () -> new RunMode(3, true, false).run(flow));

        assertThat(e).isNotNull().hasMessageContaining(Unregistered.class.getName()).hasMessageContaining("flow.count");
    }

    /** A class with neither a stable hash nor a codec. */
    static final class Account {
        final String id;

        Account(String id) {
            this.id = id;
        }
    }

    @InEveryRunMode
    void shouldRefusePlainObjectKey(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(List.of("a", "b"), 2))
                .keyOn("by_identity", s -> new Object())
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class, () -> mode.run(flow));

        assertThat(e).isNotNull().hasMessageContaining("'flow.by_identity'").hasMessageContaining("java.lang.Object");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @InEveryRunMode
    void shouldRefuseKeyOfClassWithoutStableHash(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(List.of("a", "b"), 2))
                .keyOn("by_account", Account::new)
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class, () -> mode.run(flow));

        assertThat(e).isNotNull().hasMessageContaining("'flow.by_account'")
                .hasMessageContaining(Account.class.getTypeName());
    }

    /** A record holding a value that has no stable hash. */
    record Wrapper(Object content) {
    }

    @InEveryRunMode
    void shouldRefuseRecordKeyWithComponentWithoutStableHash(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(List.of("a"), 2))
                .keyOn("wrapped", s -> new Wrapper(new Account(s)))
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class, () -> mode.run(flow));

        assertThat(e).isNotNull().hasMessageContaining("'flow.wrapped'")
                .hasMessageContaining(Account.class.getTypeName())
                .hasMessageContaining("content");
    }

    @InEveryRunMode
    void shouldRefuseKeyWithoutStableHashThatFirstAppearsAfterOtherKeysOfItsClass(RunMode mode) {
        // Every key is a one-element list: the third holds a LocalDate, which has no stable hash.
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(List.of("a", "b", "c", "d"), 1))
                .keyOn("by_day", s -> List.of(s.equals("c") ? (Object) java.time.LocalDate.EPOCH : s))
                .reduceFinal("last", (x, y) -> y)
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class, () -> mode.run(flow));

        assertThat(e).isNotNull();
        assertThat(e.stepId()).isEqualTo("flow.by_day");
        assertThat(e.role()).isEqualTo(StepException.Role.KEY_FUNCTION);
        assertThat(e.key()).isEqualTo(List.of(java.time.LocalDate.EPOCH));
        assertThat(e).hasMessageContaining("java.time.LocalDate").hasMessageContaining("Map the key to one of them");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @InEveryRunMode
    void shouldRefuseKeyWithoutStableHashInPairsMadeByAMap(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        KeyedStream.of(flow.input("in", new TestingSource<String>(List.of("a", "b", "c"), 1))
                        .map("pairs", s -> KeyValue.of(s.equals("b") ? (Object) java.time.LocalDate.EPOCH : s, 1)))
                .reduceFinal("sum", Integer::sum)
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class, () -> mode.run(flow));

        assertThat(e).isNotNull();
        assertThat(e.stepId()).isEqualTo("flow.pairs");
        assertThat(e.role()).isEqualTo(StepException.Role.MAPPER);
        assertThat(e).hasMessageContaining("java.time.LocalDate");
    }
}
