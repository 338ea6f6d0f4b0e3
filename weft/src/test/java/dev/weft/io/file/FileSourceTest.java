package dev.weft.io.file;

import static dev.weft.io.file.Partitions.drain;
import static dev.weft.io.file.Partitions.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.io.SourcePartition;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
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
class FileSourceTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("in.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldReadLinesWithoutTheirTerminators() throws Exception {
        Path file = write("alpha\nbeta\n\ngamma\n");
        assertThat(drain(open(new FileSource(file), null))).containsExactly("alpha", "beta", "", "gamma");
    }

    @Test
    void shouldStripCrlfButKeepALoneCarriageReturn() throws Exception {
        Path file = write("one\r\ntwo\r\nthree\rstill three\n");
        assertThat(drain(open(new FileSource(file), null))).containsExactly("one", "two", "three\rstill three");
    }

    @Test
    void shouldReadALastLineWithoutTerminator() throws Exception {
        Path file = write("first\nlast");
        SourcePartition<String, Long> partition = open(new FileSource(file), null);
        assertThat(drain(partition)).containsExactly("first", "last");
        assertThat(partition.snapshot()).isEqualTo(Files.size(file));
    }

    @Test
    void shouldEndAtOnceOnAnEmptyFile() throws Exception {
        Path file = write("");
        SourcePartition<String, Long> partition = open(new FileSource(file), null);
        assertThat(partition.nextBatch()).isNull();
        assertThat(partition.snapshot()).isZero();
    }

    @Test
    void shouldReadInBatchesOfTheConfiguredSize() throws Exception {
        Path file = write("1\n2\n3\n4\n5\n");
        SourcePartition<String, Long> partition = open(new FileSource(file, 2), null);
        assertThat(partition.nextBatch()).containsExactly("1", "2");
        assertThat(partition.nextBatch()).containsExactly("3", "4");
        assertThat(partition.nextBatch()).containsExactly("5");
        assertThat(partition.nextBatch()).isNull();
    }

    @Test
    void shouldSnapshotTheByteOffsetOfTheNextLine() throws Exception {
        Path file = write("ab\r\nc\nélan\nz");
        SourcePartition<String, Long> partition = open(new FileSource(file, 1), null);
        List<Long> offsets = new ArrayList<>();
        while (partition.nextBatch() != null) {
            offsets.add(partition.snapshot());
        }
        // "élan" is 5 bytes in UTF-8.
        assertThat(offsets).containsExactly(4L, 6L, 12L, 13L);
    }

    @Test
    void shouldResumeExactlyFromASnapshotTakenMidFile() throws Exception {
        Path file = write("a\r\nbb\nccc\r\ndddd\neeeee");
        SourcePartition<String, Long> first = open(new FileSource(file, 2), null);
        assertThat(first.nextBatch()).containsExactly("a", "bb");
        Long state = first.snapshot();
        List<String> rest = drain(first);
        first.close();

        SourcePartition<String, Long> resumed = open(new FileSource(file, 2), state);
        assertThat(drain(resumed)).isEqualTo(rest).containsExactly("ccc", "dddd", "eeeee");
        resumed.close();
    }

    @Test
    void shouldResumeFromEveryBatchBoundaryToTheSameRemainingLines() throws Exception {
        String content = "x\n\r\n" + "ü".repeat(40_000) + "\r\n" + "y".repeat(100_000) + "\nlast";
        Path file = write(content);
        List<String> all = drain(open(new FileSource(file, 1), null));
        assertThat(all).containsExactly("x", "", "ü".repeat(40_000), "y".repeat(100_000), "last");

        SourcePartition<String, Long> reader = open(new FileSource(file, 1), null);
        for (int read = 0; read <= all.size(); read++) {
            SourcePartition<String, Long> resumed = open(new FileSource(file, 1), reader.snapshot());
            assertThat(drain(resumed)).as("resumed after %d lines", read).isEqualTo(all.subList(read, all.size()));
            resumed.close();
            reader.nextBatch();
        }
    }

    @Test
    void shouldEndAtOnceWhenResumedAtTheEndOfTheFile() throws Exception {
        Path file = write("a\nb\n");
        assertThat(open(new FileSource(file), Files.size(file)).nextBatch()).isNull();
    }

    @Test
    void shouldRefuseToResumePastTheEndOfTheFile() throws Exception {
        Path file = write("a\nb\n");
        assertThatThrownBy(() -> open(new FileSource(file), 99L))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("at byte 99")
                .hasMessageContaining("has 4 bytes");
    }

    @Test
    void shouldFailOnBytesThatAreNotUtf8NamingTheOffset() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[] {'o', 'k', '\n', 'b', (byte) 0xC3, '(', '\n'});
        SourcePartition<String, Long> partition = open(new FileSource(file), null);
        assertThatThrownBy(partition::nextBatch)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("byte offset 3");
    }

    @Test
    void shouldFailWhenTheFileDoesNotExist() {
        Path missing = dir.resolve("missing.txt");
        assertThatThrownBy(() -> new FileSource(missing).listPartitions())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldNameItsPartitionByThePath() throws Exception {
        Path file = write("a\n");
        assertThat(new FileSource(file).listPartitions()).containsExactly(file.toString());
        assertThatThrownBy(() -> new FileSource(file).buildPartition("other.txt", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other.txt");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldEmitEveryLineOnceInOrderInADataflow(int workers) throws Exception {
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            content.append("line ").append(i).append(i % 2 == 0 ? "\n" : "\r\n");
            expected.add("line " + i);
        }
        Path file = write(content.toString());
        Dataflow flow = new Dataflow("file_lines");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("read", new FileSource(file, 100)).output("out", sink);
        Testing.run(flow, workers);
        assertThat(sink.items()).isEqualTo(expected);
    }
}
