package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft run} in child JVMs: the same {@code java} as this test, this test's class path
 * (which holds {@link TestFlows}), and {@link ChildMain} so a child dies with this JVM; every
 * child still running after a test is killed.
 */
@Timeout(120)
class WeftRunIT {

    private static final long GUARD_SECONDS = 60;

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    /**
     * A started child and the files its standard output and error go to.
     *
     * @param process the child
     * @param out its standard output
     * @param err its standard error
     */
    private record Child(Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).as("the child exited").isTrue();
            return process.exitValue();
        }
    }

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor(GUARD_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Child start(List<String> command, Map<String, String> environment) throws IOException {
        int n = children.size();
        Path out = dir.resolve("child-" + n + ".out");
        Path err = dir.resolve("child-" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WEFT_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        children.add(process);
        return new Child(process, out, err);
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** {@code java ... ChildMain args}: weft in a JVM like this one. */
    private Child weft(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ChildMain.class.getName()));
        command.addAll(List.of(args));
        return start(command, Map.of());
    }

    @Test
    void shouldExitZeroAfterFiniteFlowPrintsItsOutput() throws Exception {
        Child child = weft("run", "dev.weft.cli.TestFlows::printed", "a", "b", "c", "-w", "2");

        assertThat(child.awaitExit()).as(child.stderr()).isZero();
        assertThat(child.stdout().lines()).containsExactlyInAnyOrder("printed.show: A", "printed.show: B",
                "printed.show: C");
        assertThat(child.stderr()).isEmpty();
    }

    @Test
    void shouldExitOneNamingTheStepWhenFlowFails() throws Exception {
        Child child = weft("run", "dev.weft.cli.TestFlows::failing", "-w", "2");

        assertThat(child.awaitExit()).isEqualTo(Weft.FAILED);
        assertThat(child.stderr()).contains("weft run: dataflow 'failing' failed: ")
                .contains("in step 'failing.explode").contains("for key 'k2'");
    }

    @Test
    void shouldExitTwoForBadFlag() throws Exception {
        Child child = weft("run", "--workers-per-process", "lots", "dev.weft.cli.TestFlows::printed");

        assertThat(child.awaitExit()).isEqualTo(Weft.USAGE);
        assertThat(child.stderr()).contains("Invalid value for option '--workers-per-process'").contains("Usage:");
    }

    @Test
    void shouldCancelEveryWorkerAndExitNonZeroOnSigterm() throws Exception {
        Child child = weft("run", "dev.weft.cli.TestFlows::forever", "-w", "2");
        awaitOutput(child, "forever.show: tick");

        child.process().destroy(); // SIGTERM

        int code = child.awaitExit();
        assertThat(code).as(child.stderr()).isNotZero();
        assertThat(child.stderr())
                .contains("weft run: shutting down (Ctrl-C or SIGTERM): cancelling every worker")
                .contains("weft run: dataflow 'forever' stopped before its inputs ended: execution cancelled: "
                        + ShutdownCancellation.REASON)
                .doesNotContain("did not stop");
    }

    @Test
    void shouldRunThroughTheLauncherWithUserClassPath() throws Exception {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path launcher = module.resolve("../bin/weft").toAbsolutePath().normalize();
        Path testClasses = Path.of(TestFlows.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        Child child = start(List.of("bash", launcher.toString(), "-cp", testClasses.toString(), "run",
                "dev.weft.cli.TestFlows::printed", "launched"), Map.of("JAVA_HOME", System.getProperty("java.home")));

        assertThat(child.awaitExit()).as(child.stderr()).isZero();
        assertThat(child.stdout()).isEqualTo("printed.show: LAUNCHED\n");
    }

    /** Waits (within the guard) until the child has printed {@code line}. */
    private static void awaitOutput(Child child, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (!child.stdout().lines().anyMatch(line::equals)) {
            assertThat(child.process().isAlive()).as("child alive; stderr: %s", child.stderr()).isTrue();
            assertThat(System.nanoTime() - deadline).as("waited for '%s'", line).isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
