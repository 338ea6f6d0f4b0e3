package dev.weft.core;

import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.WakeupTimer;
import java.time.Clock;
import java.time.Instant;

/**
 * Wakes an operator at a time on the run's clock that its user code asked for (a stateful logic's
 * {@code notifyAt}, a sink writer's {@code nextAwake}), through one engine timer: asking again
 * moves that timer, so wake-ups never pile up. Belongs to the operator's worker thread.
 */
final class Wakeups {

    private final Clock clock;
    private final WakeupTimer timer;

    /**
     * Wakes the operator named {@code owner}, which {@code activate} schedules, through
     * {@code scope}'s worker.
     */
    Wakeups(Scope scope, String owner, Runnable activate) {
        this.clock = scope.worker().clock();
        this.timer = scope.worker().timer(owner, activate);
    }

    /**
     * Same, for an operator whose name is not known here: its pending wake-up always counts as
     * possible progress for stall detection.
     */
    Wakeups(Scope scope, Runnable activate) {
        this(scope, "(unnamed operator in " + scope.name() + ")", activate);
    }

    /** The run's clock. */
    Clock clock() {
        return clock;
    }

    /** Whether {@code at} (possibly {@code null}: never) has come on the run's clock. */
    boolean due(Instant at) {
        return at != null && !at.isAfter(clock.instant());
    }

    /** Wakes the operator at {@code at}, instead of any time asked before; {@code null} cancels. */
    void arm(Instant at) {
        if (at == null) {
            timer.cancel();
        } else {
            timer.wakeAt(at);
        }
    }

    /** No more wake-ups. */
    void close() {
        timer.close();
    }
}
