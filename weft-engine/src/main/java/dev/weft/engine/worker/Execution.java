package dev.weft.engine.worker;

import dev.weft.engine.communication.ThreadCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs a dataflow on N worker threads in this JVM.
 *
 * <pre>{@code
 * new Execution(ExecutionConfig.defaults(4)).run(worker -> worker.dataflow("count", scope -> {
 *     Stream<Long> numbers = Operators.epochSource(scope, "numbers", e -> e < 10 ? List.of(e) : null);
 *     Operators.sink(numbers, "print", Pact.pipeline(), batch -> System.out.println(batch));
 * }));
 * }</pre>
 *
 * <p>{@code build} runs once on each worker thread and must build the same dataflows on every
 * worker. {@link #run} returns when every dataflow has finished on every worker. The first
 * failure on any worker stops them all and is thrown by {@link #run}: an
 * {@link dev.weft.engine.dataflow.OperatorFailure} naming the operator and worker, a
 * {@link StalledException} when nothing can move, or a {@link CancellationException} after
 * {@link #cancel(String)}.
 *
 * <p>Whatever ends a worker (its dataflows finished, a failure on any worker, a cancel), it closes
 * what its operators opened ({@link dev.weft.engine.dataflow.WorkerContext#own}) before
 * {@link #run} returns or throws: a close that fails is attached as suppressed to the failure
 * thrown, or is itself thrown after an otherwise successful run.
 */
public final class Execution {

    private final ExecutionConfig config;
    private final ThreadCluster cluster;
    private final ExecutionState state;

    /** An execution configured by {@code config}. */
    public Execution(ExecutionConfig config) {
        this.config = config;
        this.cluster = new ThreadCluster(config.workers(), config.serializing());
        this.state = new ExecutionState(config.workers(), config.stallTimeout().toNanos(), cluster::allQueuesEmpty,
                this::wakeAll);
    }

    /**
     * Builds the dataflows on every worker and runs them to completion.
     *
     * @throws RuntimeException the first failure of any worker
     */
    public void run(Consumer<Worker> build) {
        config.codecs().freeze();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < config.workers(); w++) {
            int index = w;
            Thread thread = new Thread(() -> runWorker(index, build), "weft-worker-" + index);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel("interrupted");
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = state.failure();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Stops every worker promptly; {@link #run} then throws a {@link CancellationException}. Thread-safe. */
    public void cancel(String reason) {
        state.fail(new CancellationException("execution cancelled: " + reason));
    }

    /**
     * Tells the workers that the run's clock has moved, so timers that have come due fire at once.
     * Call it after every move of a manual clock; the system clock needs no calls. Thread-safe.
     */
    public void clockMoved() {
        wakeAll();
    }

    /** How many times an idle worker has checked whether the execution stalled. */
    long stallChecks() {
        return state.stallChecks();
    }

    private void runWorker(int index, Consumer<Worker> build) {
        cluster.allocator(index).signal().bindToCurrentThread();
        Worker worker = new Worker(cluster.allocator(index), config, state);
        java.util.concurrent.atomic.AtomicBoolean idle = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            build.accept(worker);
            worker.run();
        } catch (Throwable t) {
            state.fail(t);
        } finally {
            Throwable closeFailure = worker.closeOwnedResources();
            if (closeFailure != null) {
                state.failOrSuppress(closeFailure);
            }
            state.workerFinished(idle);
        }
    }

    private void wakeAll() {
        for (int w = 0; w < config.workers(); w++) {
            cluster.allocator(w).signal().wake();
        }
    }
}
