/**
 * Connectors for local files: {@link dev.weft.io.file.FileSource} and
 * {@link dev.weft.io.file.DirSource} (lines of UTF-8 text), {@link dev.weft.io.file.CsvSource}
 * (rows of a CSV file as maps), {@link dev.weft.io.file.FileSink} and
 * {@link dev.weft.io.file.DirSink} (values written as lines).
 *
 * <p>Every one is partitioned and resumable by byte offset: sources resume at the offset of the
 * next unread line or row, and sinks truncate their files to the position of the last snapshot, so
 * with recovery files are read and written exactly once. One worker reads or writes each file;
 * several files are spread over the workers. Depends on the JDK, {@code dev.weft},
 * {@code dev.weft.io} and {@code dev.weft.codec}.
 *
 * <p>The code samples in this package's Javadoc are compiled and run by
 * {@code dev.weft.io.ConnectorExamplesTest}.
 */
package dev.weft.io.file;
