package dev.weft.cli;

import dev.weft.Dataflow;
import dev.weft.StepException;
import dev.weft.runtime.RunConfig;
import dev.weft.runtime.Runner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code weft run}: builds the dataflow that {@code <flow>} names and runs it on
 * {@code -w} worker threads in this JVM until every input ends. Flags mirror Bytewax's
 * {@code python -m bytewax.run}, and each also reads a {@code WEFT_*} environment variable
 * ({@link EnvironmentDefaults}). Flags for features that have not landed (clusters, recovery)
 * are refused before anything runs.
 */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {
            "Runs a dataflow in this JVM on N worker threads until every input ends.",
            "",
            "<flow> names code on the class path that builds a dev.weft.Dataflow:",
            "  com.acme.WordCount         a class implementing dev.weft.cli.DataflowFactory",
            "                             (build(List<String> args)) or Supplier<Dataflow>,",
            "                             with a public no-argument constructor;",
            "  com.acme.Flows::wordCount  a public static method returning a Dataflow and",
            "                             taking String..., List<String> or nothing.",
            "The ARGs after <flow> are passed to it (put them after -- if they start with -).",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    every input ended",
            "  1    the dataflow failed (the message names the step, worker and key), or its",
            "       code threw while building it",
            "  2    a bad command line, a <flow> that names no dataflow, or a feature that is",
            "       not available yet",
            "  130  cancelled (with Ctrl-C or SIGTERM the JVM itself exits 130 or 143)",
        })
final class RunCommand implements Callable<Integer> {

    /** How long a shutdown waits for the workers to stop before the JVM exits anyway. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private static final String CLUSTER_REFUSAL = "multi-process clusters are not available yet (issue: cluster over "
            + "TCP); run with -w N workers in one process";
    private static final String RECOVERY_REFUSAL = "recovery is not available yet; run without -r, -s and -b (set "
            + "the epoch length with --epoch-interval)";

    @Spec
    CommandSpec spec;

    @Mixin
    FlowArguments flow;

    @Option(names = {"-w", "--workers-per-process"}, paramLabel = "N", defaultValue = "1",
            description = "Worker threads in this process (default: ${DEFAULT-VALUE}; env WEFT_WORKERS_PER_PROCESS).")
    int workers;

    @Option(names = {"-i", "--process-id"}, paramLabel = "I",
            description = "This process's index in --addresses, from 0 (env WEFT_PROCESS_ID). Not available yet.")
    Integer processId;

    @Option(names = {"-a", "--addresses"}, paramLabel = "ADDRS",
            description = "host:port of every process of the cluster, separated by ';' (env WEFT_ADDRESSES). "
                    + "Not available yet.")
    String addresses;

    @Option(names = {"-r", "--recovery-directory"}, paramLabel = "DIR",
            description = "Directory of recovery partitions (env WEFT_RECOVERY_DIRECTORY). Not available yet.")
    Path recoveryDirectory;

    @Option(names = {"-s", "--snapshot-interval"}, paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "Seconds between snapshots, with -r (env WEFT_SNAPSHOT_INTERVAL). Not available yet.")
    Duration snapshotInterval;

    @Option(names = {"-b", "--backup-interval"}, paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "Seconds to keep old snapshots, with -r (env WEFT_BACKUP_INTERVAL). Not available yet.")
    Duration backupInterval;

    @Option(names = "--epoch-interval", paramLabel = "SECONDS", converter = SecondsConverter.class, defaultValue = "10",
            description = "Length of an input epoch in seconds, such as 10 or 0.5 (default: ${DEFAULT-VALUE}; "
                    + "env WEFT_EPOCH_INTERVAL).")
    Duration epochInterval;

    private final ShutdownCancellation.Hooks hooks;

    /** A command whose cancellation hook registers with {@code hooks}. */
    RunCommand(ShutdownCancellation.Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (workers < 1) {
            throw new ParameterException(spec.commandLine(),
                    "-w/--workers-per-process must be at least 1; got " + workers);
        }
        String refusal = refusal();
        if (refusal != null) {
            err.println("weft run: " + refusal);
            err.println("Run 'weft run --help' for usage.");
            err.flush();
            return Weft.USAGE;
        }
        try (ShutdownCancellation cancellation = ShutdownCancellation.install(hooks, err, SHUTDOWN_GRACE)) {
            int code = run(cancellation, err);
            err.flush();
            return code;
        }
    }

    private int run(ShutdownCancellation cancellation, PrintWriter err) {
        Dataflow dataflow;
        try {
            dataflow = flow.build();
        } catch (FlowException e) {
            return Weft.report(err, "weft run", e);
        }
        Runner runner;
        try {
            runner = new Runner(dataflow, RunConfig.defaults(workers).withEpochInterval(epochInterval));
        } catch (IllegalStateException e) {
            err.println("weft run: " + e.getMessage());
            return Weft.FAILED;
        }
        cancellation.watch(runner);
        if (cancellation.triggered()) {
            err.println("weft run: dataflow '" + dataflow.id() + "' was not started: " + ShutdownCancellation.REASON);
            return Weft.CANCELLED;
        }
        try {
            runner.run();
            return Weft.OK;
        } catch (CancellationException e) {
            err.println("weft run: dataflow '" + dataflow.id() + "' stopped before its inputs ended: "
                    + e.getMessage());
            return Weft.CANCELLED;
        } catch (StepException e) {
            err.println("weft run: dataflow '" + dataflow.id() + "' failed: " + e.getMessage());
            if (e.getCause() != null) {
                err.print("caused by: ");
                e.getCause().printStackTrace(err);
            }
            return Weft.FAILED;
        } catch (RuntimeException | Error e) {
            err.println("weft run: dataflow '" + dataflow.id() + "' failed: " + e);
            e.printStackTrace(err);
            return Weft.FAILED;
        }
    }

    /** Why the options cannot be honoured yet, or {@code null}. */
    private String refusal() {
        List<String> cluster = given("--process-id", processId, "--addresses", addresses);
        if (!cluster.isEmpty()) {
            return CLUSTER_REFUSAL + " (" + String.join(", ", cluster) + ")";
        }
        List<String> recovery = given("--recovery-directory", recoveryDirectory, "--snapshot-interval",
                snapshotInterval, "--backup-interval", backupInterval);
        if (!recovery.isEmpty()) {
            return RECOVERY_REFUSAL + " (" + String.join(", ", recovery) + ")";
        }
        return null;
    }

    /** For each option (name, value pairs) that has a value: the flag as given, or its environment variable. */
    private List<String> given(Object... namesAndValues) {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (namesAndValues[i + 1] == null) {
                continue;
            }
            OptionSpec option = spec.findOption(name);
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                given.add(String.join("/", option.names()) + " given");
            } else {
                given.add(EnvironmentDefaults.variableFor(option) + " is set");
            }
        }
        return given;
    }
}
