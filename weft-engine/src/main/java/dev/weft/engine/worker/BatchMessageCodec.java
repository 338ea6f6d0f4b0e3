package dev.weft.engine.worker;

import dev.weft.codec.BatchCodec;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import dev.weft.engine.communication.MessageCodec;
import dev.weft.engine.dataflow.Batch;

/**
 * Encodes a {@link Batch} for the wire: whether it holds records or is a watermark-only (or idle)
 * message, its sender and watermark, then (for a batch of records) its time as a varint and its
 * records through a {@link BatchCodec} of the execution's codec registry.
 *
 * @param <T> the record type
 */
final class BatchMessageCodec<T> implements MessageCodec<Batch<T>> {

    private static final byte RECORDS = 0;
    private static final byte WATERMARK = 1;
    private static final byte IDLE = 2;

    private final BatchCodec records;

    BatchMessageCodec(BatchCodec records) {
        this.records = records;
    }

    @Override
    public byte[] encode(Batch<T> batch) {
        Encoder out = new Encoder(24 + batch.size() * 8);
        out.writeByte(batch.isIdle() ? IDLE : batch.isWatermarkOnly() ? WATERMARK : RECORDS);
        out.writeVarInt(batch.sender());
        out.writeZigZagLong(batch.watermark());
        if (!batch.isWatermarkOnly()) {
            out.writeVarLong(batch.time());
            records.encode(batch.items(), batch.size(), out);
        }
        return out.toByteArray();
    }

    @Override
    public Batch<T> decode(byte[] bytes) {
        Decoder in = new Decoder(bytes);
        byte kind = in.readByte();
        int sender = in.readVarInt();
        long watermark = in.readZigZagLong();
        if (kind == IDLE) {
            return Batch.idle(sender, watermark);
        }
        if (kind == WATERMARK) {
            return Batch.watermarkOnly(sender, watermark);
        }
        long time = in.readVarLong();
        Object[] items = records.decode(in);
        Batch<T> batch = new Batch<>(time, items, items.length);
        batch.stamp(sender, watermark);
        return batch;
    }
}
