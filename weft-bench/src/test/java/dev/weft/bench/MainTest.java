package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bench.harness.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldRunEveryBenchmarkAndPrintOneRowPerVariant() throws Exception {
        int status = run("--runs", "1", "--warmups", "0", "--min-time", "1",
                "--param", "maps.records=1000", "--param", "exchange.records=5000", "--param", "epochs.epochs=1000",
                "--param", "cc.nodes=1000", "--param", "cc.edges=2000",
                "--param", "wordcount.kilobytes=32", "--param", "wordcount.vocabulary=1000",
                "--param", "stress.seeds=3", "--param", "store.keys=1000",
                // In this JVM, without Flink (which only bench/run puts on a class path).
                "--no-fork", "--variant", "hand", "--variant", "weft", "all");

        assertThat(status).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        for (String benchmark : new String[] {"maps", "exchange", "epochs", "cc", "wordcount"}) {
            assertThat(table).containsPattern("\\| " + benchmark + " +\\| hand loop +\\|");
        }
        assertThat(table).containsPattern("\\| stress +\\| weft, 2 to 8 workers +\\|.*seeds 0\\.\\.2, 0 failed");
        assertThat(table).containsPattern("\\| store +\\| weft, write a snapshot +\\|.*4 partitions")
                .containsPattern("\\| store +\\| weft, read for a resume +\\|");
        assertThat(table).contains("WARNING: this JVM has no fixed, pre-touched heap");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cc / hand loop: run 1/1:");
        assertThat(table).containsPattern("\\| wordcount +\\| weft, 2 workers +\\|")
                .contains("| variant | lines/s | words/s |")
                .contains("- weft, 2 workers / weft, 1 worker = ");
    }

    @Test
    void shouldMeasureAForkedVariantInAChildJvmThatReportsItsResult() throws Exception {
        int status = run("--runs", "1", "--warmups", "0", "--min-time", "1", "--variant", "hand",
                "--param", "wordcount.kilobytes=32", "--param", "wordcount.vocabulary=1000", "wordcount");

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("wordcount / hand loop: in a child JVM: ")
                .contains("    | java 17")
                .contains("wordcount / hand loop: run 1/1:");
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("\\| wordcount +\\| hand loop +\\|");
    }

    @Test
    void shouldCarryAResultThroughItsLine() {
        Result result = new Result("wordcount", "weft, 2 workers", false, "words/s", 1.5e7, 1.2e7, 1.75e7, 5,
                "distinct=3,\tx");

        Result parsed = Forked.parse(Forked.resultLine(result));

        assertThat(parsed).isEqualTo(new Result("wordcount", "weft, 2 workers", false, "words/s", 1.5e7, 1.2e7, 1.75e7,
                5, "distinct=3, x"));
    }

    @Test
    void shouldListBenchmarksWithTheirParameters() throws Exception {
        assertThat(run("--list")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("maps (rec/s)")
                .contains("  variant hand loop (baseline)")
                .contains("  --param cc.edges=4000000");
    }

    @Test
    void shouldRefuseAnUnknownBenchmarkWithTheKnownOnes() throws Exception {
        assertThat(run("mpas")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown benchmark 'mpas'; known: [maps, exchange, epochs, cc, wordcount, stress, store], all")
                .contains("Usage: bench/run");
    }

    @Test
    void shouldOnlyAcceptParametersOfTheSelectedBenchmarks() throws Exception {
        assertThat(run("--param", "cc.nodes=10", "maps")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown parameter 'cc.nodes'");
    }

    private int run(String... args) throws Exception {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
