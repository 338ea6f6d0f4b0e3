package dev.weft.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.io.SinkPartition;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSource;
import java.io.IOException;
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
class DirSinkTest {

    @TempDir
    Path dir;

    @Test
    void shouldListItsFilesInSortedOrderAndRouteByIndexIntoThem() {
        DirSink<Long, String> sink = new DirSink<>(dir, 11, key -> key, "\n");
        List<String> names = sink.listPartitions();
        assertThat(names).hasSize(11).startsWith("part_0", "part_1", "part_10", "part_2").endsWith("part_9");
        // As in Bytewax, the index is into the sorted names: 2 is part_10.
        assertThat(names.get(sink.partitionFor(2L, names.size()))).isEqualTo("part_10");
        assertThat(sink.partitionFor(-1L, names.size())).isEqualTo(10);
    }

    @Test
    void shouldRouteAKeyToTheSameFileEveryTime() {
        DirSink<String, String> sink = new DirSink<>(dir, 4);
        assertThat(sink.partitionFor("user-17", 4)).isEqualTo(sink.partitionFor("user-17", 4)).isBetween(0, 3);
    }

    @Test
    void shouldTruncateEachFileToItsOwnSnapshotOnResume() throws Exception {
        DirSink<String, String> sink = new DirSink<>(dir, 2);
        SinkPartition<KeyValue<String, String>, Long> part0 = sink.buildPartition("part_0", null);
        part0.writeBatch(List.of(KeyValue.of("a", "kept")));
        Long state = part0.snapshot();
        part0.writeBatch(List.of(KeyValue.of("a", "dropped")));
        part0.close();

        sink.buildPartition("part_0", state).close();
        assertThat(Files.readString(dir.resolve("part_0"))).isEqualTo("kept\n");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldWriteEveryValueOnceToTheFileItsKeyRoutesTo(int workers) throws IOException {
        Path out = dir.resolve("out");
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            numbers.add(i);
        }
        DirSink<String, Integer> sink = new DirSink<>(out, 4);
        Dataflow flow = new Dataflow("dir_out");
        flow.input("numbers", new TestingSource<Integer>(numbers, 25))
                .keyOn("key", n -> "k" + (n % 10))
                .output("write", sink);
        Testing.run(flow, workers);

        List<String> names = sink.listPartitions();
        List<Integer> written = new ArrayList<>();
        for (String name : names) {
            Path file = out.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                int n = Integer.parseInt(line);
                written.add(n);
                assertThat(names.get(sink.partitionFor("k" + (n % 10), names.size()))).as("file of %d", n).isEqualTo(name);
            }
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(numbers);
    }
}
