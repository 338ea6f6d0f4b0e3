package dev.weft.io.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the lines of a {@link LineReader} into CSV records (RFC 4180): fields separated by the
 * delimiter; a field in double quotes may hold delimiters, line breaks (kept as they are in the
 * file) and doubled quotes, which stand for one. Blank lines between records are skipped.
 *
 * <p>Like Python's {@code csv} module it is lenient where RFC 4180 is silent: a quote inside an
 * unquoted field is a plain character, and text after a closing quote is appended to the field.
 * A quoted field still open at the end of the file fails loudly.
 */
final class CsvReader implements RecordReader<List<String>> {

    private final LineReader lines;
    private final char delimiter;

    CsvReader(LineReader lines, char delimiter) {
        this.lines = lines;
        this.delimiter = delimiter;
    }

    @Override
    public List<String> next() throws IOException {
        long recordStart;
        String line;
        do {
            recordStart = lines.offset();
            line = lines.readLine();
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return fields;
                }
                field.append(lines.terminator());
                line = lines.readLine();
                if (line == null) {
                    throw new IOException("CSV file '" + lines.path() + "': the quoted field in the row at byte offset "
                            + recordStart + " is not closed before the end of the file");
                }
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i < line.length() && line.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                field.append(c);
            }
            fieldStart = false;
        }
    }

    @Override
    public long offset() {
        return lines.offset();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
