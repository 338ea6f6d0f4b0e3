package dev.weft.engine.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;

/**
 * What the workers of one execution share: the first failure, and what stall detection needs
 * (how many workers are idle, which timers are pending, activators open, whether anything moved).
 * Thread-safe.
 */
final class ExecutionState {

    private final int workers;
    private final long stallTimeoutNanos;
    private final BooleanSupplier queuesEmpty;
    private final Runnable wakeAll;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean failed;
    private final AtomicInteger idleWorkers = new AtomicInteger();
    private final AtomicReferenceArray<List<PendingTimer>> pendingTimers;
    private final AtomicInteger openActivators = new AtomicInteger();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong stallChecks = new AtomicLong();
    private long stallVersion = -1;
    private long stallSinceNanos;

    ExecutionState(int workers, long stallTimeoutNanos, BooleanSupplier queuesEmpty, Runnable wakeAll) {
        this.workers = workers;
        this.stallTimeoutNanos = stallTimeoutNanos;
        this.queuesEmpty = queuesEmpty;
        this.wakeAll = wakeAll;
        this.pendingTimers = new AtomicReferenceArray<>(workers);
        for (int w = 0; w < workers; w++) {
            pendingTimers.set(w, List.of());
        }
    }

    /** Records the first failure and wakes every worker so that all stop. */
    void fail(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            failed = true;
            wakeAll.run();
        }
    }

    /**
     * Records a failure that came after the work (a resource failing to close as its worker
     * ended): the first failure if there is none yet, otherwise suppressed onto the first.
     */
    void failOrSuppress(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            failed = true;
            wakeAll.run();
            return;
        }
        Throwable first = failure.get();
        if (first != cause) {
            first.addSuppressed(cause);
        }
    }

    boolean failed() {
        return failed;
    }

    Throwable failure() {
        return failure.get();
    }

    /** How long an idle worker parks before it looks again (for timers and stalls). */
    long idlePollNanos() {
        return Math.max(1_000_000L, Math.min(100_000_000L, stallTimeoutNanos / 4));
    }

    void goingIdle(AtomicBoolean idle) {
        if (idle.compareAndSet(false, true)) {
            idleWorkers.incrementAndGet();
        }
    }

    void workDone(AtomicBoolean idle) {
        if (idle.compareAndSet(true, false)) {
            idleWorkers.decrementAndGet();
            version.incrementAndGet();
        }
    }

    /** A worker has finished all its dataflows: it stays idle for good. */
    void workerFinished(AtomicBoolean idle) {
        goingIdle(idle);
    }

    /** Publishes the timers pending on {@code worker}, for stall detection; called before it goes idle. */
    void timersPending(int worker, List<PendingTimer> timers) {
        pendingTimers.set(worker, timers);
    }

    void activatorOpened() {
        openActivators.incrementAndGet();
    }

    void activatorClosed() {
        openActivators.decrementAndGet();
    }

    /**
     * Called by an idle worker with unfinished dataflows: fails the execution as stalled once
     * every worker has been idle for the stall timeout with no message or open activator that
     * could wake anyone, and no pending timer whose operator could make progress (one that holds a
     * capability or has input waiting: firing any other timer changes no frontier).
     */
    synchronized void checkForStall(Worker worker) {
        stallChecks.incrementAndGet();
        boolean quiet = idleWorkers.get() == workers && openActivators.get() == 0 && queuesEmpty.getAsBoolean();
        List<PendingTimer> timers = quiet ? allPendingTimers() : List.of();
        for (PendingTimer timer : timers) {
            if (worker.mayProgress(timer.owner())) {
                quiet = false;
                break;
            }
        }
        if (!quiet) {
            stallVersion = -1;
            return;
        }
        long now = System.nanoTime();
        long v = version.get();
        if (v != stallVersion) {
            stallVersion = v;
            stallSinceNanos = now;
            return;
        }
        if (now - stallSinceNanos >= stallTimeoutNanos) {
            StringBuilder report = new StringBuilder("the dataflow cannot make progress: every input is closed, no"
                    + " wake-up from another thread is pending, no pending timer belongs to an operator that could"
                    + " make progress, and every worker is idle, but these pointstamps are still outstanding"
                    + " (a capability that is never dropped, or records no operator will consume):\n");
            report.append(worker.describeOutstanding());
            if (!timers.isEmpty()) {
                report.append("pending timers (their operators hold no capability and have no input waiting, so"
                        + " firing them cannot help):\n");
                for (PendingTimer timer : timers) {
                    report.append("  ").append(timer).append('\n');
                }
            }
            fail(new StalledException(report.toString()));
        }
    }

    /** How many times an idle worker has checked for a stall (for tests that show none is declared). */
    long stallChecks() {
        return stallChecks.get();
    }

    private List<PendingTimer> allPendingTimers() {
        List<PendingTimer> all = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            all.addAll(pendingTimers.get(w));
        }
        return all;
    }
}
