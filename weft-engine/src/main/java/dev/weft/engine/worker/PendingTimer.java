package dev.weft.engine.worker;

import java.time.Instant;

/**
 * A timer pending on a worker, as stall detection sees it.
 *
 * @param worker the worker whose queue holds it
 * @param owner the operator it wakes
 * @param at when it is due on the run's clock
 */
record PendingTimer(int worker, String owner, Instant at) {

    @Override
    public String toString() {
        return "timer of '" + owner + "' on worker " + worker + ", due at " + at;
    }
}
