package dev.weft.engine.simulation;

import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * Random perturbation of a thread's schedule: at each {@link #maybe()}, a park of up to 100 µs
 * with probability about {@code 1/parkOneIn}, else a yield with probability about
 * {@code 1/yieldOneIn}. Widens the windows in which other threads can overtake this one. Belongs
 * to one thread.
 */
final class Pauses {

    private final Random random;
    private final int yieldOneIn;
    private final int parkOneIn;

    Pauses(Random random, int yieldOneIn, int parkOneIn) {
        this.random = random;
        this.yieldOneIn = Math.max(1, yieldOneIn);
        this.parkOneIn = Math.max(1, parkOneIn);
    }

    void maybe() {
        if (random.nextInt(parkOneIn) == 0) {
            LockSupport.parkNanos(1_000 + random.nextInt(100_000));
        } else if (random.nextInt(yieldOneIn) == 0) {
            Thread.yield();
        }
    }
}
