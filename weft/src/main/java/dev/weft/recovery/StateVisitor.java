package dev.weft.recovery;

/** Receives the state read from a store, one key at a time. */
@FunctionalInterface
public interface StateVisitor {

    /**
     * Accepts the state of one key.
     *
     * @param stepId the stateful step that wrote it
     * @param keyGroup the key's key group
     * @param key the key, as the step's key codec encoded it
     * @param value the state, as the step's state codec encoded it (timers included)
     */
    void accept(String stepId, int keyGroup, byte[] key, byte[] value);
}
