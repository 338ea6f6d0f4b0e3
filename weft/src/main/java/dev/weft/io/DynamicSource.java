package dev.weft.io;

/**
 * A source with one stateless reader per worker and nothing to resume (a socket, a random
 * generator, a queue consumer that commits on its own).
 *
 * @param <T> the item type
 */
public non-sealed interface DynamicSource<T> extends Source<T> {

    /**
     * Builds this worker's reader.
     *
     * @param workerIndex the worker's index, 0 to {@code workerCount - 1}
     * @param workerCount the number of workers
     * @return the reader, used only by the calling worker's thread
     */
    StatelessSourcePartition<T> build(int workerIndex, int workerCount);
}
