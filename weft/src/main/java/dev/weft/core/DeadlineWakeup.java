package dev.weft.core;

import dev.weft.engine.dataflow.WakeupTimer;
import java.time.Instant;

/**
 * Keeps an operator's one engine timer at its earliest processing-time deadline, whatever the number
 * of per-key timers behind it: moved when the earliest deadline changes, cancelled when there is
 * none. Belongs to the operator's worker thread.
 */
final class DeadlineWakeup {

    private final WakeupTimer timer;

    DeadlineWakeup(WakeupTimer timer) {
        this.timer = timer;
    }

    /** Makes sure the operator runs when the run's clock reaches {@code earliest} (never, for {@code null}). */
    void follow(Instant earliest) {
        if (earliest == null || earliest.equals(Instant.MAX)) {
            timer.cancel();
        } else if (!earliest.equals(timer.pendingAt())) {
            timer.wakeAt(earliest);
        }
    }

    /** No more wake-ups (the input has ended). */
    void close() {
        timer.close();
    }
}
