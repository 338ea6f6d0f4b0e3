package dev.weft.core;

import dev.weft.engine.dataflow.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps an operator's one engine timer at its earliest processing-time deadline: re-armed only for
 * an earlier time than the one armed, and, once it fires, for whatever is then earliest. So a
 * deadline that keeps moving later (a timeout restarted by every value) queues nothing new in the
 * engine. Belongs to the operator's worker thread.
 */
final class DeadlineWakeup {

    private final Scope scope;
    private final Runnable activate;
    private final Clock clock;
    private Instant armedFor;
    /** Bumped on every arm and cancel; an engine timer of an older generation does nothing when it fires. */
    private long generation;

    DeadlineWakeup(Scope scope, Runnable activate, Clock clock) {
        this.scope = scope;
        this.activate = activate;
        this.clock = clock;
    }

    /** Makes sure the operator runs at {@code earliest} (or never, for {@code null}). */
    void follow(Instant earliest) {
        if (earliest == null) {
            cancel();
            return;
        }
        if (armedFor != null && !earliest.isBefore(armedFor)) {
            return;
        }
        armedFor = earliest;
        long armed = ++generation;
        scope.worker().activateAfter(nanosUntil(earliest), () -> {
            if (armed == generation) {
                armedFor = null;
                activate.run();
            }
        });
    }

    /** Stops waking the operator. */
    void cancel() {
        armedFor = null;
        generation++;
    }

    private long nanosUntil(Instant at) {
        Duration until = Duration.between(clock.instant(), at);
        if (until.isNegative()) {
            return 0;
        }
        return until.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : until.toNanos();
    }
}
