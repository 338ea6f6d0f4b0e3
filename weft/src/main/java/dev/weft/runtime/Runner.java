package dev.weft.runtime;

import dev.weft.Dataflow;
import dev.weft.StepException;
import dev.weft.core.ApiAccess;
import dev.weft.core.Graph;
import dev.weft.engine.dataflow.OperatorFailure;
import dev.weft.engine.worker.Execution;
import dev.weft.engine.worker.ExecutionConfig;
import dev.weft.testing.TestClock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a dataflow on worker threads in this JVM until every input has ended.
 *
 * <p>Failures are thrown: a {@link StepException} naming the step, worker and key when a user
 * function threw; an {@link IllegalStateException} when the dataflow is invalid. A source that
 * aborts (the testing source's ABORT marker) stops every worker at once, as a crash would, and
 * the run returns normally. {@link #cancel(String)} (from a shutdown hook, say) stops a run from
 * another thread.
 *
 * <p>However a run ends (success, a failure on any worker, a cancel, an abort), every source
 * partition and sink writer it opened is closed exactly once before {@link #run()} returns or
 * throws. A close that fails fails the run with a {@link StepException} naming the step and worker
 * (after everything else was closed); after another failure it is attached to it as suppressed.
 */
public final class Runner {

    private final Dataflow flow;
    private final RunConfig config;
    private final AtomicReference<Execution> execution = new AtomicReference<>();
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final AtomicReference<String> cancelledBeforeStart = new AtomicReference<>();

    /**
     * A runner for {@code flow} under {@code config}.
     *
     * @throws IllegalStateException if the dataflow cannot run: it has no input, or no output or
     *     inspecting step; the message says what to add
     */
    public Runner(Dataflow flow, RunConfig config) {
        ApiAccess.graph(flow).validate();
        this.flow = flow;
        this.config = config;
    }

    /**
     * Runs {@code flow} under {@code config} to completion.
     *
     * @throws IllegalStateException if the dataflow cannot run
     * @throws StepException when a step fails
     */
    public static void run(Dataflow flow, RunConfig config) {
        new Runner(flow, config).run();
    }

    /**
     * Runs the dataflow to completion on the calling thread's behalf.
     *
     * @throws StepException when a step fails
     * @throws CancellationException when cancelled
     */
    public void run() {
        ExecutionConfig engine = ExecutionConfig.defaults(config.workers())
                .withSerializing(config.serializing())
                .withMaxRecordsInFlight(config.maxRecordsInFlight())
                .withCodecs(flow.codecs())
                .withStallTimeout(java.time.Duration.ofSeconds(5))
                .withClock(config.clock());
        Execution exec = new Execution(engine);
        execution.set(exec);
        String early = cancelledBeforeStart.get();
        if (early != null) {
            throw new CancellationException("execution cancelled: " + early);
        }
        Runnable abort = () -> {
            aborted.set(true);
            exec.cancel("a source aborted the execution");
        };
        TestClock.Subscription clockMoves = config.clock() instanceof TestClock test ? test.onMove(exec::clockMoved)
                : () -> { };
        try (clockMoves) {
            exec.run(worker -> worker.dataflow(flow.id(), scope -> Lowering.build(scope, flow,
                    config.epochInterval(), config.restoreStateEveryBatch(), flow.codecs(), abort)));
        } catch (OperatorFailure failure) {
            if (failure.getCause() instanceof StepException step) {
                moveSuppressed(failure, step);
                throw namingTheUsersStep(step);
            }
            throw failure;
        } catch (CancellationException cancelled) {
            if (!aborted.get()) {
                throw cancelled;
            }
            Throwable[] closeFailures = cancelled.getSuppressed();
            if (closeFailures.length > 0 && closeFailures[0] instanceof RuntimeException first) {
                // An abort ends the run as a crash would, but a connector that failed to close is a real failure.
                moveSuppressed(cancelled, first);
                throw first;
            }
        }
    }

    /** Attaches what {@code from} suppressed (close failures as the workers stopped) to {@code to}, which is thrown instead. */
    private static void moveSuppressed(Throwable from, Throwable to) {
        for (Throwable suppressed : from.getSuppressed()) {
            if (suppressed != to) {
                to.addSuppressed(suppressed);
            }
        }
    }

    /**
     * {@code failure} naming the step the user created: a core step that a built-in operator made as
     * one of its parts ({@code reduceFinal}'s combiner, say) is named by that operator's id.
     */
    private StepException namingTheUsersStep(StepException failure) {
        Graph graph = ApiAccess.graph(flow);
        String userStepId = graph.userStepId(failure.stepId());
        if (userStepId.equals(failure.stepId())) {
            return failure;
        }
        StepException renamed = ApiAccess.api().stepException(userStepId, failure.worker(), failure.role(),
                failure.partition(), failure.key(), failure.hasKey(), failure.getCause());
        renamed.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            renamed.addSuppressed(suppressed);
        }
        return renamed;
    }

    /** Stops the run promptly from any thread; {@link #run()} then throws a {@link CancellationException}. */
    public void cancel(String reason) {
        cancelledBeforeStart.compareAndSet(null, reason);
        Execution exec = execution.get();
        if (exec != null) {
            exec.cancel(reason);
        }
    }
}
