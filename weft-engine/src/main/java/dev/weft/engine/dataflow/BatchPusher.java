package dev.weft.engine.dataflow;

/**
 * Receives the batches of one operator output on behalf of one consumer: hands them to a local
 * input, routes them to workers, or converts them into or out of a loop scope.
 *
 * <p>It also carries the producer's watermark: every batch it hands to an input is stamped with
 * the watermark the producer had when it sent the batch, and when the watermark advanced and a
 * receiver got no batch since, {@link #flush()} sends that receiver a watermark-only message (or
 * an idle message when the producer became idle).
 *
 * @param <T> the record type
 */
interface BatchPusher<T> {

    /** Takes ownership of a non-empty batch. */
    void push(Batch<T> batch);

    /**
     * The producer's watermark advanced to {@code watermark}: anything buffered leaves first, with
     * the old one; what is pushed from now on carries the new one.
     */
    void advanceWatermark(long watermark);

    /** Whether the producer is idle: holding back no receiver's watermark until it sends again. */
    void setIdle(boolean idle);

    /**
     * Sends anything buffered, and the watermark to every receiver that has not seen it yet;
     * called at the end of every activation of the producer.
     */
    void flush();
}
