package dev.weft.cli;

import dev.weft.Dataflow;
import dev.weft.visualize.Visualize;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    @Parameters(index = "0", paramLabel = "<flow>", description = "The class, or Class::method, that builds the dataflow.")
    String flow;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the dataflow's factory or method.")
    List<String> flowArgs = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (a flowchart, composite operators as subgraphs) or json (default: ${DEFAULT-VALUE}).")
    Visualize.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataflow dataflow;
        try {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            dataflow = FlowReference.parse(flow).build(flowArgs,
                    context != null ? context : VisualizeCommand.class.getClassLoader());
        } catch (FlowException e) {
            return Weft.report(err, "weft visualize", e);
        }
        out.print(Visualize.render(dataflow, format));
        out.flush();
        return Weft.OK;
    }
}
