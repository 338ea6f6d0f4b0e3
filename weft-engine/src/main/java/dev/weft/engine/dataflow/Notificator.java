package dev.weft.engine.dataflow;

import dev.weft.engine.progress.LongAntichain;
import dev.weft.engine.progress.TimeDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Tell me when the input frontier passes t": holds capabilities for requested times and hands
 * each back once no input frontier can still produce a record at or before its time.
 *
 * <p>Requests for the same time are merged; ready notifications are delivered in time order (the
 * total order of times, compatible with their partial order), each exactly once. The callback
 * receives the capability and may send with it, delay it or keep it; whatever it does not keep is
 * dropped after the callback returns. Belongs to the operator's worker thread.
 */
public final class Notificator {

    private final TimeDomain domain;
    private final List<Capability> pending = new ArrayList<>();

    /** A notificator for times of {@code domain}. */
    public Notificator(TimeDomain domain) {
        this.domain = domain;
    }

    /** Asks to be notified at {@code capability}'s time; takes the capability over. */
    public void notifyAt(Capability capability) {
        for (Capability c : pending) {
            if (c.time() == capability.time() && c.output() == capability.output()) {
                capability.drop();
                return;
            }
        }
        pending.add(capability);
    }

    /** Whether any notification is pending. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Delivers, in time order, every pending notification whose time no frontier of
     * {@code inputs} is at or before.
     */
    public void forEachReady(List<? extends InputHandle<?>> inputs, Consumer<Capability> callback) {
        while (true) {
            Capability next = null;
            for (Capability c : pending) {
                if (isReady(c.time(), inputs) && (next == null || c.time() < next.time())) {
                    next = c;
                }
            }
            if (next == null) {
                return;
            }
            pending.remove(next);
            long time = next.time();
            try {
                callback.accept(next);
            } finally {
                if (next.isValid() && next.time() == time && !pending.contains(next)) {
                    next.drop();
                }
            }
        }
    }

    private boolean isReady(long time, List<? extends InputHandle<?>> inputs) {
        for (InputHandle<?> input : inputs) {
            LongAntichain frontier = input.frontier();
            if (frontier.lessEqual(time)) {
                return false;
            }
        }
        return true;
    }

    /** The domain of the times notified. */
    public TimeDomain domain() {
        return domain;
    }
}
