package dev.weft.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code weft} command: {@code weft run <flow> [-w N] ...} runs a dataflow, and
 * {@code weft visualize <flow> [--format mermaid|json]} prints its shape, and
 * {@code weft recovery init DIR N} creates a recovery store. {@code bin/weft} starts
 * {@link #main}; {@code weft <command> --help} documents every flag.
 *
 * <pre>{@code
 * WEFT_CLASSPATH=target/app.jar bin/weft run com.acme.Flows::wordCount input.txt -w 4
 * }</pre>
 *
 * <p>Exit codes: {@link #OK}, {@link #FAILED}, {@link #USAGE}, {@link #CANCELLED}; a JVM stopped
 * by Ctrl-C or SIGTERM exits with 130 or 143 after {@code weft run} has cancelled the workers.
 */
@Command(name = "weft", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND", usageHelpAutoWidth = true,
        description = "Runs and inspects Weft dataflows.")
public final class Weft implements Callable<Integer> {

    /** Exit code: the command did what it was asked; for {@code weft run}, every input ended. */
    public static final int OK = 0;
    /** Exit code: the dataflow failed while running, or its code threw while building it. */
    public static final int FAILED = 1;
    /**
     * Exit code: a bad command line, a {@code <flow>} that names no dataflow, or a feature that is
     * not available yet; nothing ran.
     */
    public static final int USAGE = 2;
    /** Exit code: the run was cancelled before its inputs ended. */
    public static final int CANCELLED = 130;

    @Spec
    CommandSpec spec;

    private Weft() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args {@code run ...}, {@code visualize ...}, {@code help}, {@code --version}
     */
    public static void main(String... args) {
        System.exit(commandLine(System.getenv(), ShutdownCancellation.RUNTIME).execute(args));
    }

    /**
     * The {@code weft} command line, its options defaulting from {@code environment}.
     *
     * @param environment where {@code WEFT_*} defaults are read from
     * @param hooks where {@code weft run} registers its cancelling shutdown hook
     */
    static CommandLine commandLine(Map<String, String> environment, ShutdownCancellation.Hooks hooks) {
        CommandLine weft = new CommandLine(new Weft());
        weft.addSubcommand("run", new RunCommand(hooks));
        weft.addSubcommand("visualize", new VisualizeCommand());
        weft.addSubcommand("recovery", RecoveryCommand.commandLine());
        weft.addSubcommand("help", new CommandLine.HelpCommand());
        weft.setCaseInsensitiveEnumValuesAllowed(true);
        weft.setDefaultValueProvider(new EnvironmentDefaults(environment));
        return weft;
    }

    /** Prints why {@code <flow>} gave no dataflow (with the user's stack trace if their code threw). */
    static int report(PrintWriter err, String command, FlowException e) {
        err.println(command + ": " + e.getMessage());
        if (e.getCause() != null) {
            printUserTrace(err, e.getCause());
        }
        if (e.exitCode() == USAGE) {
            err.println("Run '" + command + " --help' for the forms <flow> takes.");
        }
        err.flush();
        return e.exitCode();
    }

    /**
     * Prints the stack trace of an exception thrown by the user's code while weft called it,
     * without the frames of weft calling it (reflection, picocli, this package's loader).
     */
    private static void printUserTrace(PrintWriter err, Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        int end = frames.length;
        for (int i = 0; i < frames.length; i++) {
            String type = frames[i].getClassName();
            if (type.equals(FlowReference.class.getName()) || type.startsWith("java.lang.reflect.")
                    || type.startsWith("jdk.internal.reflect.")) {
                end = i;
                break;
            }
        }
        if (end > 0 && end < frames.length) {
            failure.setStackTrace(Arrays.copyOf(frames, end));
        }
        failure.printStackTrace(err);
    }

    @Override
    public Integer call() {
        CommandLine weft = spec.commandLine();
        weft.getErr().println("weft: missing a command");
        weft.usage(weft.getErr());
        weft.getErr().flush();
        return USAGE;
    }
}
