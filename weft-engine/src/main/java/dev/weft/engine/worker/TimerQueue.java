package dev.weft.engine.worker;

import dev.weft.engine.dataflow.WakeupTimer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A worker's timers: an indexed binary heap of {@link WakeupTimer} handles ordered by deadline, then
 * by when they were set. Each handle is in the heap at most once: moving its time re-positions it,
 * cancelling removes it, so the heap's size is bounded by the number of handles with a wake-up
 * pending. Belongs to the worker's thread.
 */
final class TimerQueue {

    private final TimeBase base;
    private final int worker;
    private Handle[] heap = new Handle[16];
    private int size;
    private long sequence;
    private long version;
    private final List<Handle> firing = new ArrayList<>();

    TimerQueue(TimeBase base, int worker) {
        this.base = base;
        this.worker = worker;
    }

    /** A new handle, with nothing pending, that runs {@code activation} when due. */
    WakeupTimer create(String owner, Runnable activation) {
        return new Handle(Objects.requireNonNull(owner, "owner"), Objects.requireNonNull(activation, "activation"));
    }

    /** The number of pending wake-ups. */
    int size() {
        return size;
    }

    /** Changes whenever a wake-up is added, moved, removed or fired. */
    long version() {
        return version;
    }

    /** Whether the earliest pending wake-up is due. */
    boolean anyDue() {
        return size > 0 && heap[0].deadline <= base.now();
    }

    /** Nanoseconds until the earliest pending wake-up is due: 0 if it is, {@code Long.MAX_VALUE} if none is pending. */
    long nanosUntilNext() {
        return size == 0 ? Long.MAX_VALUE : base.nanosUntil(heap[0].deadline);
    }

    /**
     * Removes every wake-up that is due and runs their activations, earliest first. A wake-up set
     * by one of these activations runs at the next call at the earliest, even if it is due.
     *
     * @return how many fired
     */
    int fireDue() {
        if (size == 0) {
            return 0;
        }
        long now = base.now();
        while (size > 0 && heap[0].deadline <= now) {
            firing.add(heap[0]);
            removeAt(0);
        }
        int fired = firing.size();
        try {
            for (Handle due : firing) {
                due.activation.run();
            }
        } finally {
            firing.clear();
        }
        return fired;
    }

    /** The pending wake-ups, in no particular order. */
    List<PendingTimer> snapshot() {
        List<PendingTimer> pending = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            pending.add(new PendingTimer(worker, heap[i].owner, heap[i].at));
        }
        return pending;
    }

    // ---------------------------------------------------------------- heap

    private static boolean before(Handle a, Handle b) {
        return a.deadline < b.deadline || (a.deadline == b.deadline && a.sequence < b.sequence);
    }

    private void add(Handle h) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        h.index = size;
        heap[size++] = h;
        siftUp(h.index);
        version++;
    }

    private void removeAt(int index) {
        Handle removed = heap[index];
        removed.index = -1;
        Handle last = heap[--size];
        heap[size] = null;
        if (index < size) {
            heap[index] = last;
            last.index = index;
            siftDown(index);
            siftUp(last.index);
        }
        version++;
    }

    private void moved(Handle h) {
        siftDown(h.index);
        siftUp(h.index);
        version++;
    }

    private void siftUp(int index) {
        Handle h = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            Handle p = heap[parent];
            if (!before(h, p)) {
                break;
            }
            heap[index] = p;
            p.index = index;
            index = parent;
        }
        heap[index] = h;
        h.index = index;
    }

    private void siftDown(int index) {
        Handle h = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], h)) {
                break;
            }
            heap[index] = heap[child];
            heap[index].index = index;
            index = child;
        }
        heap[index] = h;
        h.index = index;
    }

    /** One operator's timer; at most one entry in the heap. */
    private final class Handle implements WakeupTimer {
        final String owner;
        final Runnable activation;
        Instant at;
        long deadline;
        long sequence;
        int index = -1;
        boolean closed;

        Handle(String owner, Runnable activation) {
            this.owner = owner;
            this.activation = activation;
        }

        @Override
        public void wakeAt(Instant time) {
            Objects.requireNonNull(time, "time");
            if (closed) {
                throw new IllegalStateException("the timer of '" + owner + "' on worker " + worker
                        + " is closed; make a new one with WorkerContext.timer");
            }
            if (index >= 0 && time.equals(at)) {
                return;
            }
            at = time;
            deadline = base.deadline(time);
            sequence = TimerQueue.this.sequence++;
            if (index >= 0) {
                moved(this);
            } else {
                add(this);
            }
        }

        @Override
        public void cancel() {
            if (index >= 0) {
                removeAt(index);
            }
            at = null;
        }

        @Override
        public Instant pendingAt() {
            return index >= 0 ? at : null;
        }

        @Override
        public void close() {
            cancel();
            closed = true;
        }

        @Override
        public String toString() {
            return "WakeupTimer[" + owner + (index >= 0 ? ", due at " + at : ", idle") + "]";
        }
    }
}
