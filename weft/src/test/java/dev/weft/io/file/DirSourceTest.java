package dev.weft.io.file;

import static dev.weft.io.file.Partitions.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.io.SourcePartition;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class DirSourceTest {

    @TempDir
    Path dir;

    @Test
    void shouldListOnePartitionPerMatchingFileSortedByRelativePath() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "b\n");
        Files.writeString(dir.resolve("a.txt"), "a\n");
        Files.writeString(dir.resolve("notes.md"), "n\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.txt"), "c\n");

        assertThat(new DirSource(dir).listPartitions()).containsExactly("a.txt", "b.txt", "notes.md");
        assertThat(new DirSource(dir, "*.txt").listPartitions()).containsExactly("a.txt", "b.txt");
        assertThat(new DirSource(dir, "**/*.txt").listPartitions()).containsExactly("sub/c.txt");
    }

    @Test
    void shouldReadAndResumeEachFileByItsOwnOffset() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a1\na2\na3\n");
        DirSource source = new DirSource(dir, "*", 1);
        SourcePartition<String, Long> partition = source.buildPartition("a.txt", null);
        assertThat(partition.nextBatch()).containsExactly("a1");
        Long state = partition.snapshot();
        partition.close();
        assertThat(drain(source.buildPartition("a.txt", state))).containsExactly("a2", "a3");
    }

    @Test
    void shouldHaveNoPartitionsWhenNoFileMatches() {
        assertThat(new DirSource(dir, "*.csv").listPartitions()).isEmpty();
    }

    @Test
    void shouldFailWhenTheDirectoryDoesNotExist() {
        assertThatThrownBy(() -> new DirSource(dir.resolve("nope")).listPartitions())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("does not exist");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldReadEveryLineOfEveryFileExactlyOnce(int workers) throws IOException {
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                content.append("f").append(f).append(":").append(i).append('\n');
                expected.add("f" + f + ":" + i);
            }
            Files.writeString(dir.resolve("part-" + f + ".log"), content);
        }
        Files.writeString(dir.resolve("ignored.tmp"), "nope\n");

        Dataflow flow = new Dataflow("dir_lines");
        TestingSink<String> sink = new TestingSink<>();
        flow.input("read", new DirSource(dir, "*.log", 7)).output("out", sink);
        Testing.run(flow, workers);

        List<String> got = sink.items();
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        // Each file is read by one worker, in order.
        for (int f = 0; f < 5; f++) {
            String prefix = "f" + f + ":";
            assertThat(got.stream().filter(line -> line.startsWith(prefix)).collect(Collectors.toList()))
                    .isEqualTo(expected.stream().filter(line -> line.startsWith(prefix)).collect(Collectors.toList()));
        }
    }
}
