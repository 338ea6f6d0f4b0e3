package dev.weft.engine.dataflow;

import dev.weft.engine.progress.LongAntichain;

/**
 * Watches a stream's frontier: which times may still arrive at it. Read it on the worker thread
 * that built it, typically between steps to wait until an epoch is complete
 * ({@code while (probe.lessThan(epoch)) worker.step();}).
 */
public final class Probe {

    private final InputHandle<?> input;

    Probe(InputHandle<?> input) {
        this.input = input;
    }

    /** The times that may still arrive. */
    public LongAntichain frontier() {
        return input.frontier();
    }

    /** Whether some time strictly before {@code time} may still arrive. */
    public boolean lessThan(long time) {
        return input.frontier().lessThan(time);
    }

    /** Whether {@code time} or some time before it may still arrive. */
    public boolean lessEqual(long time) {
        return input.frontier().lessEqual(time);
    }

    /** Whether nothing more will ever arrive. */
    public boolean done() {
        return input.frontier().isEmpty();
    }
}
