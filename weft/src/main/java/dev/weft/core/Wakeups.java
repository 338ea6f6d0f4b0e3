package dev.weft.core;

import dev.weft.engine.dataflow.Scope;
import java.time.Duration;
import java.time.Instant;

/**
 * Wakes an operator at a system time that its user code asked for (a stateful logic's
 * {@code notifyAt}, a sink writer's {@code nextAwake}), arming at most one engine timer per
 * requested time. Belongs to the operator's worker thread.
 */
final class Wakeups {

    private final Scope scope;
    private final Runnable activate;
    private Instant armedFor;

    /** Wakes the operator that {@code activate} schedules, through {@code scope}'s worker. */
    Wakeups(Scope scope, Runnable activate) {
        this.scope = scope;
        this.activate = activate;
    }

    /** Nanoseconds from now until {@code at}, at least 0, saturating for far-away times. */
    static long nanosUntil(Instant at) {
        Duration until = Duration.between(Instant.now(), at);
        if (until.isNegative()) {
            return 0;
        }
        return until.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : until.toNanos();
    }

    /** Whether {@code at} (possibly {@code null}: never) has come. */
    boolean due(Instant at) {
        return at != null && !at.isAfter(Instant.now());
    }

    /** Schedules an activation at {@code at}, unless it is {@code null} or one is already set for that time. */
    void arm(Instant at) {
        if (at == null || at.equals(armedFor)) {
            return;
        }
        armedFor = at;
        scope.worker().activateAfter(nanosUntil(at), () -> {
            armedFor = null;
            activate.run();
        });
    }
}
