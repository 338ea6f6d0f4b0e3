package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.visualize.Visualize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class VisualizeCommandTest {

    @Test
    void shouldPrintMermaidByDefault() {
        Cli.Result result = new Cli().run("visualize", "dev.weft.cli.TestFlows::branching");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(Visualize.mermaid(TestFlows.branching()));
    }

    @Test
    void shouldPrintJsonInAnyCase() {
        Cli.Result lower = new Cli().run("visualize", "--format", "json", "dev.weft.cli.TestFlows::branching");
        Cli.Result upper = new Cli().run("visualize", "dev.weft.cli.TestFlows::branching", "-f", "JSON");

        assertThat(lower.code()).as(lower.err()).isZero();
        assertThat(lower.out()).isEqualTo(Visualize.json(TestFlows.branching()));
        assertThat(upper.out()).isEqualTo(lower.out());
    }

    @Test
    void shouldPassArgumentsToTheFlow() {
        Cli.Result result = new Cli().run("visualize", "dev.weft.cli.TestFlows$Factory", "visualized", "a");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("flowchart TD\n").contains("collect_upper[\"upper (flat_map_batch)\"]");
    }

    @Test
    void shouldPrintUsageAndExitTwoForUnknownFormat() {
        Cli.Result result = new Cli().run("visualize", "-f", "plantuml", "dev.weft.cli.TestFlows::branching");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("Invalid value for option '--format'").contains("Usage: weft visualize");
    }

    @Test
    void shouldSayWhatWasExpectedForBadFlow() {
        Cli.Result result = new Cli().run("visualize", "dev.weft.cli.TestFlows::notAFlow");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("weft visualize: method dev.weft.cli.TestFlows::notAFlow returns "
                + "java.lang.String; expected dev.weft.Dataflow");
    }

    @Test
    void shouldDocumentFormatsInHelp() {
        Cli.Result result = new Cli().run("help", "visualize");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("-f, --format=FORMAT").contains("mermaid").contains("json");
    }
}
