package dev.weft.core;

import dev.weft.StatefulBatchLogic;
import dev.weft.KeyValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One live key of a stateful step on its worker: its logic, the values gathered for it in the epoch
 * being applied, and its timers. Belongs to the worker's thread.
 */
final class KeyEntry {
    /**
     * The key with no value, made from the key's first item: the key, and its stable hash, which
     * every item the key emits reuses.
     */
    final KeyValue<Object, Object> pair;
    StatefulBatchLogic<Object, Object, Object, Object> logic;
    /** The key's values in the epoch being applied, {@code null} when it has none. */
    List<Object> values;
    /** The key's pending timers, both kinds, {@code null} when it has none. */
    ArrayList<Timer> timers;
    /** The latest timer of each kind that fired for the key ({@code null}: none yet), by {@link Timer#kind}. */
    final Timer[] lastFired = new Timer[Timer.KINDS];

    KeyEntry(KeyValue<Object, Object> pair, StatefulBatchLogic<Object, Object, Object, Object> logic) {
        this.pair = pair;
        this.logic = logic;
    }
}
