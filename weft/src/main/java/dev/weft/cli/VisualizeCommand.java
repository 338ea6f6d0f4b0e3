package dev.weft.cli;

import dev.weft.Dataflow;
import dev.weft.visualize.Visualize;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code weft visualize}: builds the dataflow that {@code <flow>} names, as {@code weft run}
 * would, and prints its shape with {@link Visualize} instead of running it.
 */
@Command(name = "visualize", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, usageHelpAutoWidth = true,
        description = {
            "Prints a dataflow's steps as a Mermaid flowchart or as JSON; runs nothing.",
            "",
            "<flow> and the ARGs are as for 'weft run': a class implementing",
            "dev.weft.cli.DataflowFactory or Supplier<Dataflow>, or Class::method.",
            ""
        })
final class VisualizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FlowArguments flow;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (a flowchart, composite operators as subgraphs) or json (default: ${DEFAULT-VALUE}).")
    Visualize.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataflow dataflow;
        try {
            dataflow = flow.build();
        } catch (FlowException e) {
            return Weft.report(err, "weft visualize", e);
        }
        out.print(Visualize.render(dataflow, format));
        out.flush();
        return Weft.OK;
    }
}
