package dev.weft.engine.worker;

import dev.weft.codec.CodecRegistry;
import dev.weft.engine.communication.Allocator;
import dev.weft.engine.communication.MessageCodec;
import dev.weft.engine.dataflow.Batch;
import dev.weft.engine.dataflow.KeyGroups;
import dev.weft.engine.dataflow.Owned;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.SyncActivator;
import dev.weft.engine.dataflow.WakeupTimer;
import dev.weft.engine.dataflow.WorkerContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * One worker: builds dataflows (every worker builds the same ones, in the same order) and runs
 * them in a cooperative step loop on its own thread.
 *
 * <p>A {@link #step()} runs the activations that came from other threads, due timers and arriving
 * messages, then schedules each dataflow that has work. {@link #run()} steps until every dataflow
 * has finished, parking when there is nothing to do, so an idle dataflow uses no CPU. Everything
 * but {@link SyncActivator#activate()} happens on the worker's thread.
 */
public final class Worker implements WorkerContext {

    private final Allocator allocator;
    private final ExecutionConfig config;
    private final ExecutionState state;
    private final KeyGroups keyGroups;
    private final CodecRegistry codecs;
    private final List<Scope> dataflows = new ArrayList<>();
    private final Set<Scope> activeRoots = new LinkedHashSet<>();
    private final Map<Integer, Runnable> channelActivations = new HashMap<>();
    private final TimerQueue timers;
    private final Queue<Runnable> external = new MpscUnboundedXaddArrayQueue<>(64);
    private final OwnedResources owned = new OwnedResources();
    private int channels;
    private long publishedTimers = -1;

    Worker(Allocator allocator, ExecutionConfig config, ExecutionState state) {
        this.allocator = allocator;
        this.config = config;
        this.state = state;
        this.keyGroups = new KeyGroups(config.keyGroups(), allocator.peers());
        this.codecs = config.codecs();
        this.timers = new TimerQueue(TimeBase.of(config.clock()), allocator.index());
    }

    /**
     * Builds a dataflow: {@code build} adds operators to its root scope, which is then finished
     * and scheduled.
     *
     * @param name the dataflow's name
     * @param build adds the operators
     * @return the dataflow's root scope
     */
    public Scope dataflow(String name, Consumer<Scope> build) {
        Scope root = Scope.root(this, name);
        build.accept(root);
        root.finish();
        dataflows.add(root);
        activeRoots.add(root);
        return root;
    }

    /**
     * Runs everything that is ready, once: activations from other threads, due timers, arrived
     * messages, then each dataflow with work.
     *
     * @return whether any dataflow was scheduled
     */
    public boolean step() {
        Runnable activation;
        while ((activation = external.poll()) != null) {
            activation.run();
        }
        timers.fireDue();
        allocator.drainEvents(this::channelEvent);
        if (activeRoots.isEmpty()) {
            return false;
        }
        List<Scope> ready = new ArrayList<>(activeRoots);
        activeRoots.clear();
        for (Scope root : ready) {
            root.schedule();
            if (root.isComplete()) {
                dataflows.remove(root);
                activeRoots.remove(root);
            }
        }
        return true;
    }

    private void channelEvent(int channelId) {
        Runnable activation = channelActivations.get(channelId);
        if (activation != null) {
            activation.run();
        }
    }

    /** Whether every dataflow of this worker has finished. */
    public boolean isDone() {
        return dataflows.isEmpty();
    }

    /**
     * Steps until every dataflow has finished, parking while idle. Returns early, without an
     * exception, if the execution fails elsewhere; the execution reports that failure.
     */
    public void run() {
        AtomicBoolean idle = new AtomicBoolean();
        while (!dataflows.isEmpty() && !state.failed()) {
            if (step()) {
                state.workDone(idle);
                continue;
            }
            long parkNanos = Math.min(state.idlePollNanos(), timers.nanosUntilNext());
            if (parkNanos > 0) {
                if (timers.version() != publishedTimers) {
                    publishedTimers = timers.version();
                    state.timersPending(index(), timers.snapshot());
                }
                state.goingIdle(idle);
                allocator.signal().park(parkNanos, this::hasWork);
                if (!hasWork()) {
                    state.checkForStall(this);
                }
            }
        }
        state.timersPending(index(), List.of());
    }

    /**
     * Whether there is something to do. Besides messages and activations, a timer that has come
     * due: a manual clock moved by another thread wakes the worker ({@link Execution#clockMoved()}),
     * and this check, made after the worker announced it will sleep, keeps that wake-up from being
     * lost.
     */
    private boolean hasWork() {
        return !external.isEmpty() || allocator.hasEvents() || !activeRoots.isEmpty() || state.failed()
                || timers.anyDue();
    }

    /**
     * Whether the operator named {@code owner} could still make progress, as this worker sees the
     * pointstamps of every worker: it holds a capability or has records waiting at an input, or no
     * operator has that name (then nothing can be ruled out).
     */
    boolean mayProgress(String owner) {
        boolean found = false;
        for (Scope root : dataflows) {
            Boolean holds = root.operatorHoldsPointstamps(owner);
            if (holds != null) {
                if (holds) {
                    return true;
                }
                found = true;
            }
        }
        return !found;
    }

    /** The number of wake-ups pending in this worker's timer queue. */
    public int pendingTimerCount() {
        return timers.size();
    }

    /**
     * Closes everything this worker's operators opened and have not closed (see {@link #own}),
     * whatever ended the worker. Called once, on the worker's thread, when it stops.
     *
     * @return the first close failure, later ones suppressed onto it; {@code null} if none
     */
    Throwable closeOwnedResources() {
        return owned.closeAll();
    }

    /** Explains what every unfinished dataflow of this worker still waits for. */
    String describeOutstanding() {
        StringBuilder out = new StringBuilder();
        for (Scope root : dataflows) {
            out.append("dataflow '").append(root.name()).append("':\n").append(root.describeOutstanding());
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- WorkerContext

    @Override
    public int index() {
        return allocator.index();
    }

    @Override
    public int peers() {
        return allocator.peers();
    }

    @Override
    public Allocator allocator() {
        return allocator;
    }

    @Override
    public KeyGroups keyGroups() {
        return keyGroups;
    }

    @Override
    public int nextChannelId() {
        return channels++;
    }

    @Override
    public void onChannelEvent(int channelId, Runnable activation) {
        channelActivations.put(channelId, activation);
    }

    @Override
    public Clock clock() {
        return config.clock();
    }

    @Override
    public WakeupTimer timer(String owner, Runnable activation) {
        return timers.create(owner, activation);
    }

    @Override
    public Owned own(AutoCloseable resource) {
        return owned.own(resource);
    }

    @Override
    public SyncActivator syncActivator(Runnable activation) {
        state.activatorOpened();
        SyncActivator activator = new SyncActivator() {
            private final AtomicBoolean closed = new AtomicBoolean();

            @Override
            public void activate() {
                if (closed.get()) {
                    return;
                }
                external.offer(activation);
                allocator.signal().wake();
            }

            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    state.activatorClosed();
                    allocator.signal().wake();
                }
            }
        };
        owned.own(activator);
        return activator;
    }

    @Override
    public <T> MessageCodec<Batch<T>> batchCodec(String context) {
        return new BatchMessageCodec<>(codecs.batchCodec(context));
    }

    @Override
    public boolean serializing() {
        return config.serializing();
    }

    @Override
    public long maxRecordsInFlight() {
        return config.maxRecordsInFlight();
    }

    @Override
    public void rootActivated(Scope root) {
        activeRoots.add(root);
    }
}
