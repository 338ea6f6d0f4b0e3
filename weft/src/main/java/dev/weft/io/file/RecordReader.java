package dev.weft.io.file;

import java.io.IOException;

/**
 * Reads the records of one file in order and knows the byte offset of the next one.
 *
 * @param <T> the record type
 */
interface RecordReader<T> extends AutoCloseable {

    /**
     * The next record, or {@code null} at the end of the file.
     *
     * @throws IOException if reading or parsing fails
     */
    T next() throws IOException;

    /** The byte offset of the next unread record. */
    long offset();

    @Override
    void close() throws IOException;
}
