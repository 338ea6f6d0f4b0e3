package dev.weft.cli;

import dev.weft.runtime.Runner;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JVM shutdown hook for the length of one {@code weft run}: on Ctrl-C or SIGTERM it cancels the
 * run, so every worker stops promptly, and holds the JVM up until the run has reported how it
 * ended (at most a grace period), so the user sees why the process stopped. The JVM then exits
 * with its own code for the signal (130 for Ctrl-C, 143 for SIGTERM).
 *
 * <p>Usage: {@link #install} before building the dataflow, {@link #watch} the runner, check
 * {@link #triggered()} before starting it, and {@link #close()} after the outcome is reported.
 */
final class ShutdownCancellation implements AutoCloseable {

    /** Why the run was cancelled, as its {@code CancellationException} will say. */
    static final String REASON = "the JVM is shutting down (Ctrl-C or SIGTERM)";

    /** How often the hook repeats its cancel while the run has not ended. */
    private static final long RETRY_MILLIS = 50;

    /** Where shutdown hooks are registered: the JVM's, or a fake in tests. */
    interface Hooks {
        /** Registers {@code hook} to run when the JVM shuts down. */
        void add(Thread hook);

        /** Unregisters {@code hook}; does nothing once shutdown has begun. */
        void remove(Thread hook);
    }

    /** The JVM's shutdown hooks. */
    static final Hooks RUNTIME = new Hooks() {
        @Override
        public void add(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void remove(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run; nothing to undo.
            }
        }
    };

    private final Hooks hooks;
    private final PrintWriter err;
    private final Duration grace;
    private final Thread hook;
    private final AtomicReference<Runner> runner = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean triggered;

    private ShutdownCancellation(Hooks hooks, PrintWriter err, Duration grace) {
        this.hooks = hooks;
        this.err = err;
        this.grace = grace;
        this.hook = new Thread(this::onShutdown, "weft-shutdown");
    }

    /**
     * Registers the hook.
     *
     * @param hooks where to register it
     * @param err where to say that the run is being cancelled
     * @param grace how long the hook waits for the run to end before letting the JVM exit anyway
     */
    static ShutdownCancellation install(Hooks hooks, PrintWriter err, Duration grace) {
        ShutdownCancellation cancellation = new ShutdownCancellation(hooks, err, grace);
        hooks.add(cancellation.hook);
        return cancellation;
    }

    /** The runner to cancel on shutdown. */
    void watch(Runner run) {
        runner.set(run);
    }

    /** Whether shutdown has begun: if so, do not start the run. */
    boolean triggered() {
        return triggered;
    }

    /** Reports that the run has ended and its outcome is printed, and unregisters the hook. */
    @Override
    public void close() {
        ended.countDown();
        hooks.remove(hook);
    }

    private void onShutdown() {
        triggered = true;
        err.println("weft run: shutting down (Ctrl-C or SIGTERM): cancelling every worker");
        err.flush();
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            // Repeat the cancel: a runner cancelled before its execution started would miss one.
            while (true) {
                Runner run = runner.get();
                if (run != null) {
                    run.cancel(REASON);
                }
                if (ended.await(RETRY_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    err.println("weft run: the workers did not stop within " + grace.toMillis() + " ms; exiting anyway");
                    err.flush();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
