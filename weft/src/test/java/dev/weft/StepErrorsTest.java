package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input: an exception in a user function fails the run with a {@link StepException} that
 * names the step (its full dotted id), the worker and, for keyed steps, the key, with the user's
 * exception as its cause.
 */
@Timeout(60)
class StepErrorsTest {

    /** What a user function throws on bad input. */
    static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    private static final List<String> LINES = List.of("a:1", "b:2", "a:oops", "c:3");

    private static int parse(String value) {
        if (!value.matches("\\d+")) {
            throw new BadInput("not a number: " + value);
        }
        return Integer.parseInt(value);
    }

    private static StepException runAndCatch(RunMode mode, Dataflow flow) {
        return catchThrowableOfType(StepException.class, () -> mode.run(flow));
    }

    private static void assertNamesStepAndWorker(StepException e, String stepId, RunMode mode) {
        assertThat(e).isNotNull();
        assertThat(e.stepId()).isEqualTo(stepId);
        assertThat(e.worker()).isBetween(0, mode.workers() - 1);
        assertThat(e).hasMessageContaining("'" + stepId + "'")
                .hasMessageContaining("worker " + e.worker())
                .hasMessageContaining("not a number: oops");
        assertThat(e.getCause()).isInstanceOf(BadInput.class).hasMessage("not a number: oops");
    }

    @InEveryRunMode
    void shouldNameStepAndWorkerWhenMapperThrows(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(LINES, 2))
                .map("parse", line -> parse(line.substring(2)))
                .output("out", new TestingSink<>());

        StepException e = runAndCatch(mode, flow);

        assertNamesStepAndWorker(e, "flow.parse", mode);
        assertThat(e.key()).isNull();
        assertThat(e).hasMessageNotContaining("key");
    }

    @InEveryRunMode
    void shouldNameFullDottedIdWhenStepInsideCompositeThrows(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(LINES, 2))
                .then("numbers", lines -> lines.map("value", line -> line.substring(2)).map("parse", StepErrorsTest::parse))
                .output("out", new TestingSink<>());

        StepException e = runAndCatch(mode, flow);

        assertNamesStepAndWorker(e, "flow.numbers.parse", mode);
    }

    @InEveryRunMode
    void shouldNameKeyWhenValueMapperThrows(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(LINES, 2))
                .keyOn("by_key", line -> line.substring(0, 1))
                .mapValue("parse", line -> parse(line.substring(2)))
                .output("out", new TestingSink<>());

        StepException e = runAndCatch(mode, flow);

        assertNamesStepAndWorker(e, "flow.parse", mode);
        assertThat(e.key()).isEqualTo("a");
        assertThat(e).hasMessageContaining("key 'a'");
    }

    @InEveryRunModeRestoring
    void shouldNameKeyWhenStatefulMapperThrows(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(LINES, 2))
                .keyOn("by_key", line -> line.substring(0, 1))
                .statefulMap("sum", (Integer sum, String line) -> {
                    int next = (sum == null ? 0 : sum) + parse(line.substring(2));
                    return StateUpdate.of(next, next);
                })
                .output("out", new TestingSink<>());

        StepException e = runAndCatch(mode, flow);

        assertNamesStepAndWorker(e, "flow.sum", mode);
        assertThat(e.key()).isEqualTo("a");
        assertThat(e).hasMessageContaining("key 'a'");
    }

    @InEveryRunModeRestoring
    void shouldNameKeyWhenStatefulBatchLogicThrows(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(LINES, 2))
                .keyOn("by_key", line -> line.substring(0, 1))
                .statefulBatch("check", (Integer resume) -> new StatefulBatchLogic<String, String, String, Integer>() {
                    @Override
                    public void onBatch(List<String> values, StatefulContext<String, String> context) {
                        values.forEach(line -> context.emit(line + parse(line.substring(2))));
                    }

                    @Override
                    public Integer snapshot() {
                        return 0;
                    }
                })
                .output("out", new TestingSink<>());

        StepException e = runAndCatch(mode, flow);

        assertNamesStepAndWorker(e, "flow.check", mode);
        assertThat(e.key()).isEqualTo("a");
        assertThat(e).hasMessageContaining("key 'a'").hasMessageContaining("onBatch");
    }

    @InEveryRunModeRestoring
    void shouldNameKeyWhenReducerThrows(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(List.of("a:1", "a:2", "b:3", "a:oops"), 4))
                .keyOn("by_key", line -> line.substring(0, 1))
                .mapValue("value", line -> line.substring(2))
                .reduceFinal("sum", (x, y) -> String.valueOf(parse(x) + parse(y)))
                .output("out", new TestingSink<>());

        StepException e = runAndCatch(mode, flow);

        assertThat(e).isNotNull();
        // The user's step, not reduceFinal's internal combiner or reduce step.
        assertThat(e.stepId()).isEqualTo("flow.sum");
        assertThat(e.role()).isEqualTo(StepException.Role.REDUCER);
        assertThat(e.key()).isEqualTo("a");
        assertThat(e).hasMessageContaining("key 'a'").hasMessageContaining("reducer");
        assertThat(e.getCause()).isInstanceOf(BadInput.class);
    }

    @InEveryRunMode
    void shouldNameStepWhenBranchPredicateThrows(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        Branch<String> branch = flow.input("in", new TestingSource<String>(LINES, 2))
                .branch("small", line -> parse(line.substring(2)) < 2);
        branch.trues().output("small_out", new TestingSink<>());
        branch.falses().output("large_out", new TestingSink<>());

        StepException e = runAndCatch(mode, flow);

        assertNamesStepAndWorker(e, "flow.small", mode);
    }

    @InEveryRunMode
    void shouldNameStepWhenInspectorThrows(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        flow.input("in", new TestingSource<String>(LINES, 2))
                .inspect("check", (step, line) -> parse(line.substring(2)))
                .output("out", new TestingSink<>());

        StepException e = runAndCatch(mode, flow);

        assertNamesStepAndWorker(e, "flow.check", mode);
    }

    @InEveryRunModeRestoring
    void shouldNameStateTypeWhenStateCannotBeEncoded(RunMode mode) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<KeyValue<String, Integer>> sink = new TestingSink<>();
        flow.input("in", new TestingSource<String>(List.of("a:1", "a:2"), 2))
                .keyOn("by_key", line -> line.substring(0, 1))
                .statefulMap("sum", (StringBuilder digits, String line) -> {
                    StringBuilder next = digits == null ? new StringBuilder() : digits;
                    next.append(line.substring(2));
                    return StateUpdate.of(next, next.length());
                })
                .output("out", sink);

        if (!mode.restoring()) {
            mode.run(flow);
            assertThat(sink.items()).containsExactly(KeyValue.of("a", 1), KeyValue.of("a", 2));
            return;
        }
        StepException e = runAndCatch(mode, flow);

        // State lives in snapshots: a type without a codec fails in the restore harness as it would in recovery.
        assertThat(e).isNotNull().hasMessageContaining("'flow.sum'").hasMessageContaining("key 'a'")
                .hasMessageContaining("snapshot").hasMessageContaining("java.lang.StringBuilder");
    }
}
