package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.Stream;
import dev.weft.io.AbortExecution;
import dev.weft.io.SourcePartition;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TestingSource}: typed construction (a list of the wrong type does not compile), markers
 * through the builder, and Bytewax's behaviour at an ABORT marker: the items of the batch before it
 * are emitted, and the abort comes on the next read.
 */
@Timeout(60)
class TestingSourceTest {

    private static <T> SourcePartition<T, Integer> partition(TestingSource<T> source, Integer resume) {
        return source.buildPartition("iterable", resume);
    }

    @Test
    void shouldEmitTheItemsOfTheBatchBeforeAnAbortMarkerAndAbortOnTheNextRead() throws Exception {
        TestingSource<Integer> source = TestingSource.<Integer>builder()
                .items(1, 2, 3).abort().items(4).batchSize(5).build();
        SourcePartition<Integer, Integer> first = partition(source, null);

        assertThat(first.nextBatch()).containsExactly(1, 2, 3);
        assertThatThrownBy(first::nextBatch).isInstanceOf(AbortExecution.class).hasMessageContaining("index 3");
        assertThat(first.snapshot()).as("the resume state does not move past the marker").isEqualTo(3);

        // A resumed run passes the marker, which fires only once.
        SourcePartition<Integer, Integer> resumed = partition(source, first.snapshot());
        assertThat(resumed.nextBatch()).containsExactly(4);
        assertThat(resumed.nextBatch()).isNull();
    }

    @Test
    void shouldKeepTheItemsBeforeAnEofMarkerAndResumeAfterIt() throws Exception {
        TestingSource<String> source = TestingSource.<String>builder()
                .items("a", "b").eof().items(List.of("c")).batchSize(3).build();
        SourcePartition<String, Integer> first = partition(source, null);

        assertThat(first.nextBatch()).containsExactly("a", "b");
        assertThat(first.nextBatch()).isNull();
        assertThat(first.snapshot()).isEqualTo(3);
        assertThat(partition(source, 3).nextBatch()).containsExactly("c");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldDeliverTheItemsBeforeAnAbortMarkerInADataflow(int workers) {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        flow.input("in", TestingSource.<Integer>builder().items(1, 2, 3).abort().items(4).batchSize(5).build())
                .output("out", sink);

        Testing.run(flow, workers);

        assertThat(sink.items()).containsExactly(1, 2, 3);
    }

    @Test
    void shouldInferTheItemTypeFromTheItems() {
        Dataflow flow = new Dataflow("flow");
        TestingSink<Integer> sink = new TestingSink<>();
        // Copied into the Javadoc of TestingSource and Dataflow; keep them in step.
        Stream<Integer> numbers = flow.input("numbers", TestingSource.of(1, 2, 3));
        numbers.map("double", x -> x * 2).output("out", sink);
        List<Integer> fromList = List.of(4, 5);
        flow.input("more", new TestingSource<>(fromList)).map("triple", x -> x * 3).output("more_out", sink);

        Testing.runMain(flow);

        assertThat(sink.items()).containsExactlyInAnyOrder(2, 4, 6, 12, 15);
    }

    @Test
    void shouldNotCompileWithItemsOfTheWrongType() {
        assertThat(compile("new TestingSource<Integer>(List.of(\"x\"))")).contains("incompatible types");
        assertThat(compile("TestingSource.<Integer>builder().items(\"x\")")).isNotEmpty();
        assertThat(compile("new TestingSource<Integer>(List.of(1, 2))")).isEmpty();
        assertThat(compile("TestingSource.<Integer>builder().items(1).abort().eof().items(List.of(2)).build()"))
                .isEmpty();
    }

    @TempDir
    Path classes;

    /** Compiles {@code expression} in a method body and returns the compiler's errors. */
    private String compile(String expression) {
        String code = "import dev.weft.testing.TestingSource;\nimport java.util.List;\n"
                + "class Snippet { Object make() { return " + expression + "; } }\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Snippet.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
                "-d", classes.toString());
        compiler.getTask(new StringWriter(), null, diagnostics, options, null, List.of(source)).call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null))
                .collect(Collectors.joining("\n"));
    }
}
