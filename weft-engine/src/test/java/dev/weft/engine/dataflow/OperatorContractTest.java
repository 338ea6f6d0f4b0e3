package dev.weft.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.progress.PathSummary;
import dev.weft.engine.progress.TimeDomain;
import dev.weft.engine.worker.Execution;
import dev.weft.engine.worker.ExecutionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The operator contract: a send, or a retained capability, at time t on output o needs a held
 * capability for o at or before t, or an input batch consumed in the same activation whose time
 * that input's declared summary carries to o at or before t.
 */
@Timeout(60)
class OperatorContractTest {

    /** Records read by the sinks, as "sink@time:value". */
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

    @Test
    void shouldRefuseASendOnAnOutputTheInputDeclaredItDoesNotReach() {
        // The reproduction of issue 15: input 0 reaches output 0 only, the operator drops its
        // capabilities and sends each input batch on output 1. Without the check the sink on output 1
        // read records behind its frontier and the run then stalled.
        assertThatThrownBy(() -> run(1, scope -> {
            Stream<Long> numbers = numbers(scope, 3);
            OperatorBuilder b = scope.operator("split");
            InputHandle<Long> in = b.input(numbers, Pact.pipeline());
            OutputHandle<Long> first = b.output();
            OutputHandle<Long> second = b.output();
            b.summary(0, 1);
            b.build(caps -> {
                caps.forEach(Capability::drop);
                return () -> in.forEach(second::send);
            });
            collect(first.stream(), "first");
            collect(second.stream(), "second");
        }))
                .isInstanceOf(OperatorFailure.class)
                .hasMessageContaining("operator 'flow.split'")
                .hasMessageContaining("sent at time 0 on output 1")
                .hasMessageContaining("input 0 consumed {0}, whose declared summary to output 1 is none")
                .hasMessageContaining("OperatorBuilder.summary");
        assertThat(seen).noneMatch(s -> s.startsWith("second"));
    }

    @Test
    void shouldAllowSendsAtTheTimeAnInputsSummaryCarriesItToAndLater() {
        PathSummary plusTwo = PathSummary.of(TimeDomain.EPOCHS, 2);
        run(1, scope -> {
            OperatorBuilder b = scope.operator("shift");
            InputHandle<Long> in = b.input(numbers(scope, 3), Pact.pipeline());
            OutputHandle<Long> out = b.output();
            b.summary(0, 0, plusTwo);
            b.build(caps -> {
                caps.forEach(Capability::drop);
                return () -> in.forEach(batch -> {
                    out.giveAt(batch.time() + 2, batch.get(0));
                    out.giveAt(batch.time() + 5, batch.get(0));
                });
            });
            collect(out.stream(), "out");
        });
        assertThat(seen).containsExactlyInAnyOrder("out@2:0", "out@5:0", "out@3:1", "out@6:1", "out@4:2", "out@7:2");
    }

    @Test
    void shouldRefuseASendBeforeTheTimeTheSummaryCarriesTheInputTo() {
        PathSummary plusTwo = PathSummary.of(TimeDomain.EPOCHS, 2);
        assertThatThrownBy(() -> run(1, scope -> {
            OperatorBuilder b = scope.operator("shift");
            InputHandle<Long> in = b.input(numbers(scope, 3), Pact.pipeline());
            OutputHandle<Long> out = b.output();
            b.summary(0, 0, plusTwo);
            b.build(caps -> {
                caps.forEach(Capability::drop);
                return () -> in.forEach(batch -> out.giveAt(batch.time() + 1, batch.get(0)));
            });
            collect(out.stream(), "out");
        }))
                .isInstanceOf(OperatorFailure.class)
                .hasMessageContaining("sent at time 1 on output 0")
                .hasMessageContaining("whose declared summary to output 0 is [+2]");
    }

    @Test
    void shouldRetainACapabilityOnlyWhereTheSummaryAllows() {
        PathSummary plusOne = PathSummary.of(TimeDomain.EPOCHS, 1);
        List<String> refused = new ArrayList<>();
        run(1, scope -> {
            OperatorBuilder b = scope.operator("later");
            InputHandle<Long> in = b.input(numbers(scope, 2), Pact.pipeline());
            OutputHandle<Long> out = b.output();
            b.summary(0, 0, plusOne);
            b.build(caps -> {
                caps.forEach(Capability::drop);
                return () -> in.forEach(batch -> {
                    try {
                        in.retain(batch.time(), out).drop();
                    } catch (OperatorFailure e) {
                        refused.add(e.getCause().getMessage());
                    }
                    Capability cap = in.retain(batch.time() + 1, out);
                    out.give(cap, batch.get(0) * 10);
                    cap.drop();
                });
            });
            collect(out.stream(), "out");
        });
        assertThat(seen).containsExactlyInAnyOrder("out@1:0", "out@2:10");
        assertThat(refused).hasSize(2).allMatch(m -> m.contains("retained a capability at time"));
    }

    @Test
    void shouldAllowAnyOutputUnderAHeldCapabilityWhateverTheSummaries() {
        run(1, scope -> {
            OperatorBuilder b = scope.operator("held");
            InputHandle<Long> in = b.input(numbers(scope, 2), Pact.pipeline());
            OutputHandle<Long> first = b.output();
            OutputHandle<Long> second = b.output();
            b.summary(0, 1);
            b.build(caps -> {
                caps.get(0).drop();
                Capability kept = caps.get(1);
                return () -> {
                    in.forEach(batch -> {
                        first.send(batch);
                        second.giveAt(kept.time() + 7, -1L);
                    });
                    if (in.frontier().isEmpty() && kept.isValid()) {
                        kept.drop();
                    }
                };
            });
            collect(first.stream(), "first");
            collect(second.stream(), "second");
        });
        assertThat(seen).containsExactlyInAnyOrder("first@0:0", "first@1:1", "second@7:-1", "second@7:-1");
    }

    @Test
    void shouldGrantEachInputOnlyTheOutputsItsSummariesReach() {
        // Input 0 reaches output 0 only; input 1 reaches both. A batch of input 1 lets the operator
        // send on output 1, a batch of input 0 does not.
        run(1, scope -> {
            OperatorBuilder b = scope.operator("two");
            InputHandle<Long> a = b.input(numbers(scope, 2), Pact.pipeline());
            InputHandle<Long> c = b.input(Operators.epochSource(scope, "letters",
                    e -> e < 1 ? List.of(100L) : null), Pact.pipeline());
            OutputHandle<Long> first = b.output();
            OutputHandle<Long> second = b.output();
            b.summary(0, 1);
            b.build(caps -> {
                caps.forEach(Capability::drop);
                return () -> {
                    a.forEach(first::send);
                    c.forEach(batch -> {
                        Batch<Long> copy = new Batch<>(batch.time());
                        copy.add(batch.get(0));
                        first.send(batch);
                        second.send(copy);
                    });
                };
            });
            collect(first.stream(), "first");
            collect(second.stream(), "second");
        });
        assertThat(seen).containsExactlyInAnyOrder("first@0:0", "first@1:1", "first@0:100", "second@0:100");

        seen.clear();
        assertThatThrownBy(() -> run(1, scope -> {
            OperatorBuilder b = scope.operator("two");
            InputHandle<Long> a = b.input(numbers(scope, 2), Pact.pipeline());
            b.input(Operators.epochSource(scope, "letters", e -> e < 1 ? List.of(100L) : null), Pact.pipeline());
            OutputHandle<Long> first = b.output();
            OutputHandle<Long> second = b.output();
            b.summary(0, 1);
            b.build(caps -> {
                caps.forEach(Capability::drop);
                return () -> a.forEach(second::send);
            });
            collect(first.stream(), "first");
            collect(second.stream(), "second");
        }))
                .isInstanceOf(OperatorFailure.class)
                .hasMessageContaining("operator 'flow.two' sent at time 0 on output 1");
    }

    @Test
    void shouldCheckSummariesInLoopScopesByIteration() {
        // Inside a loop, an operator declares that it advances the iteration: it may send at
        // (t, i + 1) for a batch at (t, i), not at (t, i).
        run(1, scope -> {
            Stream<Long> result = scope.iterate("loop", 8, loop -> {
                TimeDomain domain = loop.domain();
                Feedback<Long> back = loop.feedback("back");
                Stream<Long> entered = numbers(scope, 2).enter(loop);
                OperatorBuilder b = loop.operator("step");
                InputHandle<Long> in = b.input(entered, Pact.pipeline());
                InputHandle<Long> fed = b.input(back.stream(), Pact.pipeline());
                OutputHandle<Long> next = b.output();
                OutputHandle<Long> done = b.output();
                PathSummary advance = PathSummary.of(domain, 0, 1);
                b.summary(0, 0, advance).summary(1, 0, advance);
                b.build(caps -> {
                    caps.forEach(Capability::drop);
                    return () -> {
                        in.forEach(batch -> forward(batch, next, done, domain));
                        fed.forEach(batch -> forward(batch, next, done, domain));
                    };
                });
                back.connect(Operators.chain(next.stream(), "identity", Pact.pipeline(), (batch, out) -> out.accept(batch)));
                return done.stream().leave();
            });
            collect(result, "out");
        });
        // Each round trip adds two iterations: one declared by the step, one by the feedback edge.
        assertThat(seen).containsExactlyInAnyOrder("out@0:0", "out@0:2", "out@0:4", "out@1:1", "out@1:3", "out@1:5");
    }

    /** Sends the value plus the iteration on {@code done}, and the value on to the next iteration on {@code next}. */
    private static void forward(Batch<Long> batch, OutputHandle<Long> next, OutputHandle<Long> done, TimeDomain domain) {
        long iteration = domain.component(batch.time(), 1);
        for (int i = 0; i < batch.size(); i++) {
            done.giveAt(batch.time(), batch.get(i) + iteration);
            if (iteration < 3) {
                next.giveAt(PathSummary.of(domain, 0, 1).resultsIn(batch.time()), batch.get(i));
            }
        }
    }

    private interface Body {
        void build(Scope scope);
    }

    private static void run(int workers, Body body) {
        new Execution(ExecutionConfig.defaults(workers)).run(worker -> worker.dataflow("flow", body::build));
    }

    /** {@code epochs} epochs from 0, each holding its own number once. */
    private static Stream<Long> numbers(Scope scope, int epochs) {
        return Operators.epochSource(scope, "numbers", e -> e < epochs ? List.of(e) : null);
    }

    private void collect(Stream<Long> stream, String name) {
        Operators.sink(stream, name, Pact.pipeline(), batch -> {
            for (int i = 0; i < batch.size(); i++) {
                seen.add(name + "@" + batch.time() + ":" + batch.get(i));
            }
        });
    }
}
