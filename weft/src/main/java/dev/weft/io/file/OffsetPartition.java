package dev.weft.io.file;

import dev.weft.io.SourcePartition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A source partition over one file, read to its end in batches of at most {@code batchSize}
 * records; its resume state is the byte offset of the next record.
 *
 * @param <T> the record type
 */
final class OffsetPartition<T> implements SourcePartition<T, Long> {

    private final RecordReader<T> reader;
    private final int batchSize;
    private boolean ended;

    OffsetPartition(RecordReader<T> reader, int batchSize) {
        this.reader = reader;
        this.batchSize = batchSize;
    }

    @Override
    public List<T> nextBatch() throws IOException {
        if (ended) {
            return null;
        }
        List<T> batch = new ArrayList<>(Math.min(batchSize, 1024));
        while (batch.size() < batchSize) {
            T record = reader.next();
            if (record == null) {
                ended = true;
                break;
            }
            batch.add(record);
        }
        return batch.isEmpty() ? null : batch;
    }

    @Override
    public Long snapshot() {
        return reader.offset();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
