package dev.weft.engine.communication;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.jctools.queues.SpscUnboundedArrayQueue;

/**
 * Communication between worker threads of one JVM.
 *
 * <p>Each channel gets a grid of single-producer single-consumer queues, one per (sender,
 * receiver): a message moves by reference, with no copy and no encoding, and each sender's
 * messages reach a receiver in order. After a push the sender records an event (the channel id)
 * in the receiver's event queue and wakes it if it is parked.
 *
 * <p>In serializing mode every message is encoded by the channel's {@link MessageCodec} when
 * pushed and decoded when pulled, exactly as it would be between processes, so single-JVM tests
 * exercise the codecs.
 *
 * <p>Thread-safe: each worker thread uses its own {@link #allocator(int)}.
 */
public final class ThreadCluster {

    private static final int QUEUE_CHUNK = 64;

    private final int peers;
    private final boolean serializing;
    private final WorkerSignal[] signals;
    private final Queue<Integer>[] events;
    private final ConcurrentHashMap<Integer, Queue<Object>[][]> channels = new ConcurrentHashMap<>();

    /**
     * A cluster of {@code peers} worker threads.
     *
     * @param serializing whether every message goes through its channel's codec
     */
    @SuppressWarnings("unchecked")
    public ThreadCluster(int peers, boolean serializing) {
        if (peers < 1) {
            throw new IllegalArgumentException("workers must be at least 1; got " + peers);
        }
        this.peers = peers;
        this.serializing = serializing;
        this.signals = new WorkerSignal[peers];
        this.events = new Queue[peers];
        for (int w = 0; w < peers; w++) {
            signals[w] = new WorkerSignal();
            events[w] = new MpscUnboundedXaddArrayQueue<>(QUEUE_CHUNK);
        }
    }

    /** The number of workers. */
    public int peers() {
        return peers;
    }

    /** Whether messages are encoded on every channel. */
    public boolean serializing() {
        return serializing;
    }

    /** The allocator of worker {@code index}, to be used only by that worker's thread. */
    public Allocator allocator(int index) {
        return new ThreadAllocator(index);
    }

    /** Whether every queue of every channel is empty (a racy snapshot, for stall detection). */
    public boolean allQueuesEmpty() {
        for (Queue<Object>[][] grid : channels.values()) {
            for (Queue<Object>[] row : grid) {
                for (Queue<Object> q : row) {
                    if (!q.isEmpty()) {
                        return false;
                    }
                }
            }
        }
        for (Queue<Integer> e : events) {
            if (!e.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private Queue<Object>[][] grid(int channelId) {
        return channels.computeIfAbsent(channelId, id -> {
            Queue<Object>[][] grid = new Queue[peers][peers];
            for (int s = 0; s < peers; s++) {
                for (int r = 0; r < peers; r++) {
                    grid[s][r] = new SpscUnboundedArrayQueue<>(QUEUE_CHUNK);
                }
            }
            return grid;
        });
    }

    private final class ThreadAllocator implements Allocator {
        private final int index;

        ThreadAllocator(int index) {
            this.index = index;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public int peers() {
            return peers;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Channel<T> allocate(int channelId, MessageCodec<T> codec) {
            Queue<Object>[][] grid = grid(channelId);
            Integer event = channelId;
            Pusher<T>[] pushers = new Pusher[peers];
            for (int r = 0; r < peers; r++) {
                Queue<Object> queue = grid[index][r];
                Queue<Integer> receiverEvents = events[r];
                WorkerSignal receiver = signals[r];
                pushers[r] = message -> {
                    queue.offer(serializing ? codec.encode(message) : message);
                    receiverEvents.offer(event);
                    receiver.wake();
                };
            }
            Queue<Object>[] inbound = new Queue[peers];
            for (int s = 0; s < peers; s++) {
                inbound[s] = grid[s][index];
            }
            Puller<T> puller = new Puller<>() {
                private int next;

                @Override
                public T pull() {
                    for (int i = 0; i < peers; i++) {
                        Queue<Object> q = inbound[next];
                        next = next + 1 == peers ? 0 : next + 1;
                        Object m = q.poll();
                        if (m != null) {
                            return serializing ? codec.decode((byte[]) m) : (T) m;
                        }
                    }
                    return null;
                }
            };
            return new Channel<>(pushers, puller);
        }

        @Override
        public void drainEvents(IntConsumer channelIds) {
            Queue<Integer> mine = events[index];
            Integer id;
            while ((id = mine.poll()) != null) {
                channelIds.accept(id);
            }
        }

        @Override
        public boolean hasEvents() {
            return !events[index].isEmpty();
        }

        @Override
        public WorkerSignal signal() {
            return signals[index];
        }
    }
}
