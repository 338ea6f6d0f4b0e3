package dev.weft.io.file;

import dev.weft.io.PartitionedSource;
import dev.weft.io.SourcePartition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a UTF-8 CSV file with a header row: each item is one row as an unmodifiable
 * {@code Map<String, String>} from the header's names to the row's fields, in header order.
 *
 * <p>Parsing follows RFC 4180: fields are separated by the delimiter (a comma unless told
 * otherwise); a field in double quotes may contain delimiters, line breaks and doubled quotes
 * ({@code ""} stands for {@code "}); rows end with {@code \n} or {@code \r\n}; blank lines are
 * skipped; a UTF-8 byte order mark before the header is dropped. Fields are not trimmed. A row with
 * fewer fields than the header maps only the columns it has; a row with more fails the run (the
 * extra fields have no name), naming the file and the row's byte offset, as does a quoted field
 * left open at the end of the file and a header with a repeated name.
 *
 * <p>One partition, named by the path as given, as for {@link FileSource}. <b>Resume state</b>:
 * the byte offset of the next row ({@code Long}); on resume the header is read again from the top
 * of the file, then reading continues exactly at the offset.
 *
 * <pre>{@code
 * Stream<Double> amounts = flow.input("orders", new CsvSource(ordersCsv))
 *         .map("amount", row -> Double.parseDouble(row.get("amount")));
 * }</pre>
 */
public final class CsvSource implements PartitionedSource<Map<String, String>, Long> {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Path path;
    private final char delimiter;
    private final int batchSize;

    /**
     * Reads {@code path}, comma-separated, in batches of {@value FileSource#DEFAULT_BATCH_SIZE} rows.
     *
     * @param path the file; its {@code toString()} names the partition
     */
    public CsvSource(Path path) {
        this(path, ',', FileSource.DEFAULT_BATCH_SIZE);
    }

    /**
     * Reads {@code path}, with fields separated by {@code delimiter}, in batches of at most
     * {@code batchSize} rows.
     *
     * @param path the file; its {@code toString()} names the partition
     * @param delimiter the field separator
     * @param batchSize the most rows per batch, at least 1
     * @throws IllegalArgumentException if {@code batchSize} is below 1, or the delimiter is a
     *     double quote, a line break or not ASCII
     */
    public CsvSource(Path path, char delimiter, int batchSize) {
        this.path = Objects.requireNonNull(path, "path");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter > 127) {
            throw new IllegalArgumentException("CSV delimiter must be an ASCII character other than a double quote"
                    + " or a line break; got '" + delimiter + "'");
        }
        this.delimiter = delimiter;
        this.batchSize = FileSource.checkBatchSize(batchSize);
    }

    /** The single partition: the path as given. */
    @Override
    public List<String> listPartitions() {
        FileSource.requireRegularFile(path, "CSV source");
        return List.of(path.toString());
    }

    @Override
    public SourcePartition<Map<String, String>, Long> buildPartition(String partition, Long resumeState) {
        if (!partition.equals(path.toString())) {
            throw new IllegalArgumentException("a CSV source reading '" + path + "' cannot open partition '"
                    + partition + "'; a snapshot can only resume the file it was taken from");
        }
        try {
            return new OffsetPartition<>(open(resumeState), batchSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open CSV file '" + path + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CsvSource[" + path + "]";
    }

    private RecordReader<Map<String, String>> open(Long resumeState) throws IOException {
        LineReader lines = new LineReader(path, 0);
        try {
            CsvReader csv = new CsvReader(lines, delimiter);
            List<String> header = csv.next();
            if (header != null) {
                checkHeader(header);
                if (resumeState != null) {
                    if (resumeState < csv.offset()) {
                        throw new IOException("cannot resume CSV file '" + path + "' at byte " + resumeState
                                + ": that is inside the header, which ends at byte " + csv.offset());
                    }
                    lines.seek(resumeState);
                }
            }
            return new Rows(csv, header);
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    private void checkHeader(List<String> header) throws IOException {
        if (header.get(0).startsWith(BYTE_ORDER_MARK)) {
            header.set(0, header.get(0).substring(1));
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!seen.add(name)) {
                throw new IOException("CSV file '" + path + "': the header names column '" + name
                        + "' twice; rename one so each row can be a map");
            }
        }
    }

    /** Turns records into maps keyed by the header. */
    private final class Rows implements RecordReader<Map<String, String>> {
        private final CsvReader csv;
        private final List<String> header;

        Rows(CsvReader csv, List<String> header) {
            this.csv = csv;
            this.header = header;
        }

        @Override
        public Map<String, String> next() throws IOException {
            if (header == null) {
                return null;
            }
            long rowStart = csv.offset();
            List<String> fields = csv.next();
            if (fields == null) {
                return null;
            }
            if (fields.size() > header.size()) {
                throw new IOException("CSV file '" + path + "': the row at byte offset " + rowStart + " has "
                        + fields.size() + " fields but the header names " + header.size() + " columns");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            return Collections.unmodifiableMap(row);
        }

        @Override
        public long offset() {
            return csv.offset();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }
}
