package dev.weft.io.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a UTF-8 file line by line from a byte offset, and knows at every moment the byte offset
 * of the next unread line: the resume position of the file and CSV sources.
 *
 * <p>A line ends at {@code \n} or {@code \r\n} (neither is returned); a last line without a
 * terminator is still a line. A lone {@code \r} is part of the line. Bytes that are not valid UTF-8
 * fail loudly with the file and the line's offset. Single-threaded.
 */
final class LineReader implements AutoCloseable {

    private static final int INITIAL_BUFFER = 64 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[INITIAL_BUFFER];
    /** The first unconsumed byte in {@code buffer}. */
    private int start;
    /** One past the last valid byte in {@code buffer}. */
    private int end;
    /** The file offset of {@code buffer[0]}. */
    private long bufferOffset;
    private boolean eof;
    private String terminator = "";

    /**
     * Opens {@code path} for reading from {@code offset}.
     *
     * @throws IOException if the file cannot be opened, or is shorter than {@code offset}
     */
    LineReader(Path path, long offset) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            seek(offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Moves to {@code offset}, which should be the start of a line.
     *
     * @throws IOException if the file is shorter than {@code offset}
     */
    void seek(long offset) throws IOException {
        long size = channel.size();
        if (offset < 0 || offset > size) {
            throw new IOException("cannot resume reading '" + path + "' at byte " + offset + ": the file has "
                    + size + " bytes; was it truncated or replaced since the snapshot?");
        }
        bufferOffset = offset;
        start = 0;
        end = 0;
        eof = false;
        terminator = "";
    }

    /** The byte offset of the next unread line: everything before it has been returned. */
    long offset() {
        return bufferOffset + start;
    }

    /** The terminator of the line last returned: {@code "\n"}, {@code "\r\n"}, or {@code ""} at the end of the file. */
    String terminator() {
        return terminator;
    }

    /** The path being read. */
    Path path() {
        return path;
    }

    /**
     * The next line without its terminator, or {@code null} at the end of the file.
     *
     * @throws IOException if reading fails or the line is not valid UTF-8
     */
    String readLine() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    boolean crlf = i > start && buffer[i - 1] == '\r';
                    String line = decode(start, crlf ? i - 1 : i);
                    terminator = crlf ? "\r\n" : "\n";
                    start = i + 1;
                    return line;
                }
            }
            if (eof) {
                if (start == end) {
                    terminator = "";
                    return null;
                }
                String line = decode(start, end);
                terminator = "";
                start = end;
                return line;
            }
            scanned = end - start;
            fill();
        }
    }

    /** Reads more bytes after {@code end}, compacting or growing the buffer first if it is full. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            bufferOffset += start;
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            byte[] bigger = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, bigger, 0, end);
            buffer = bigger;
        }
        int read = channel.read(ByteBuffer.wrap(buffer, end, buffer.length - end), bufferOffset + end);
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }

    private String decode(int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            if (buffer[i] < 0) {
                try {
                    return decoder.decode(ByteBuffer.wrap(buffer, from, to - from)).toString();
                } catch (CharacterCodingException e) {
                    throw new IOException("'" + path + "' is not valid UTF-8 in the line at byte offset "
                            + (bufferOffset + from), e);
                }
            }
        }
        return new String(buffer, from, to - from, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
