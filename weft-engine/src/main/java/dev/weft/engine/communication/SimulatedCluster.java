package dev.weft.engine.communication;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Logical workers on one thread, with message delivery under the control of a seeded random
 * schedule: the deterministic allocator for randomized tests.
 *
 * <p>A pushed message waits in transit, in a FIFO per (channel, sender, receiver), until
 * {@link #deliverOne(Random)} picks a non-empty transit queue at random and moves its oldest
 * message to the receiver. Senders interleave in any order, but each sender's messages to a
 * receiver stay in order (per-sender FIFO, which progress tracking needs). The same seed and the
 * same sequence of calls replay exactly.
 *
 * <p>Not thread-safe: everything runs on the test's thread.
 */
public final class SimulatedCluster {

    private final int peers;
    private final boolean serializing;
    /** Transit queues in creation order, so a random pick is reproducible. */
    private final List<ArrayDeque<Object>> transit = new ArrayList<>();
    private final List<int[]> transitRoute = new ArrayList<>();
    private final Map<Integer, ArrayDeque<Object>[]> inboxes = new HashMap<>();
    private final Map<Integer, ArrayDeque<Object>[][]> transitByChannel = new HashMap<>();
    private final List<ArrayDeque<Integer>> events = new ArrayList<>();
    private final WorkerSignal[] signals;

    /** {@code peers} logical workers; with {@code serializing}, every message goes through its codec. */
    public SimulatedCluster(int peers, boolean serializing) {
        this.peers = peers;
        this.serializing = serializing;
        this.signals = new WorkerSignal[peers];
        for (int w = 0; w < peers; w++) {
            events.add(new ArrayDeque<>());
            signals[w] = new WorkerSignal();
        }
    }

    /** The number of logical workers. */
    public int peers() {
        return peers;
    }

    /** The allocator of logical worker {@code index}. */
    public Allocator allocator(int index) {
        return new SimulatedAllocator(index);
    }

    /** Whether some message is still in transit. */
    public boolean inTransit() {
        for (ArrayDeque<Object> q : transit) {
            if (!q.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Delivers the oldest message of one transit queue chosen at random among the non-empty ones.
     *
     * @return whether a message was delivered
     */
    public boolean deliverOne(Random random) {
        int nonEmpty = 0;
        for (ArrayDeque<Object> q : transit) {
            if (!q.isEmpty()) {
                nonEmpty++;
            }
        }
        if (nonEmpty == 0) {
            return false;
        }
        int pick = random.nextInt(nonEmpty);
        for (int i = 0; i < transit.size(); i++) {
            ArrayDeque<Object> q = transit.get(i);
            if (!q.isEmpty() && pick-- == 0) {
                int[] route = transitRoute.get(i);
                int channel = route[0];
                int receiver = route[2];
                inboxes.get(channel)[receiver].add(q.poll());
                events.get(receiver).add(channel);
                return true;
            }
        }
        throw new AssertionError("unreachable");
    }

    @SuppressWarnings("unchecked")
    private ArrayDeque<Object>[][] transitOf(int channelId) {
        return transitByChannel.computeIfAbsent(channelId, id -> {
            ArrayDeque<Object>[][] grid = new ArrayDeque[peers][peers];
            ArrayDeque<Object>[] inbox = new ArrayDeque[peers];
            for (int s = 0; s < peers; s++) {
                inbox[s] = new ArrayDeque<>();
                for (int r = 0; r < peers; r++) {
                    grid[s][r] = new ArrayDeque<>();
                    transit.add(grid[s][r]);
                    transitRoute.add(new int[] {id, s, r});
                }
            }
            inboxes.put(id, inbox);
            return grid;
        });
    }

    private final class SimulatedAllocator implements Allocator {
        private final int index;

        SimulatedAllocator(int index) {
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
            ArrayDeque<Object>[][] grid = transitOf(channelId);
            Pusher<T>[] pushers = new Pusher[peers];
            for (int r = 0; r < peers; r++) {
                ArrayDeque<Object> queue = grid[index][r];
                pushers[r] = message -> queue.add(serializing ? codec.encode(message) : message);
            }
            ArrayDeque<Object> inbox = inboxes.get(channelId)[index];
            Puller<T> puller = () -> {
                Object m = inbox.poll();
                if (m == null) {
                    return null;
                }
                return serializing ? codec.decode((byte[]) m) : (T) m;
            };
            return new Channel<>(pushers, puller);
        }

        @Override
        public void drainEvents(IntConsumer channelIds) {
            ArrayDeque<Integer> mine = events.get(index);
            Integer id;
            while ((id = mine.poll()) != null) {
                channelIds.accept(id);
            }
        }

        @Override
        public boolean hasEvents() {
            return !events.get(index).isEmpty();
        }

        @Override
        public WorkerSignal signal() {
            return signals[index];
        }
    }
}
