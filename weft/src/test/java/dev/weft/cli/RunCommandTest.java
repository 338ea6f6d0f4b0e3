package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.Model.OptionSpec;

@Timeout(60)
class RunCommandTest {

    // ---------------------------------------------------------------- running

    @Test
    void shouldRunStaticMethodWithArgumentsAndExitZero() {
        Cli.Result result = new Cli().run("run", "-w", "2", "dev.weft.cli.TestFlows::collect", "method-args", "a", "b", "c");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(TestFlows.SINKS.get("method-args")).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void shouldRunFactoryClassWithArguments() {
        Cli.Result result = new Cli().run("run", "dev.weft.cli.TestFlows$Factory", "factory-args", "x", "y");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(TestFlows.SINKS.get("factory-args")).containsExactlyInAnyOrder("X", "Y");
    }

    @Test
    void shouldAcceptNestedClassWrittenWithDots() {
        Cli.Result result = new Cli().run("run", "dev.weft.cli.TestFlows.Factory", "dotted", "x");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(TestFlows.SINKS.get("dotted")).containsExactly("X");
    }

    @Test
    void shouldRunSupplierClass() {
        Cli.Result result = new Cli().run("run", "dev.weft.cli.TestFlows$SupplierFlow");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(TestFlows.SINKS.get("supplied")).containsExactly("X");
    }

    @Test
    void shouldPassArgumentsThatLookLikeFlagsAfterDoubleDash() {
        Cli.Result result = new Cli().run("run", "-w", "1", "--", "dev.weft.cli.TestFlows::collect", "dashes", "-v", "--x");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(TestFlows.SINKS.get("dashes")).containsExactly("-V", "--X");
    }

    @Test
    void shouldRegisterShutdownHookForTheRunAndRemoveItAfterwards() {
        Cli cli = new Cli();

        Cli.Result result = cli.run("run", "dev.weft.cli.TestFlows::collect", "hooks", "a");

        assertThat(result.code()).isZero();
        assertThat(cli.hooks.added).hasSize(1);
        assertThat(cli.hooks.removed).containsExactlyElementsOf(cli.hooks.added);
    }

    @Test
    void shouldExitOneNamingStepWorkerAndKeyWhenDataflowFails() {
        Cli.Result result = new Cli().run("run", "dev.weft.cli.TestFlows::failing", "-w", "2");

        assertThat(result.code()).isEqualTo(Weft.FAILED);
        assertThat(result.err())
                .contains("weft run: dataflow 'failing' failed: error calling")
                .contains("in step 'failing.explode")
                .contains("on worker ")
                .contains("for key 'k2'")
                .contains("caused by: java.lang.IllegalArgumentException: cannot take 2")
                .contains("at dev.weft.cli.TestFlows.lambda$failing");
    }

    @Test
    void shouldExitOneWhenDataflowIsInvalid() {
        Cli.Result result = new Cli().run("run", "dev.weft.cli.TestFlows::noOutput");

        assertThat(result.code()).isEqualTo(Weft.FAILED);
        assertThat(result.err()).contains("weft run: dataflow 'half' has no output");
    }

    @Test
    void shouldCancelEveryWorkerAndCloseEveryReaderWhenShutdownHookRuns() throws Exception {
        Cli cli = new Cli();
        TestFlows.foreverStarted = new CountDownLatch(1);
        TestFlows.FOREVER_OPENED.set(0);
        TestFlows.FOREVER_CLOSED.set(0);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Cli.Result> running = executor.submit(() -> cli.run("run", "-w", "2", "dev.weft.cli.TestFlows::silentForever"));
            assertThat(TestFlows.foreverStarted.await(30, TimeUnit.SECONDS)).as("the flow started").isTrue();

            cli.hooks.added.get(0).run(); // what the JVM does on Ctrl-C or SIGTERM; returns when the run has ended

            Cli.Result result = running.get(30, TimeUnit.SECONDS);
            assertThat(result.code()).isEqualTo(Weft.CANCELLED);
            assertThat(result.err())
                    .contains("weft run: shutting down (Ctrl-C or SIGTERM): cancelling every worker")
                    .contains("weft run: dataflow 'forever' stopped before its inputs ended: execution cancelled: "
                            + ShutdownCancellation.REASON);
            assertThat(TestFlows.FOREVER_OPENED.get()).as("readers opened").isPositive();
            assertThat(TestFlows.FOREVER_CLOSED).as("readers closed").hasValue(TestFlows.FOREVER_OPENED.get());
        } finally {
            executor.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- options and environment

    @Test
    void shouldDefaultWithoutFlagsOrEnvironment() {
        RunCommand run = new Cli().parseRun("run", "com.acme.Flow");

        assertThat(run.flow.flow).isEqualTo("com.acme.Flow");
        assertThat(run.flow.flowArgs).isEmpty();
        assertThat(run.workers).isEqualTo(1);
        assertThat(run.epochInterval).isEqualTo(Duration.ofSeconds(10));
        assertThat(run.processId).isNull();
        assertThat(run.addresses).isNull();
        assertThat(run.recoveryDirectory).isNull();
        assertThat(run.snapshotInterval).isNull();
        assertThat(run.backupInterval).isNull();
    }

    @Test
    void shouldReadEveryShortAndLongFlag() {
        RunCommand shortFlags = new Cli().parseRun("run", "com.acme.Flow", "in.txt", "-w", "3", "-i", "1", "-a",
                "h1:2101;h2:2101", "-r", "/tmp/rec", "-s", "30", "-b", "0.5", "--epoch-interval", "2");
        RunCommand longFlags = new Cli().parseRun("run", "--workers-per-process", "3", "--process-id", "1",
                "--addresses", "h1:2101;h2:2101", "--recovery-directory", "/tmp/rec", "--snapshot-interval", "30",
                "--backup-interval", "0.5", "--epoch-interval=2", "com.acme.Flow", "in.txt");

        for (RunCommand run : List.of(shortFlags, longFlags)) {
            assertThat(run.flow.flowArgs).containsExactly("in.txt");
            assertThat(run.workers).isEqualTo(3);
            assertThat(run.processId).isEqualTo(1);
            assertThat(run.addresses).isEqualTo("h1:2101;h2:2101");
            assertThat(run.recoveryDirectory).isEqualTo(Path.of("/tmp/rec"));
            assertThat(run.snapshotInterval).isEqualTo(Duration.ofSeconds(30));
            assertThat(run.backupInterval).isEqualTo(Duration.ofMillis(500));
            assertThat(run.epochInterval).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void shouldReadEveryOptionFromItsEnvironmentVariable() {
        Map<String, String> env = Map.of(
                "WEFT_WORKERS_PER_PROCESS", "4",
                "WEFT_PROCESS_ID", "2",
                "WEFT_ADDRESSES", "a:1;b:1;c:1",
                "WEFT_RECOVERY_DIRECTORY", "/var/weft",
                "WEFT_SNAPSHOT_INTERVAL", "15",
                "WEFT_BACKUP_INTERVAL", "60",
                "WEFT_EPOCH_INTERVAL", "0.25");

        RunCommand run = new Cli(env).parseRun("run", "com.acme.Flow");

        assertThat(run.workers).isEqualTo(4);
        assertThat(run.processId).isEqualTo(2);
        assertThat(run.addresses).isEqualTo("a:1;b:1;c:1");
        assertThat(run.recoveryDirectory).isEqualTo(Path.of("/var/weft"));
        assertThat(run.snapshotInterval).isEqualTo(Duration.ofSeconds(15));
        assertThat(run.backupInterval).isEqualTo(Duration.ofSeconds(60));
        assertThat(run.epochInterval).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void shouldPreferFlagsToEnvironment() {
        RunCommand run = new Cli(Map.of("WEFT_WORKERS_PER_PROCESS", "4", "WEFT_EPOCH_INTERVAL", "3"))
                .parseRun("run", "-w", "2", "com.acme.Flow");

        assertThat(run.workers).isEqualTo(2);
        assertThat(run.epochInterval).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldTreatBlankEnvironmentVariableAsUnset() {
        RunCommand run = new Cli(Map.of("WEFT_WORKERS_PER_PROCESS", " ", "WEFT_PROCESS_ID", ""))
                .parseRun("run", "com.acme.Flow");

        assertThat(run.workers).isEqualTo(1);
        assertThat(run.processId).isNull();
    }

    @Test
    void shouldNameWeftVariableForEveryRunOptionExceptHelpAndVersion() {
        List<OptionSpec> options = new Cli().commandLine().getSubcommands().get("run").getCommandSpec().options();

        assertThat(options)
                .filteredOn(o -> !o.usageHelp() && !o.versionHelp())
                .extracting(EnvironmentDefaults::variableFor)
                .containsExactly("WEFT_WORKERS_PER_PROCESS", "WEFT_PROCESS_ID", "WEFT_ADDRESSES",
                        "WEFT_RECOVERY_DIRECTORY", "WEFT_SNAPSHOT_INTERVAL", "WEFT_BACKUP_INTERVAL",
                        "WEFT_EPOCH_INTERVAL");
    }

    @Test
    void shouldDocumentEveryFlagAndVariableInHelp() {
        Cli.Result result = new Cli().run("run", "--help");

        assertThat(result.code()).isZero();
        for (String text : List.of("-w, --workers-per-process=N", "-i, --process-id=I", "-a, --addresses=ADDRS",
                "-r, --recovery-directory=DIR", "-s, --snapshot-interval=SECONDS", "-b, --backup-interval=SECONDS",
                "--epoch-interval=SECONDS", "-h, --help", "-V, --version", "<flow>", "DataflowFactory",
                "Class::method", "Exit codes:")) {
            assertThat(result.out()).contains(text);
        }
        for (String variable : EnvironmentDefaults.VARIABLES.values()) {
            assertThat(result.out()).contains(variable);
        }
    }

    @Test
    void shouldShowEnvironmentValueAsDefaultInHelp() {
        Cli.Result result = new Cli(Map.of("WEFT_WORKERS_PER_PROCESS", "6")).run("run", "--help");

        assertThat(result.out().replaceAll("\\s+", " ")).contains("(default: 6; env WEFT_WORKERS_PER_PROCESS)");
    }

    @Test
    void shouldPrintVersion() {
        Cli.Result top = new Cli().run("--version");
        Cli.Result run = new Cli().run("run", "--version");

        assertThat(top.code()).isZero();
        assertThat(top.out()).containsPattern("^weft \\d+\\.\\d+\\.\\d+").contains("Java ");
        assertThat(run.out()).isEqualTo(top.out());
    }

    @Test
    void shouldPrintUsageAndExitTwoWithoutCommand() {
        Cli.Result result = new Cli().run();

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("weft: missing a command").contains("run").contains("visualize");
    }

    // ---------------------------------------------------------------- bad flags

    @Test
    void shouldPrintUsageAndExitTwoForUnknownFlag() {
        Cli.Result result = new Cli().run("run", "--nope", "com.acme.Flow");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("Unknown option: '--nope'").contains("Usage: weft run");
    }

    @Test
    void shouldPrintUsageAndExitTwoWithoutFlow() {
        Cli.Result result = new Cli().run("run", "-w", "2");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("Missing required parameter: '<flow>'").contains("Usage: weft run");
    }

    @Test
    void shouldPrintUsageAndExitTwoForNonNumericWorkers() {
        Cli.Result result = new Cli().run("run", "-w", "many", "com.acme.Flow");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("Invalid value for option '--workers-per-process': 'many' is not an int");
    }

    @Test
    void shouldPrintUsageAndExitTwoForNonNumericWorkersFromEnvironment() {
        Cli.Result result = new Cli(Map.of("WEFT_WORKERS_PER_PROCESS", "many")).run("run", "com.acme.Flow");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("'many' is not an int");
    }

    @Test
    void shouldPrintUsageAndExitTwoForZeroWorkers() {
        Cli.Result result = new Cli().run("run", "-w", "0", "dev.weft.cli.TestFlows::collect", "zero-workers");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("-w/--workers-per-process must be at least 1; got 0").contains("Usage:");
        assertThat(TestFlows.SINKS).doesNotContainKey("zero-workers");
    }

    @Test
    void shouldPrintUsageAndExitTwoForBadEpochInterval() {
        Cli.Result negative = new Cli().run("run", "--epoch-interval", "-1", "com.acme.Flow");
        Cli.Result text = new Cli().run("run", "--epoch-interval", "soon", "com.acme.Flow");

        assertThat(negative.code()).isEqualTo(Weft.USAGE);
        assertThat(negative.err()).contains("'-1' is negative");
        assertThat(text.code()).isEqualTo(Weft.USAGE);
        assertThat(text.err()).contains("'soon' is not a number of seconds");
    }

    // ---------------------------------------------------------------- features not landed

    @Test
    void shouldRefuseClusterFlagsBeforeBuildingTheFlow() {
        Cli cli = new Cli();

        Cli.Result result = cli.run("run", "-i", "0", "-a", "h1:2101;h2:2101", "dev.weft.cli.TestFlows::collect",
                "refused-cluster");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("weft run: multi-process clusters are not available yet (issue: cluster "
                + "over TCP); run with -w N workers in one process (-i/--process-id given, -a/--addresses given)");
        assertThat(TestFlows.SINKS).doesNotContainKey("refused-cluster");
        assertThat(cli.hooks.added).isEmpty();
    }

    @Test
    void shouldRefuseClusterSetThroughEnvironment() {
        Cli.Result result = new Cli(Map.of("WEFT_ADDRESSES", "h1:2101")).run("run", "com.acme.Flow");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("multi-process clusters are not available yet").contains("WEFT_ADDRESSES is set");
    }

    @Test
    void shouldRefuseEachRecoveryFlag() {
        for (List<String> flag : List.of(List.of("-r", "/tmp/rec"), List.of("-s", "10"), List.of("-b", "10"),
                List.of("--recovery-directory", "/tmp/rec"))) {
            Cli.Result result = new Cli().run("run", flag.get(0), flag.get(1), "com.acme.Flow");

            assertThat(result.code()).as(flag.toString()).isEqualTo(Weft.USAGE);
            assertThat(result.err()).as(flag.toString())
                    .contains("weft run: recovery is not available yet; run without -r, -s and -b")
                    .contains(" given)");
        }
    }

    @Test
    void shouldRefuseRecoverySetThroughEnvironment() {
        Cli.Result result = new Cli(Map.of("WEFT_RECOVERY_DIRECTORY", "/tmp/rec")).run("run", "com.acme.Flow");

        assertThat(result.code()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("recovery is not available yet").contains("WEFT_RECOVERY_DIRECTORY is set");
    }
}
