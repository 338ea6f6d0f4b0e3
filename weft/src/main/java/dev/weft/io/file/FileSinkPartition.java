package dev.weft.io.file;

import dev.weft.KeyValue;
import dev.weft.io.SinkPartition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the values of key-value items to one file, each as its {@code String} form plus a line
 * end, in UTF-8; its resume state is the byte position after the last write.
 *
 * <p>Resumed from a position, the file is truncated to it at once, so output written after that
 * snapshot is replaced by the replayed output. Without a position the file is truncated to 0 at
 * the first write. Each batch is one positional write; the file is forced to the device at every
 * snapshot and at close, so a snapshot's position never covers bytes a crash could lose.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class FileSinkPartition<K, V> implements SinkPartition<KeyValue<K, V>, Long> {

    private final Path path;
    private final String end;
    private FileChannel channel;
    private long position;

    /**
     * Opens {@code path}, truncating it to {@code resumeState} if given.
     *
     * @throws IOException if the file cannot be opened, or is shorter than {@code resumeState}
     */
    FileSinkPartition(Path path, Long resumeState, String end) throws IOException {
        this.path = path;
        this.end = end;
        if (resumeState != null) {
            open();
            long size = channel.size();
            if (resumeState < 0 || resumeState > size) {
                channel.close();
                throw new IOException("cannot resume writing '" + path + "' at byte " + resumeState + ": the file has "
                        + size + " bytes; was it truncated or replaced since the snapshot?");
            }
            channel.truncate(resumeState);
            position = resumeState;
        }
    }

    @Override
    public void writeBatch(List<KeyValue<K, V>> items) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        if (channel == null) {
            open();
            channel.truncate(0);
            position = 0;
        }
        StringBuilder text = new StringBuilder(items.size() * 32);
        for (KeyValue<K, V> item : items) {
            text.append(item.value()).append(end);
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    @Override
    public Long snapshot() {
        if (channel != null) {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot force '" + path + "' to disk: " + e.getMessage(), e);
            }
        }
        return position;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            try {
                channel.force(false);
            } finally {
                channel.close();
            }
        }
    }

    private void open() throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
}
