package dev.weft.io.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.io.SinkPartition;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class FileSinkTest {

    @TempDir
    Path dir;

    private static List<KeyValue<String, Object>> values(Object... values) {
        List<KeyValue<String, Object>> items = new ArrayList<>();
        for (Object value : values) {
            items.add(KeyValue.of("k", value));
        }
        return items;
    }

    private static SinkPartition<KeyValue<String, Object>, Long> open(FileSink<String, Object> sink, Long state) {
        return sink.buildPartition(sink.listPartitions().get(0), state);
    }

    @Test
    void shouldWriteEachValueAsALineAndSnapshotTheBytePosition() throws Exception {
        Path file = dir.resolve("out.txt");
        SinkPartition<KeyValue<String, Object>, Long> partition = open(new FileSink<>(file), null);
        partition.writeBatch(values("a", 2, "été"));
        assertThat(partition.snapshot()).as("\"été\" is 5 bytes").isEqualTo(10L);
        partition.writeBatch(values("z"));
        assertThat(partition.snapshot()).isEqualTo(12L);
        partition.close();
        assertThat(Files.readString(file)).isEqualTo("a\n2\nété\nz\n");
    }

    @Test
    void shouldWriteAnotherLineEnd() throws Exception {
        Path file = dir.resolve("out.txt");
        SinkPartition<KeyValue<String, Object>, Long> partition = open(new FileSink<>(file, "\r\n"), null);
        partition.writeBatch(values("a", "b"));
        partition.close();
        assertThat(Files.readString(file)).isEqualTo("a\r\nb\r\n");
    }

    @Test
    void shouldTruncateAnExistingFileAtTheFirstWriteWithoutResumeState() throws Exception {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old content from an earlier run\n");
        SinkPartition<KeyValue<String, Object>, Long> partition = open(new FileSink<>(file), null);
        assertThat(Files.readString(file)).as("untouched before the first write").startsWith("old content");
        partition.writeBatch(values("new"));
        partition.close();
        assertThat(Files.readString(file)).isEqualTo("new\n");
    }

    @Test
    void shouldTruncateToTheSnapshotPositionOnResumeAndAppendFromThere() throws Exception {
        Path file = dir.resolve("out.txt");
        SinkPartition<KeyValue<String, Object>, Long> first = open(new FileSink<>(file), null);
        first.writeBatch(values("committed 1", "committed 2"));
        Long state = first.snapshot();
        first.writeBatch(values("written after the snapshot, lost in a crash"));
        first.close();

        SinkPartition<KeyValue<String, Object>, Long> resumed = open(new FileSink<>(file), state);
        assertThat(Files.readString(file)).as("truncated before any write")
                .isEqualTo("committed 1\ncommitted 2\n");
        resumed.writeBatch(values("replayed"));
        assertThat(resumed.snapshot()).isEqualTo(Files.size(file));
        resumed.close();
        assertThat(Files.readString(file)).isEqualTo("committed 1\ncommitted 2\nreplayed\n");
    }

    @Test
    void shouldRefuseToResumeAFileShorterThanTheSnapshot() throws Exception {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "short\n");
        assertThatThrownBy(() -> open(new FileSink<>(file), 100L))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("at byte 100")
                .hasMessageContaining("has 6 bytes");
    }

    @Test
    void shouldCreateMissingParentDirectories() throws Exception {
        Path file = dir.resolve("a/b/out.txt");
        SinkPartition<KeyValue<String, Object>, Long> partition = open(new FileSink<>(file), null);
        partition.writeBatch(values("x"));
        partition.close();
        assertThat(Files.readString(file)).isEqualTo("x\n");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldWriteEveryValueOnceInADataflow(int workers) throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "stale\n");
        List<Integer> numbers = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            numbers.add(i);
            expected.add("value " + i);
        }
        Dataflow flow = new Dataflow("file_out");
        flow.input("numbers", new TestingSource<Integer>(numbers, 50))
                .keyOn("key", n -> "k" + (n % 7))
                .mapValue("format", n -> "value " + n)
                .output("write", new FileSink<>(file));
        Testing.run(flow, workers);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(expected);
    }
}
