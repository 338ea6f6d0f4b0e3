package dev.weft.engine.worker;

import dev.weft.codec.BatchCodec;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import dev.weft.engine.communication.MessageCodec;
import dev.weft.engine.dataflow.Batch;

/**
 * Encodes a {@link Batch} for the wire: its time as a varint, then its records through a
 * {@link BatchCodec} of the execution's codec registry.
 *
 * @param <T> the record type
 */
final class BatchMessageCodec<T> implements MessageCodec<Batch<T>> {

    private final BatchCodec records;

    BatchMessageCodec(BatchCodec records) {
        this.records = records;
    }

    @Override
    public byte[] encode(Batch<T> batch) {
        Encoder out = new Encoder(16 + batch.size() * 8);
        out.writeVarLong(batch.time());
        records.encode(batch.items(), batch.size(), out);
        return out.toByteArray();
    }

    @Override
    public Batch<T> decode(byte[] bytes) {
        Decoder in = new Decoder(bytes);
        long time = in.readVarLong();
        Object[] items = records.decode(in);
        return new Batch<>(time, items, items.length);
    }
}
