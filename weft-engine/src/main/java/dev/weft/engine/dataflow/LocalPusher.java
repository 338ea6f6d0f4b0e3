package dev.weft.engine.dataflow;

/**
 * Hands batches to an input of an operator on the same worker (a pipeline edge), stamped with
 * the producer's watermark, the input's only sender.
 *
 * @param <T> the record type
 */
final class LocalPusher<T> implements BatchPusher<T> {

    private final InputHandle<T> input;
    private long watermark = Long.MIN_VALUE;
    private long delivered = Long.MIN_VALUE;

    LocalPusher(InputHandle<T> input) {
        this.input = input;
    }

    @Override
    public void push(Batch<T> batch) {
        batch.stamp(0, watermark);
        delivered = watermark;
        input.deliver(batch);
    }

    @Override
    public void advanceWatermark(long next) {
        watermark = next;
    }

    @Override
    public void flush() {
        if (delivered < watermark) {
            delivered = watermark;
            input.deliver(Batch.watermarkOnly(0, watermark));
        }
    }
}
