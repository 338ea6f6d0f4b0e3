package dev.weft.core;

import java.time.Instant;

/**
 * One pending timer of a key: its kind and time, and the sequence number that orders timers of
 * equal time by when they were set. A processing-time timer's time is an instant (seconds and
 * nanoseconds), an event-time timer's a {@code long} (with no nanoseconds).
 */
final class Timer implements Comparable<Timer> {
    static final int PROCESSING = 0;
    static final int EVENT = 1;
    static final int KINDS = 2;

    final KeyEntry owner;
    final int kind;
    final long seconds;
    final int nanos;
    final long sequence;

    Timer(KeyEntry owner, int kind, long seconds, int nanos, long sequence) {
        this.owner = owner;
        this.kind = kind;
        this.seconds = seconds;
        this.nanos = nanos;
        this.sequence = sequence;
    }

    /** Orders by time, then by when set. */
    @Override
    public int compareTo(Timer other) {
        int c = compareTime(other.seconds, other.nanos);
        return c != 0 ? c : Long.compare(sequence, other.sequence);
    }

    /** Compares this timer's time with ({@code seconds}, {@code nanos}). */
    int compareTime(long otherSeconds, int otherNanos) {
        int c = Long.compare(seconds, otherSeconds);
        return c != 0 ? c : Integer.compare(nanos, otherNanos);
    }

    boolean sameTime(int otherKind, long otherSeconds, int otherNanos) {
        return kind == otherKind && seconds == otherSeconds && nanos == otherNanos;
    }

    Instant instant() {
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
