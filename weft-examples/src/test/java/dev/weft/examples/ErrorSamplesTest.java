package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.Dataflow;
import dev.weft.StateUpdate;
import dev.weft.StepException;
import dev.weft.Stream;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The samples of {@code docs/errors.md}: what a failing step reports, on one and three workers. */
@Timeout(60)
class ErrorSamplesTest {

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldNameTheStepAndWorkerWhenAMapperThrows(int workers) {
        Dataflow flow = new Dataflow("orders");
        flow.input("lines", new TestingSource<String>(List.of("12", "7", "x")))
                .map("parse", Integer::parseInt)
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class, () -> Testing.run(flow, workers));

        assertThat(e).hasMessage("error calling mapper in step 'orders.parse' on worker 0: "
                + "java.lang.NumberFormatException: For input string: \"x\"");
        assertThat(e.stepId()).isEqualTo("orders.parse");
        assertThat(e.role()).isEqualTo(StepException.Role.MAPPER);
        assertThat(e.worker()).isZero();
        assertThat(e.hasKey()).isFalse();
        assertThat(e.getCause()).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldNameTheKeyWhenAStatefulStepThrows(int workers) {
        Dataflow flow = new Dataflow("orders");
        flow.input("lines", new TestingSource<String>(List.of("ann 12", "bob 7", "ann x")))
                .keyOn("by_customer", line -> line.split(" ")[0])
                .statefulMap("total", (Integer total, String line) -> {
                    int next = (total == null ? 0 : total) + Integer.parseInt(line.split(" ")[1]);
                    return StateUpdate.of(next, next);
                })
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class, () -> Testing.run(flow, workers));

        assertThat(e).hasMessage("error calling mapper in step 'orders.total' on worker " + e.worker()
                + " for key 'ann': java.lang.NumberFormatException: For input string: \"x\"");
        assertThat(e.key()).isEqualTo("ann");
        assertThat(e.worker()).isBetween(0, workers - 1);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldRefuseAKeyWithoutAStableHash(int workers) {
        Dataflow flow = new Dataflow("visits");
        flow.input("days", new TestingSource<Long>(List.of(19000L)))
                .keyOn("by_day", LocalDate::ofEpochDay)
                .output("out", new TestingSink<>());

        StepException e = catchThrowableOfType(StepException.class, () -> Testing.run(flow, workers));

        assertThat(e.stepId()).isEqualTo("visits.by_day");
        assertThat(e.role()).isEqualTo(StepException.Role.KEY_FUNCTION);
        assertThat(e).hasMessageStartingWith("error calling keyFunction in step 'visits.by_day' on worker 0 for key"
                + " 2022-01-08: java.lang.IllegalArgumentException: StableHash cannot hash a key of type"
                + " java.time.LocalDate");
    }

    @Test
    void shouldRefuseAStepIdUsedTwiceWhileBuilding() {
        Dataflow flow = new Dataflow("orders");
        Stream<String> lines = flow.input("lines", new TestingSource<String>(List.of("12")));
        lines.map("parse", Integer::parseInt);

        assertThatThrownBy(() -> lines.map("parse", String::length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step id 'parse' is used twice in 'orders'; step ids must be unique among siblings");
    }

    @Test
    void shouldRefuseADataflowWithoutAnOutputBeforeRunning() {
        Dataflow flow = new Dataflow("orders");
        flow.input("lines", new TestingSource<String>(List.of("12"))).map("parse", Integer::parseInt);

        assertThatThrownBy(() -> Testing.run(flow, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dataflow 'orders' has no output; add one with stream.output(...) or stream.inspect(...)");
    }
}
