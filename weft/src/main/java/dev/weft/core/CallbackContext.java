package dev.weft.core;

import dev.weft.KeyValue;
import dev.weft.StatefulContext;
import dev.weft.engine.dataflow.OutputHandle;
import java.time.Instant;
import java.util.Objects;

/**
 * The one {@link StatefulContext} of a stateful step on a worker, pointed at a key before each
 * callback and reused for the next: emitting allocates only the emitted item.
 */
final class CallbackContext implements StatefulContext<Object, Object> {

    private final OutputHandle<Object> output;
    private final TimerQueue timers;
    private KeyEntry entry;
    private long epoch;
    private boolean discarded;
    private Instant now;
    private long watermark;

    CallbackContext(OutputHandle<Object> output, TimerQueue timers) {
        this.output = output;
        this.timers = timers;
    }

    /** Sets the times of the activation about to run callbacks. */
    void times(Instant now, long watermark) {
        this.now = now;
        this.watermark = watermark;
    }

    /** Points the context at {@code entry}'s callback, whose values are emitted at {@code epoch}. */
    void enter(KeyEntry entry, long epoch) {
        this.entry = entry;
        this.epoch = epoch;
        this.discarded = false;
    }

    /** Whether the callback just run asked to discard its key. */
    boolean discarded() {
        return discarded;
    }

    @Override
    public Object key() {
        return entry.pair.key();
    }

    @Override
    public void emit(Object value) {
        output.giveAt(epoch, entry.pair.withValue(value));
    }

    @Override
    public void discard() {
        discarded = true;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public long watermark() {
        return watermark;
    }

    @Override
    public void setProcessingTimer(Instant time) {
        Objects.requireNonNull(time, "setProcessingTimer needs a time; got null");
        timers.set(entry, Timer.PROCESSING, time.getEpochSecond(), time.getNano());
    }

    @Override
    public void cancelProcessingTimer(Instant time) {
        Objects.requireNonNull(time, "cancelProcessingTimer needs a time; got null");
        timers.cancel(entry, Timer.PROCESSING, time.getEpochSecond(), time.getNano());
    }

    @Override
    public void setEventTimer(long time) {
        timers.set(entry, Timer.EVENT, time, 0);
    }

    @Override
    public void cancelEventTimer(long time) {
        timers.cancel(entry, Timer.EVENT, time, 0);
    }

    @Override
    public void cancelTimers() {
        timers.cancelAll(entry);
    }
}
