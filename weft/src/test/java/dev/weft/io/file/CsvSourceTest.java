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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class CsvSourceTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldMapEachRowByTheHeaderInHeaderOrder() throws Exception {
        Path file = write("index,value,instance\n0,0.132,24ae8d\n1,42.652,ac20cd\n");
        List<Map<String, String>> rows = drain(open(new CsvSource(file), null));
        assertThat(rows).containsExactly(
                Map.of("index", "0", "value", "0.132", "instance", "24ae8d"),
                Map.of("index", "1", "value", "42.652", "instance", "ac20cd"));
        assertThat(rows.get(0).keySet()).containsExactly("index", "value", "instance");
    }

    @Test
    void shouldParseQuotedFieldsWithDelimitersDoubledQuotesAndNewlines() throws Exception {
        Path file = write("name,note\n"
                + "\"Smith, J\",\"said \"\"hi\"\"\"\n"
                + "multi,\"line one\nline two\r\nline three\"\n"
                + "\"\",plain\n");
        assertThat(drain(open(new CsvSource(file), null))).containsExactly(
                Map.of("name", "Smith, J", "note", "said \"hi\""),
                Map.of("name", "multi", "note", "line one\nline two\r\nline three"),
                Map.of("name", "", "note", "plain"));
    }

    @Test
    void shouldAcceptCrlfRowsABlankLineAndNoFinalTerminator() throws Exception {
        Path file = write("a,b\r\n1,2\r\n\r\n3,4");
        assertThat(drain(open(new CsvSource(file), null)))
                .containsExactly(Map.of("a", "1", "b", "2"), Map.of("a", "3", "b", "4"));
    }

    @Test
    void shouldKeepEmptyFieldsAndMapOnlyTheColumnsOfAShortRow() throws Exception {
        Path file = write("a,b,c\n1,,3\n4\n");
        assertThat(drain(open(new CsvSource(file), null)))
                .containsExactly(Map.of("a", "1", "b", "", "c", "3"), Map.of("a", "4"));
    }

    @Test
    void shouldTreatAQuoteInsideAnUnquotedFieldAsAPlainCharacter() throws Exception {
        Path file = write("a,b\n5\" screen,x\n");
        assertThat(drain(open(new CsvSource(file), null))).containsExactly(Map.of("a", "5\" screen", "b", "x"));
    }

    @Test
    void shouldUseAnotherDelimiterAndDropAByteOrderMark() throws Exception {
        Path file = write("\uFEFFa;b\n\"x;y\";z\n");
        assertThat(drain(open(new CsvSource(file, ';', 10), null))).containsExactly(Map.of("a", "x;y", "b", "z"));
    }

    @Test
    void shouldEndAtOnceOnAnEmptyFileOrAHeaderAlone() throws Exception {
        assertThat(open(new CsvSource(write("")), null).nextBatch()).isNull();
        assertThat(open(new CsvSource(write("a,b\n")), null).nextBatch()).isNull();
    }

    @Test
    void shouldResumeFromASnapshotRereadingTheHeader() throws Exception {
        Path file = write("id,text\n1,\"a\nb\"\n2,two\n3,\"x,y\"\n4,four");
        SourcePartition<Map<String, String>, Long> first = open(new CsvSource(file, ',', 2), null);
        assertThat(first.nextBatch()).extracting(row -> row.get("id")).containsExactly("1", "2");
        Long state = first.snapshot();
        assertThat(state).isEqualTo("id,text\n1,\"a\nb\"\n2,two\n".length());
        first.close();

        SourcePartition<Map<String, String>, Long> resumed = open(new CsvSource(file, ',', 2), state);
        assertThat(drain(resumed)).containsExactly(Map.of("id", "3", "text", "x,y"), Map.of("id", "4", "text", "four"));
    }

    @Test
    void shouldRefuseToResumeInsideTheHeader() throws Exception {
        Path file = write("a,b\n1,2\n");
        assertThatThrownBy(() -> open(new CsvSource(file), 2L))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("inside the header");
    }

    @Test
    void shouldFailOnAQuotedFieldLeftOpenAtTheEnd() throws Exception {
        Path file = write("a,b\n1,\"never closed\n2,3\n");
        SourcePartition<Map<String, String>, Long> partition = open(new CsvSource(file), null);
        assertThatThrownBy(partition::nextBatch)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not closed")
                .hasMessageContaining("byte offset 4");
    }

    @Test
    void shouldFailOnARowWithMoreFieldsThanTheHeader() throws Exception {
        Path file = write("a,b\n1,2,3\n");
        SourcePartition<Map<String, String>, Long> partition = open(new CsvSource(file), null);
        assertThatThrownBy(partition::nextBatch)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("3 fields but the header names 2 columns");
    }

    @Test
    void shouldFailOnARepeatedColumnName() throws Exception {
        Path file = write("a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> open(new CsvSource(file), null))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("column 'a' twice");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldEmitEveryRowInADataflow(int workers) throws IOException {
        StringBuilder content = new StringBuilder("n,quote\n");
        List<Map<String, String>> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            content.append(i).append(",\"say \"\"").append(i).append("\"\",\r\nok\"\n");
            expected.add(Map.of("n", String.valueOf(i), "quote", "say \"" + i + "\",\r\nok"));
        }
        Path file = write(content.toString());
        Dataflow flow = new Dataflow("csv_rows");
        TestingSink<Map<String, String>> sink = new TestingSink<>();
        flow.input("read", new CsvSource(file, ',', 64)).output("out", sink);
        Testing.run(flow, workers);
        assertThat(sink.items()).isEqualTo(expected);
    }
}
