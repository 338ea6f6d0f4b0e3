package dev.weft.engine.dataflow;

/**
 * A resource its worker owns (see {@link WorkerContext#own}): closed exactly once, either early
 * through {@link #close()} (a partition that ended) or, at the latest, when the worker ends,
 * however it ends: its dataflows finished, an operator on any worker failed, or the execution was
 * cancelled. Used on the worker's thread only.
 */
public interface Owned extends AutoCloseable {

    /**
     * Closes the resource now, unless it was closed already; either way the worker will not close
     * it again. A close that throws still counts as the one close.
     *
     * @throws Exception what the resource's own {@code close} threw
     */
    @Override
    void close() throws Exception;
}
