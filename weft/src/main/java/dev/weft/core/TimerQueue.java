package dev.weft.core;

import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.TreeSet;

/**
 * The pending timers of one stateful step on one worker, per kind in time order. Each timer is held
 * once here and once in its key's list, so that setting, cancelling and firing cost a logarithmic
 * step and a scan of the key's own timers (a few), and nothing stale accumulates: the queue holds
 * exactly the pending timers. Belongs to the worker's thread.
 */
final class TimerQueue {

    private final TreeSet<Timer>[] byKind;
    private long sequence;

    @SuppressWarnings("unchecked")
    TimerQueue() {
        byKind = new TreeSet[Timer.KINDS];
        for (int kind = 0; kind < Timer.KINDS; kind++) {
            byKind[kind] = new TreeSet<>();
        }
    }

    /**
     * Sets a timer of {@code key}, unless the key already has one of this kind and time, or already
     * fired one of this kind at or after that time.
     */
    void set(KeyEntry key, int kind, long seconds, int nanos) {
        Timer fired = key.lastFired[kind];
        if (fired != null && fired.compareTime(seconds, nanos) >= 0) {
            return;
        }
        if (key.timers == null) {
            key.timers = new ArrayList<>(2);
        } else {
            for (Timer timer : key.timers) {
                if (timer.sameTime(kind, seconds, nanos)) {
                    return;
                }
            }
        }
        Timer timer = new Timer(key, kind, seconds, nanos, sequence++);
        key.timers.add(timer);
        byKind[kind].add(timer);
    }

    /** Cancels {@code key}'s timer of this kind and time, if it has one. */
    void cancel(KeyEntry key, int kind, long seconds, int nanos) {
        if (key.timers == null) {
            return;
        }
        for (int i = 0; i < key.timers.size(); i++) {
            Timer timer = key.timers.get(i);
            if (timer.sameTime(kind, seconds, nanos)) {
                key.timers.remove(i);
                byKind[kind].remove(timer);
                return;
            }
        }
    }

    /** Cancels every timer of {@code key}. */
    void cancelAll(KeyEntry key) {
        if (key.timers == null) {
            return;
        }
        for (Timer timer : key.timers) {
            byKind[timer.kind].remove(timer);
        }
        key.timers = null;
    }

    /**
     * Removes and returns the earliest timer of {@code kind} due at ({@code seconds}, {@code nanos}),
     * recording it as its key's latest fired; {@code null} if none is due.
     */
    Timer pollDue(int kind, long seconds, int nanos) {
        TreeSet<Timer> timers = byKind[kind];
        if (timers.isEmpty() || timers.first().compareTime(seconds, nanos) > 0) {
            return null;
        }
        Timer due = timers.pollFirst();
        KeyEntry key = due.owner;
        key.timers.remove(due);
        if (key.timers.isEmpty()) {
            key.timers = null;
        }
        key.lastFired[kind] = due;
        return due;
    }

    /** The earliest pending processing-time timer's time, or {@code null}. */
    Instant earliestProcessing() {
        TreeSet<Timer> timers = byKind[Timer.PROCESSING];
        return timers.isEmpty() ? null : timers.first().instant();
    }

    /** How many timers are pending, of both kinds. */
    int size() {
        int size = 0;
        for (TreeSet<Timer> timers : byKind) {
            size += timers.size();
        }
        return size;
    }

    /** Drops every timer (end of input). */
    void clear() {
        for (TreeSet<Timer> timers : byKind) {
            timers.clear();
        }
    }

    /** Writes {@code key}'s timers, and the latest fired of each kind, as part of its snapshot. */
    static void encode(KeyEntry key, Encoder out) {
        for (int kind = 0; kind < Timer.KINDS; kind++) {
            Timer fired = key.lastFired[kind];
            out.writeBoolean(fired != null);
            if (fired != null) {
                writeTime(fired, out);
            }
        }
        int count = key.timers == null ? 0 : key.timers.size();
        out.writeVarInt(count);
        for (int i = 0; i < count; i++) {
            writeTime(key.timers.get(i), out);
        }
    }

    private static void writeTime(Timer timer, Encoder out) {
        out.writeByte(timer.kind);
        out.writeLong(timer.seconds);
        out.writeVarInt(timer.nanos);
    }

    /** Replaces {@code key}'s timers by those {@link #encode} wrote. */
    void restore(KeyEntry key, Decoder in) {
        cancelAll(key);
        for (int kind = 0; kind < Timer.KINDS; kind++) {
            key.lastFired[kind] = in.readBoolean()
                    ? new Timer(key, in.readByte(), in.readLong(), in.readVarInt(), -1) : null;
        }
        int count = in.readVarInt();
        for (int i = 0; i < count; i++) {
            set(key, in.readByte(), in.readLong(), in.readVarInt());
        }
    }
}
