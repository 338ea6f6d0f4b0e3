package dev.weft.io;

/**
 * A sink with one stateless writer per worker; each worker writes the items it holds.
 *
 * @param <T> the item type
 */
public non-sealed interface DynamicSink<T> extends Sink<T> {

    /**
     * Builds this worker's writer.
     *
     * @param workerIndex the worker's index
     * @param workerCount the number of workers
     * @return the writer, used only by the calling worker's thread
     */
    StatelessSinkPartition<T> build(int workerIndex, int workerCount);
}
