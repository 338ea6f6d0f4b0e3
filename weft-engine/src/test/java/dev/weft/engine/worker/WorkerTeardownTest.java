package dev.weft.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.OperatorFailure;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Owned;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.dataflow.SyncActivator;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever ends a worker (its dataflows finished, a failure on any worker, a cancel), it closes what
 * its operators handed it ({@code WorkerContext.own}) and the wake-up handles it gave out, each
 * exactly once, before the execution returns or throws; a close failure is suppressed onto the
 * failure that ended the run, or is the failure of an otherwise successful one.
 */
@Timeout(60)
class WorkerTeardownTest {

    private static final int WORKERS = 3;

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final CountDownLatch allOpened = new CountDownLatch(WORKERS);

    /** A resource that counts its closes, failing on the workers {@code failOn} names. */
    private AutoCloseable resource(int worker, int failOn) {
        opened.incrementAndGet();
        return () -> {
            closed.incrementAndGet();
            if (worker == failOn) {
                throw new UncheckedIOException(new IOException("cannot close the resource of worker " + worker));
            }
        };
    }

    /**
     * Each worker's source owns a resource and a wake-up handle, then emits nothing and never ends
     * (the open handle keeps it from being reported stalled); on worker {@code throwOn} it then throws.
     */
    private void neverEnding(Execution execution, int throwOn, int closeFailsOn) {
        execution.run(worker -> worker.dataflow("flow", scope -> {
            boolean[] started = new boolean[1];
            Stream<Long> out = Operators.source(scope, "source", context -> {
                if (started[0]) {
                    return;
                }
                started[0] = true;
                scope.worker().own(resource(worker.index(), closeFailsOn));
                context.syncActivator();
                allOpened.countDown();
                if (worker.index() == throwOn) {
                    await(allOpened);
                    throw new IllegalStateException("worker " + throwOn + " fails");
                }
            });
            Operators.sink(out, "sink", Pact.pipeline(), batch -> { });
        }));
    }

    @Test
    void shouldCloseOnceWhatAnOperatorClosedEarlyOrLeftOpenWhenTheRunSucceeds() {
        new Execution(ExecutionConfig.defaults(WORKERS)).run(worker -> worker.dataflow("flow", scope -> {
            Owned early = scope.worker().own(resource(worker.index(), -1));
            scope.worker().own(resource(worker.index(), -1));
            Stream<Long> numbers = Operators.source(scope, "numbers", context -> {
                Capability capability = context.capability();
                context.output().give(capability, 1L);
                try {
                    early.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                capability.drop();
            });
            Operators.sink(numbers, "sink", Pact.pipeline(), batch -> { });
        }));

        assertThat(opened).hasValue(2 * WORKERS);
        assertThat(closed).hasValue(2 * WORKERS);
    }

    @Test
    void shouldCloseEveryWorkersResourcesOnceWhenOneWorkerFails() {
        Throwable failure = catchThrowable(() -> neverEnding(new Execution(ExecutionConfig.defaults(WORKERS)), 1, -1));

        assertThat(failure).isInstanceOf(OperatorFailure.class).hasMessageContaining("worker 1 fails");
        assertThat(opened).hasValue(WORKERS);
        assertThat(closed).hasValue(WORKERS);
    }

    @Test
    void shouldCloseEveryWorkersResourcesOnceWhenCancelled() throws Exception {
        Execution execution = new Execution(ExecutionConfig.defaults(WORKERS));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread running = new Thread(() -> {
            try {
                neverEnding(execution, -1, -1);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        running.start();
        await(allOpened);

        execution.cancel("the test is done");
        running.join();

        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        assertThat(closed).hasValue(WORKERS);
    }

    @Test
    void shouldSuppressACloseFailureOntoTheFailureThatEndedTheRun() {
        Throwable failure = catchThrowable(() -> neverEnding(new Execution(ExecutionConfig.defaults(WORKERS)), 1, 2));

        assertThat(failure).isInstanceOf(OperatorFailure.class).hasMessageContaining("worker 1 fails");
        assertThat(failure.getSuppressed()).singleElement()
                .satisfies(s -> assertThat(s).hasMessageContaining("cannot close the resource of worker 2"));
        assertThat(closed).hasValue(WORKERS);
    }

    @Test
    void shouldFailAnOtherwiseSuccessfulRunWithACloseFailure() {
        Throwable failure = catchThrowable(() -> new Execution(ExecutionConfig.defaults(WORKERS))
                .run(worker -> worker.dataflow("flow", scope -> {
                    scope.worker().own(resource(worker.index(), 0));
                    Stream<Long> numbers = Operators.epochSource(scope, "numbers", e -> e < 2 ? List.of(e) : null);
                    Operators.sink(numbers, "sink", Pact.pipeline(), batch -> { });
                })));

        assertThat(failure).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot close the resource of worker 0");
        assertThat(closed).hasValue(WORKERS);
    }

    @Test
    void shouldSilenceAWakeUpHandleLeftOpenOnceItsWorkerHasEnded() {
        AtomicReference<SyncActivator> handle = new AtomicReference<>();
        AtomicInteger activations = new AtomicInteger();
        SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(1), 1);
        sim.build(worker -> worker.dataflow("flow", scope -> {
            handle.set(scope.worker().syncActivator(activations::incrementAndGet));
            Stream<Long> numbers = Operators.epochSource(scope, "numbers", e -> e < 2 ? List.of(e) : null);
            Operators.sink(numbers, "sink", Pact.pipeline(), batch -> { });
        }));
        handle.get().activate();
        sim.workers().get(0).step();
        assertThat(activations).as("while the worker runs").hasValue(1);

        sim.runToCompletion(10_000);
        handle.get().activate();
        sim.workers().get(0).step();

        assertThat(activations).as("after the worker ended").hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every worker opened its resources within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
