package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.StepException.Role;
import dev.weft.io.DynamicSink;
import dev.weft.io.DynamicSource;
import dev.weft.io.StatelessSinkPartition;
import dev.weft.io.StatelessSourcePartition;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one error contract, operator by operator: when a user function fails (here on the item
 * {@code "a:oops"}), the run throws a {@link StepException} naming the step the user created (never
 * a sub-step a built-in operator made inside it), the function's {@link Role}, the worker, the key
 * for keyed steps, and the function's exception as its cause.
 */
@Timeout(60)
class ErrorContractTest {

    /** What the user functions throw. */
    static final class Oops extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Oops(String message) {
            super(message);
        }
    }

    /** Marks a case whose failure names no key. */
    private static final Object NO_KEY = new Object();

    private static final List<String> LINES = List.of("a:1", "b:2", "a:oops", "c:3");

    private static int parse(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        if (!value.matches("\\d+")) {
            throw new Oops("not a number: " + value);
        }
        return Integer.parseInt(value);
    }

    private static String keyOf(String line) {
        return line.substring(0, 1);
    }

    private static KeyedStream<String, String> keyed(Dataflow flow) {
        return flow.input("in", new TestingSource<>(LINES, 2)).keyOn("by_key", ErrorContractTest::keyOf);
    }

    private static KeyedStream<String, String> keyed2(Dataflow flow) {
        return flow.input("in2", new TestingSource<>(List.of("a:5"), 1)).keyOn("by_key2", ErrorContractTest::keyOf);
    }

    private static dev.weft.Stream<String> lines(Dataflow flow) {
        return flow.input("in", new TestingSource<>(LINES, 2));
    }

    private static <T> Consumer<Dataflow> then(java.util.function.Function<Dataflow, dev.weft.Stream<T>> body) {
        return flow -> body.apply(flow).output("out", new TestingSink<>());
    }

    private static <K, V> Consumer<Dataflow> thenKeyed(java.util.function.Function<Dataflow, KeyedStream<K, V>> body) {
        return flow -> body.apply(flow).output("out", new TestingSink<>());
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                Arguments.of("map", "flow.op", Role.MAPPER, NO_KEY,
                        then(f -> lines(f).map("op", ErrorContractTest::parse))),
                Arguments.of("filter", "flow.op", Role.PREDICATE, NO_KEY,
                        then(f -> lines(f).filter("op", line -> parse(line) > 0))),
                Arguments.of("filterMap", "flow.op", Role.MAPPER, NO_KEY,
                        then(f -> lines(f).filterMap("op", line -> Optional.of(parse(line))))),
                Arguments.of("flatMap", "flow.op", Role.MAPPER, NO_KEY,
                        then(f -> lines(f).flatMap("op", line -> List.of(parse(line))))),
                Arguments.of("flatMapBatch", "flow.op", Role.MAPPER, NO_KEY,
                        then(f -> lines(f).flatMapBatch("op", batch -> batch.stream().map(ErrorContractTest::parse)
                                .toList()))),
                Arguments.of("inspect", "flow.op", Role.INSPECTOR, NO_KEY,
                        then(f -> lines(f).inspect("op", (step, line) -> parse(line)))),
                Arguments.of("inspectDebug", "flow.op", Role.INSPECTOR, NO_KEY,
                        then(f -> lines(f).inspectDebug("op", (step, line, epoch, worker) -> parse(line)))),
                Arguments.of("branch", "flow.op", Role.PREDICATE, NO_KEY,
                        then(f -> lines(f).branch("op", line -> parse(line) > 1).trues())),
                Arguments.of("keyOn", "flow.op", Role.KEY_FUNCTION, NO_KEY,
                        thenKeyed(f -> lines(f).keyOn("op", line -> keyOf(line) + parse(line)))),
                Arguments.of("mapValue", "flow.op", Role.MAPPER, "a",
                        thenKeyed(f -> keyed(f).mapValue("op", ErrorContractTest::parse))),
                Arguments.of("flatMapValue", "flow.op", Role.MAPPER, "a",
                        thenKeyed(f -> keyed(f).flatMapValue("op", line -> List.of(parse(line))))),
                Arguments.of("filterValue", "flow.op", Role.PREDICATE, "a",
                        thenKeyed(f -> keyed(f).filterValue("op", line -> parse(line) > 0))),
                Arguments.of("filterMapValue", "flow.op", Role.MAPPER, "a",
                        thenKeyed(f -> keyed(f).filterMapValue("op", line -> Optional.of(parse(line))))),
                Arguments.of("keyed filter", "flow.op", Role.PREDICATE, "a",
                        thenKeyed(f -> keyed(f).filter("op", kv -> parse(kv.value()) > 0))),
                Arguments.of("keyed branch", "flow.op", Role.PREDICATE, "a",
                        thenKeyed(f -> keyed(f).branch("op", kv -> parse(kv.value()) > 0).trues())),
                Arguments.of("reduceFinal", "flow.op", Role.REDUCER, "a",
                        thenKeyed(f -> keyed(f).reduceFinal("op", (x, y) -> x + parse(y)))),
                Arguments.of("maxFinal", "flow.op", Role.REDUCER, "a",
                        thenKeyed(f -> keyed(f).maxFinal("op", ErrorContractTest::parse))),
                Arguments.of("foldFinal", "flow.op", Role.FOLDER, "a",
                        thenKeyed(f -> keyed(f).foldFinal("op", () -> 0, (sum, line) -> sum + parse(line)))),
                Arguments.of("statefulMap", "flow.op", Role.MAPPER, "a",
                        thenKeyed(f -> keyed(f).statefulMap("op", () -> 0,
                                (sum, line) -> StateUpdate.of(sum + parse(line), sum)))),
                Arguments.of("statefulFlatMap", "flow.op", Role.MAPPER, "a",
                        thenKeyed(f -> keyed(f).statefulFlatMap("op", () -> 0,
                                (sum, line) -> StateUpdate.of(sum + parse(line), List.of(sum))))),
                Arguments.of("enrichCached's getter", "flow.op", Role.GETTER, "a",
                        then(f -> lines(f).enrichCached("op", ErrorContractTest::keyOf,
                                k -> k.equals("a") ? parse("a:oops") : 0, (line, v) -> line))),
                Arguments.of("enrichCached's key function", "flow.op", Role.KEY_FUNCTION, NO_KEY,
                        then(f -> lines(f).enrichCached("op", line -> keyOf(line) + parse(line),
                                k -> k, (line, v) -> line))),
                Arguments.of("two-sided join", "flow.op", Role.COMBINER, "a",
                        thenKeyed(f -> keyed(f).join("op", keyed2(f), JoinMode.DEFAULT,
                                (left, right) -> parse("a:oops")))),
                Arguments.of("countFinal", "flow.op", Role.KEY_FUNCTION, NO_KEY,
                        thenKeyed(f -> lines(f).countFinal("op", line -> keyOf(line) + parse(line)))),
                Arguments.of("a user's own composite", "flow.mine.op", Role.MAPPER, NO_KEY,
                        then(f -> lines(f).then("mine", s -> s.map("op", ErrorContractTest::parse)))),
                Arguments.of("flatten", "flow.op", Role.ITEM, NO_KEY,
                        then(f -> lines(f).map("split", line -> line.contains("oops") ? (Object) line
                                : List.of(line)).flatten("op"))),
                Arguments.of("input", "flow.in", Role.NEXT_BATCH, NO_KEY,
                        (Consumer<Dataflow>) f -> f.input("in", failingSource()).output("out", new TestingSink<>())),
                Arguments.of("output", "flow.out", Role.WRITE_BATCH, NO_KEY,
                        (Consumer<Dataflow>) f -> lines(f).output("out", failingSink())));
    }

    private static DynamicSource<String> failingSource() {
        return (worker, workers) -> new StatelessSourcePartition<>() {
            private final List<String> left = new ArrayList<>(LINES);

            @Override
            public List<String> nextBatch() {
                if (left.isEmpty()) {
                    return null;
                }
                parse(left.get(0));
                return List.of(left.remove(0));
            }
        };
    }

    private static DynamicSink<String> failingSink() {
        return (worker, workers) -> items -> items.forEach(ErrorContractTest::parse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void shouldNameTheUsersStepTheRoleTheWorkerAndTheKey(String operator, String stepId, Role role, Object key,
            Consumer<Dataflow> build) {
        for (RunMode mode : List.of(new RunMode(1, false, false), new RunMode(3, true, false))) {
            Dataflow flow = new Dataflow("flow");
            build.accept(flow);

            StepException e = catchThrowableOfType(StepException.class, () -> mode.run(flow));

            assertThat(e).as(operator + " on " + mode).isNotNull();
            assertThat(e.stepId()).as(operator).isEqualTo(stepId);
            assertThat(e.role()).as(operator).isEqualTo(role);
            assertThat(e.worker()).isBetween(0, mode.workers() - 1);
            assertThat(e).hasMessageContaining("in step '" + stepId + "' on worker " + e.worker());
            if (key == NO_KEY) {
                assertThat(e.hasKey()).as(operator).isFalse();
            } else {
                assertThat(e.hasKey()).as(operator).isTrue();
                assertThat(e.key()).isEqualTo(key);
                assertThat(e).hasMessageContaining("for key '" + key + "'");
            }
            if (role != Role.ITEM) {
                assertThat(e).hasMessageStartingWith("error calling " + role.javaName() + " ");
                assertThat(e.getCause()).isInstanceOf(Oops.class).hasMessage("not a number: oops");
            }
        }
    }
}
