package dev.weft.engine.communication;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Parks an idle worker thread and wakes it when another thread gives it something to do.
 *
 * <p>The protocol is Dekker-style on volatiles: a waker first publishes its work (a queued
 * message, an activation) and then calls {@link #wake()}; the worker first announces it is going
 * to sleep and then re-checks for work before parking. Either the waker sees the announcement
 * and unparks, or the worker sees the work; a wake-up is never lost.
 */
public final class WorkerSignal {

    private volatile Thread owner;
    private volatile boolean sleeping;

    /** Binds the signal to the calling thread, the worker that will park on it. */
    public void bindToCurrentThread() {
        owner = Thread.currentThread();
    }

    /** Wakes the worker if it is parked or about to park. Safe from any thread. */
    public void wake() {
        if (sleeping) {
            Thread t = owner;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Parks the worker for at most {@code timeoutNanos}, unless {@code hasWork} says there is
     * something to do once sleeping has been announced. Returns early on {@link #wake()} or
     * interrupt.
     */
    public void park(long timeoutNanos, BooleanSupplier hasWork) {
        sleeping = true;
        try {
            if (!hasWork.getAsBoolean()) {
                LockSupport.parkNanos(this, timeoutNanos);
            }
        } finally {
            sleeping = false;
        }
    }
}
