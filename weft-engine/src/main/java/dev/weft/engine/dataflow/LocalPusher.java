package dev.weft.engine.dataflow;

/**
 * Hands batches to an input of an operator on the same worker (a pipeline edge), stamped with
 * the producer's watermark, the input's only sender.
 *
 * @param <T> the record type
 */
final class LocalPusher<T> implements BatchPusher<T> {

    private final InputHandle<T> input;
    private final WatermarkStamps stamps = new WatermarkStamps(0, 1);

    LocalPusher(InputHandle<T> input) {
        this.input = input;
    }

    @Override
    public void push(Batch<T> batch) {
        stamps.stamp(batch, 0);
        input.deliver(batch);
    }

    @Override
    public void advanceWatermark(long next) {
        stamps.advance(next);
    }

    @Override
    public void setIdle(boolean idle) {
        stamps.setIdle(idle);
    }

    @Override
    public void flush() {
        Batch<T> message = stamps.pending(0);
        if (message != null) {
            input.deliver(message);
        }
    }
}
