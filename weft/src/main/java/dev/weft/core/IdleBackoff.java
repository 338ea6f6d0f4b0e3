package dev.weft.core;

import java.time.Duration;

/**
 * How long to wait before polling again a reader that gave nothing and named no time: 10 ms
 * after the first empty poll, doubling with each further one up to 1 s, and back to 10 ms once
 * it gives items. A quiet reader then costs a few polls a second, not a hundred, and a busy one
 * is polled at once. A reader that is woken by its own client, or names {@code nextAwake}, is not
 * held back by it.
 */
final class IdleBackoff {

    /** The pause after the first empty poll. */
    static final Duration FIRST = Duration.ofMillis(10);

    /** The longest pause. */
    static final Duration MAX = Duration.ofSeconds(1);

    private Duration next = FIRST;

    /** The pause after another empty poll; the one after it is twice as long, up to {@link #MAX}. */
    Duration afterEmptyPoll() {
        Duration pause = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        return pause;
    }

    /** The reader gave items: the next empty poll waits {@link #FIRST} again. */
    void reset() {
        next = FIRST;
    }
}
