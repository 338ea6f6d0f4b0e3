package dev.weft.engine.dataflow;

/**
 * The right to send records at {@link #time()} or later on one output of one operator.
 *
 * <p>While a capability is held, no downstream frontier can pass its time. Operators get one
 * capability per output when built, and may {@link #delayed(long) mint} capabilities for later
 * times from one they hold, or {@link InputHandle#retain(long, OutputHandle) retain} one for the
 * time of an input batch they are processing. Java has no destructors: a capability must be
 * {@link #drop() dropped} or {@link #downgrade(long) downgraded} explicitly, or the dataflow
 * cannot finish (the execution then reports who holds it).
 *
 * <p>Belongs to the operator's worker thread.
 */
public final class Capability {

    private final OperatorCore operator;
    private final int output;
    private long time;
    private boolean valid = true;

    Capability(OperatorCore operator, int output, long time) {
        this(operator, output, time, false);
    }

    /** With {@code initial}, the capability is one the scope seeds in the tracker itself. */
    Capability(OperatorCore operator, int output, long time, boolean initial) {
        this.operator = operator;
        this.output = output;
        this.time = time;
        if (initial) {
            operator.heldChanged(output, time, +1);
        } else {
            operator.capabilityChanged(output, time, +1);
        }
    }

    /** The earliest time this capability allows sending at. */
    public long time() {
        requireValid();
        return time;
    }

    /** The index of the output this capability is bound to. */
    public int output() {
        return output;
    }

    /** Whether this capability has not been dropped. */
    public boolean isValid() {
        return valid;
    }

    /**
     * A new capability for the same output at {@code later}.
     *
     * @throws IllegalArgumentException if {@code later} is not at or after this capability's time
     */
    public Capability delayed(long later) {
        requireValid();
        requireNotEarlier(later);
        return new Capability(operator, output, later);
    }

    /**
     * Moves this capability to {@code later}.
     *
     * @throws IllegalArgumentException if {@code later} is not at or after this capability's time
     */
    public void downgrade(long later) {
        requireValid();
        requireNotEarlier(later);
        if (later != time) {
            operator.capabilityChanged(output, later, +1);
            operator.capabilityChanged(output, time, -1);
            time = later;
        }
    }

    /** Gives the capability up. Idempotent. */
    public void drop() {
        if (valid) {
            valid = false;
            operator.capabilityChanged(output, time, -1);
        }
    }

    boolean belongsTo(OperatorCore op, int port) {
        return operator == op && output == port;
    }

    private void requireNotEarlier(long later) {
        if (!operator.scope().domain().lessEqual(time, later)) {
            throw new IllegalArgumentException("operator '" + operator.name() + "': cannot move a capability from "
                    + operator.scope().domain().format(time) + " back to " + operator.scope().domain().format(later));
        }
    }

    private void requireValid() {
        if (!valid) {
            throw new IllegalStateException("operator '" + operator.name() + "' used a capability after dropping it");
        }
    }

    @Override
    public String toString() {
        return "Capability(" + operator.name() + "#" + output + " @ "
                + operator.scope().domain().format(time) + (valid ? ")" : ", dropped)");
    }
}
