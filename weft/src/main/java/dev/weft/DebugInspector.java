package dev.weft;

/**
 * Sees each item passing an {@code inspectDebug} step, with the epoch it belongs to and the worker
 * holding it. Called on worker threads, possibly concurrently: must be thread-safe.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface DebugInspector<T> {

    /**
     * Called for every item.
     *
     * @param stepId the inspecting step's full id
     * @param item the item
     * @param epoch the item's epoch
     * @param worker the index of the worker holding it
     */
    void inspect(String stepId, T item, long epoch, int worker);
}
