package dev.weft.bench;

import dev.weft.bench.harness.Benchmark;
import dev.weft.bench.harness.Params;
import dev.weft.bench.harness.Result;
import dev.weft.bench.harness.Variant;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures one variant in a JVM of its own: the driver side starts a child JVM running
 * {@link Main} with {@code --child <variant>}, which measures the variant exactly as an in-process
 * run would and prints one result line ({@link #resultLine}); the driver parses it back into a
 * {@link Result}.
 *
 * <p><b>The child JVM</b> runs the driver's own {@code java} ({@code java.home}) with the driver's
 * heap and {@code -XX} options (so {@code bench/run}'s fixed, pre-touched heap; not a flight
 * recording, which every child would write to the same file), the options in
 * the environment variable {@code WEFT_BENCH_CHILD_JVM_OPTS} (split on spaces: JFR, say), and the
 * driver's class path; a variant whose name starts with {@code flink} also gets the class path in
 * the system property {@value #FLINK_CLASSPATH_PROPERTY} (the {@code weft-bench-flink} module and
 * Flink), so Flink's dependency tree never enters another variant's JVM. Its standard error (its
 * progress) and its output lines other than the result go to the driver's log.
 *
 * <p><b>It dies with the driver</b>: the child exits when its standard input, a pipe from the
 * driver, closes ({@link #exitWhenStdinCloses}), which happens however the driver ends; a shutdown
 * hook also kills it when the driver is stopped.
 */
final class Forked {

    /** The system property holding the class path that Flink variants need beyond the driver's. */
    static final String FLINK_CLASSPATH_PROPERTY = "weft.bench.flink.classpath";

    /** The environment variable with extra options for every child JVM. */
    static final String CHILD_OPTS_ENV = "WEFT_BENCH_CHILD_JVM_OPTS";

    /** Starts the line a child prints its result on. */
    static final String RESULT_PREFIX = "WEFT-BENCH-RESULT\t";

    private Forked() {
    }

    /**
     * Measures {@code variant} in a child JVM.
     *
     * @param benchmark the benchmark
     * @param variant   the variant
     * @param params    the run's parameters (the benchmark's are passed on)
     * @param options   the run's options (runs, warm-ups, least run time are passed on)
     * @param log       where the child's progress goes
     * @return the child's result
     * @throws Exception if the child could not start, failed, or printed no result
     */
    static Result measure(Benchmark benchmark, Variant variant, Params params, Options options, PrintStream log)
            throws Exception {
        List<String> command = command(benchmark, variant, params, options);
        log.println("  " + benchmark.name() + " / " + variant.name() + ": in a child JVM: "
                + String.join(" ", command.subList(0, command.indexOf("-cp"))) + " ...");
        log.flush();
        Process child = new ProcessBuilder(command).start();
        Thread killer = new Thread(child::destroyForcibly, "kill child JVM");
        Runtime.getRuntime().addShutdownHook(killer);
        Thread errors = new Thread(() -> copyLines(child.getErrorStream(), log, ""), "child JVM's stderr");
        errors.setDaemon(true);
        errors.start();
        try {
            Result result = null;
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(RESULT_PREFIX)) {
                        result = parse(line);
                    } else if (!line.isBlank()) {
                        log.println("    | " + line);
                        log.flush();
                    }
                }
            }
            int status = child.waitFor();
            errors.join();
            if (status != 0 || result == null) {
                throw new IllegalStateException("the child JVM of " + benchmark.name() + " / " + variant.name()
                        + " exited with status " + status + (result == null ? " and printed no result" : "")
                        + "; its errors are above");
            }
            return result;
        } finally {
            child.destroyForcibly();
            child.getOutputStream().close();
            Runtime.getRuntime().removeShutdownHook(killer);
        }
    }

    private static void copyLines(InputStream from, PrintStream to, String prefix) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                to.println(prefix + line);
                to.flush();
            }
        } catch (IOException e) {
            to.println(prefix + "(reading the child's output failed: " + e + ")");
        }
    }

    private static List<String> command(Benchmark benchmark, Variant variant, Params params, Options options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean recording = arg.startsWith("-XX:StartFlightRecording") || arg.startsWith("-XX:FlightRecorder");
            if (arg.startsWith("-Xms") || arg.startsWith("-Xmx") || arg.startsWith("-Xss")
                    || arg.startsWith("-XX:") && !recording) {
                command.add(arg);
            }
        }
        String extra = System.getenv(CHILD_OPTS_ENV);
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        for (String property : new String[] {"weft.bench.dir"}) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        // Flink logs through SLF4J at INFO by default: only errors, so that the log stays readable.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
        String classpath = System.getProperty("java.class.path");
        if (variant.name().startsWith("flink")) {
            String flink = System.getProperty(FLINK_CLASSPATH_PROPERTY);
            if (flink == null || flink.isBlank()) {
                throw new IllegalStateException("variant '" + variant.name() + "' needs Flink's class path in the"
                        + " system property " + FLINK_CLASSPATH_PROPERTY + "; run it through bench/run, which sets it");
            }
            classpath = flink + File.pathSeparator + classpath;
        }
        command.add("-cp");
        command.add(classpath);
        command.add(Main.class.getName());
        command.add("--child");
        command.add(variant.name());
        command.add("--runs");
        command.add(Integer.toString(options.runs()));
        command.add("--warmups");
        command.add(Integer.toString(options.warmupRuns()));
        command.add("--min-time");
        command.add(Long.toString(options.minRunTime().toMillis()));
        for (Map.Entry<String, Long> parameter : params.values().entrySet()) {
            if (benchmark.parameters().containsKey(parameter.getKey())) {
                command.add("--param");
                command.add(parameter.getKey() + "=" + parameter.getValue());
            }
        }
        command.add(benchmark.name());
        return command;
    }

    /**
     * The line a child prints its result on: {@link #RESULT_PREFIX} and the result's components,
     * separated by tabs (tabs and line breaks in the detail become spaces).
     *
     * @param result the result
     * @return the line, without a line break
     */
    static String resultLine(Result result) {
        return RESULT_PREFIX + String.join("\t", result.benchmark(), result.variant(),
                Boolean.toString(result.baseline()), result.unit(), Double.toString(result.median()),
                Double.toString(result.min()), Double.toString(result.max()), Integer.toString(result.runs()),
                result.detail().replaceAll("[\\t\\r\\n]", " "));
    }

    /**
     * Parses a {@link #resultLine}.
     *
     * @param line the line
     * @return the result
     * @throws IllegalArgumentException if the line is malformed
     */
    static Result parse(String line) {
        String[] fields = line.substring(RESULT_PREFIX.length()).split("\t", -1);
        if (fields.length != 9) {
            throw new IllegalArgumentException("malformed result line from a child JVM: " + line);
        }
        return new Result(fields[0], fields[1], Boolean.parseBoolean(fields[2]), fields[3],
                Double.parseDouble(fields[4]), Double.parseDouble(fields[5]), Double.parseDouble(fields[6]),
                Integer.parseInt(fields[7]), fields[8]);
    }

    /**
     * In a child: exits the JVM at once when standard input reaches its end, that is when the
     * driver closed the pipe or died. Returns at once; a daemon thread watches.
     */
    static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // The driver writes nothing; anything read is ignored.
                }
            } catch (IOException e) {
                // A broken pipe means the driver is gone, as end of input does.
            }
            System.err.println(String.format(Locale.ROOT, "bench child: the driver is gone; exiting"));
            Runtime.getRuntime().halt(3);
        }, "exit when the driver is gone");
        watcher.setDaemon(true);
        watcher.start();
    }
}
