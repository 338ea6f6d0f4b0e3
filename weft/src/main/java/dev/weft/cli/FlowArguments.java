package dev.weft.cli;

import dev.weft.Dataflow;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/**
 * The positional arguments every command that builds a dataflow takes: {@code <flow>} and the
 * arguments for its factory. A picocli mixin.
 */
final class FlowArguments {

    @Parameters(index = "0", paramLabel = "<flow>", description = "The class, or Class::method, that builds the dataflow.")
    String flow;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the dataflow's factory or method.")
    List<String> flowArgs = new ArrayList<>();

    /**
     * Builds the dataflow {@code <flow>} names, loading classes through the thread's context class
     * loader (the launcher's class path).
     *
     * @throws FlowException if it names no dataflow, or its factory fails
     */
    Dataflow build() throws FlowException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return FlowReference.parse(flow).build(flowArgs, context != null ? context : FlowArguments.class.getClassLoader());
    }
}
