package dev.weft.engine.worker;

import dev.weft.engine.communication.SimulatedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs W logical workers on the calling thread, interleaving worker steps and message deliveries
 * in an order drawn from a seed: the deterministic execution for randomized tests. The same seed
 * and the same dataflows replay exactly, so a failing seed can be debugged.
 *
 * <pre>{@code
 * SimulatedExecution sim = new SimulatedExecution(ExecutionConfig.defaults(3), seed);
 * sim.build(worker -> worker.dataflow("test", scope -> { ... }));
 * sim.runToCompletion(1_000_000);
 * }</pre>
 *
 * <p>Between any two actions a test may inspect every worker ({@link #workers()}), for example to
 * compare frontiers with an oracle; {@link #runToCompletion(long, Runnable)} calls a check after
 * every action.
 */
public final class SimulatedExecution {

    private final SimulatedCluster cluster;
    private final ExecutionState state;
    private final List<Worker> workers = new ArrayList<>();
    private final Random random;

    /** Logical workers as configured by {@code config}, scheduled by a generator seeded with {@code seed}. */
    public SimulatedExecution(ExecutionConfig config, long seed) {
        this.cluster = new SimulatedCluster(config.workers(), config.serializing());
        this.state = new ExecutionState(config.workers(), Long.MAX_VALUE, () -> true, () -> { });
        this.random = new Random(seed);
        config.codecs().freeze();
        for (int w = 0; w < config.workers(); w++) {
            workers.add(new Worker(cluster.allocator(w), config, state));
        }
    }

    /** Runs {@code build} for every worker, in index order. */
    public void build(Consumer<Worker> build) {
        for (Worker worker : workers) {
            build.accept(worker);
        }
    }

    /** The workers, by index. */
    public List<Worker> workers() {
        return workers;
    }

    /** Whether every worker has finished and no message is in transit. */
    public boolean isDone() {
        for (Worker w : workers) {
            if (!w.isDone()) {
                return false;
            }
        }
        return !cluster.inTransit();
    }

    /** Same as {@link #runToCompletion(long, Runnable)} without a check. */
    public long runToCompletion(long maxActions) {
        return runToCompletion(maxActions, () -> { });
    }

    /**
     * Performs random actions (deliver one message in transit, or step one unfinished worker)
     * until every worker has finished, calling {@code check} after each action.
     *
     * <p>However it ends, every worker then closes what its operators opened
     * ({@link dev.weft.engine.dataflow.WorkerContext#own}); a close failure is suppressed onto the
     * failure thrown, or thrown itself after an otherwise successful run.
     *
     * @return the number of actions performed
     * @throws StalledException if no action can change anything but some worker is unfinished
     * @throws IllegalStateException if {@code maxActions} are not enough
     */
    public long runToCompletion(long maxActions, Runnable check) {
        Throwable failure = null;
        try {
            return runActions(maxActions, check, false);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            closeOwnedResources(failure);
        }
    }

    private void closeOwnedResources(Throwable failure) {
        Throwable first = failure;
        for (Worker w : workers) {
            Throwable closeFailure = w.closeOwnedResources();
            if (closeFailure == null) {
                continue;
            }
            if (first == null) {
                first = closeFailure;
            } else {
                first.addSuppressed(closeFailure);
            }
        }
        if (failure == null && first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure == null && first instanceof Error error) {
            throw error;
        }
        if (failure == null && first != null) {
            throw new IllegalStateException("closing what a worker opened failed: " + first, first);
        }
    }

    /**
     * Performs random actions, as {@link #runToCompletion(long, Runnable)} does, until every worker
     * has finished or no action can change anything any more (the workers wait for input from
     * outside, or for a clock move), and returns without closing anything, so that a test can feed
     * input or move a manual clock and go on.
     *
     * @return whether every worker has finished
     * @throws IllegalStateException if {@code maxActions} are not enough
     */
    public boolean runUntilQuiet(long maxActions) {
        return runActions(maxActions, () -> { }, true) >= 0;
    }

    /** The number of actions performed, or -1 if, as asked, it returned once quiet. */
    private long runActions(long maxActions, Runnable check, boolean returnWhenQuiet) {
        long actions = 0;
        int idleSweeps = 0;
        while (!isDone()) {
            if (actions++ >= maxActions) {
                throw new IllegalStateException("not finished after " + maxActions + " actions");
            }
            boolean changed;
            if (cluster.inTransit() && random.nextInt(3) == 0) {
                changed = cluster.deliverOne(random);
            } else {
                Worker w = workers.get(random.nextInt(workers.size()));
                changed = !w.isDone() && w.step();
            }
            check.run();
            if (changed || cluster.inTransit()) {
                idleSweeps = 0;
            } else if (++idleSweeps > 50 * workers.size() && noWorkerCanStep()) {
                if (returnWhenQuiet) {
                    return -1;
                }
                throw new StalledException("simulated execution stalled:\n" + describeOutstanding());
            }
        }
        return actions;
    }

    private boolean noWorkerCanStep() {
        for (Worker w : workers) {
            if (!w.isDone() && w.step()) {
                return false;
            }
        }
        return true;
    }

    private String describeOutstanding() {
        StringBuilder out = new StringBuilder();
        for (Worker w : workers) {
            out.append("worker ").append(w.index()).append(":\n").append(w.describeOutstanding());
        }
        return out.toString();
    }
}
