package dev.weft.bench;

import dev.weft.bench.harness.Benchmark;
import dev.weft.bench.harness.Measurement;
import dev.weft.bench.harness.Params;
import dev.weft.bench.harness.Report;
import dev.weft.bench.harness.Result;
import dev.weft.bench.harness.Variant;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark command line: selects benchmarks by name, measures each selected variant one
 * after the other (in this JVM, or each in a child JVM of its own for the benchmarks that
 * {@link Benchmarks#forked} names; see {@link Forked}), and prints the table of median rates and
 * ratios to the hand loop, then any benchmark's own summary ({@link Benchmarks#summary}).
 * Run it through {@code bench/run}, which builds the module and starts the JVM with a fixed,
 * pre-touched heap; {@link Options#USAGE} lists the arguments.
 *
 * <p>Progress goes to standard error as each run finishes; the environment and the final table go
 * to standard output. Exits 2 on a bad command line and 1 if a workload fails (for example a wrong
 * result).
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the benchmarks that {@code args} select.
     *
     * @param args the command line; see {@code bench/run --help}
     */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        // exit, not return: a failed workload may leave a helper thread spinning.
        System.exit(status);
    }

    /**
     * Runs the benchmarks that {@code args} select.
     *
     * @param args the command line
     * @param out  where the environment and the results table go
     * @param log  where progress and command-line errors go
     * @return the exit status: 0, or 2 for a bad command line
     * @throws Exception whatever a workload threw
     */
    static int run(String[] args, PrintStream out, PrintStream log) throws Exception {
        Options options;
        List<Benchmark> selected;
        Params params;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.print(Options.USAGE);
                return 0;
            }
            if (options.list()) {
                out.print(list(Benchmarks.all()));
                return 0;
            }
            selected = select(Benchmarks.all(), options.benchmarks());
            params = Params.of(selected, options.params());
        } catch (IllegalArgumentException e) {
            log.println("bench: " + e.getMessage());
            log.print(Options.USAGE);
            return 2;
        }

        if (options.child() != null) {
            // A child JVM of a driver: its result line is for the driver, its environment for the log.
            Forked.exitWhenStdinCloses();
        }
        out.print(environment(options, params));
        out.flush();
        Measurement measurement = new Measurement(options.warmupRuns(), options.runs(), options.minRunTime(), log);
        Report report = new Report();
        StringBuilder summaries = new StringBuilder();
        try {
            for (Benchmark benchmark : selected) {
                boolean forked = options.child() == null && !options.noFork() && Benchmarks.forked(benchmark.name());
                if (options.child() == null) {
                    // Before any child starts: they then find the inputs ready (the word count's corpus).
                    Benchmarks.prepare(benchmark.name(), params);
                }
                List<Result> ofBenchmark = new ArrayList<>();
                for (Variant variant : benchmark.variants()) {
                    if (!options.wantsVariant(variant.name())) {
                        continue;
                    }
                    Result result = forked
                            ? Forked.measure(benchmark, variant, params, options, log)
                            : measurement.measure(benchmark, variant, params);
                    if (options.child() != null) {
                        out.println(Forked.resultLine(result));
                        out.flush();
                    }
                    report.add(result);
                    ofBenchmark.add(result);
                }
                if (options.child() == null) {
                    summaries.append(Benchmarks.summary(benchmark.name(), ofBenchmark, params));
                }
            }
        } finally {
            if (options.child() == null) {
                // Also after a failure: the variants measured before it keep their figures.
                out.println();
                out.print(report.format());
                out.print(summaries);
            }
        }
        return 0;
    }

    /**
     * The benchmarks named in {@code names}, in the registry's order; all of them if {@code names}
     * is empty or contains {@code all}.
     *
     * @param all   every benchmark
     * @param names the names asked for
     * @return the selection
     * @throws IllegalArgumentException naming an unknown benchmark and the known ones
     */
    static List<Benchmark> select(List<Benchmark> all, List<String> names) {
        if (names.isEmpty() || names.contains("all")) {
            return all;
        }
        List<String> known = all.stream().map(Benchmark::name).toList();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown benchmark '" + name + "'; known: " + known + ", all");
            }
        }
        List<Benchmark> selected = new ArrayList<>();
        for (Benchmark benchmark : all) {
            if (names.contains(benchmark.name())) {
                selected.add(benchmark);
            }
        }
        return selected;
    }

    private static String list(List<Benchmark> all) {
        StringBuilder text = new StringBuilder();
        for (Benchmark benchmark : all) {
            text.append(benchmark.name()).append(" (").append(benchmark.unit()).append("): ")
                    .append(benchmark.description()).append('\n');
            for (Variant variant : benchmark.variants()) {
                text.append("  variant ").append(variant.name()).append(variant.baseline() ? " (baseline)" : "")
                        .append('\n');
            }
            for (Map.Entry<String, Long> parameter : benchmark.parameters().entrySet()) {
                text.append("  --param ").append(parameter.getKey()).append('=').append(parameter.getValue())
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static String environment(Options options, Params params) {
        Runtime runtime = Runtime.getRuntime();
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "java %s (%s), %d cpus, max heap %d MiB, gc: %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                runtime.availableProcessors(), runtime.maxMemory() >> 20, collectors));
        text.append("jvm args: ").append(String.join(" ", jvmArgs)).append('\n');
        text.append(String.format(Locale.ROOT, "plan: %d warm-up + %d timed runs of >= %.1f s per variant; %s%n",
                options.warmupRuns(), options.runs(), options.minRunTime().toMillis() / 1000.0, params));
        boolean preTouched = jvmArgs.contains("-XX:+AlwaysPreTouch");
        boolean fixedHeap = jvmArgs.stream().anyMatch(arg -> arg.startsWith("-Xms"));
        if (!preTouched || !fixedHeap) {
            text.append("WARNING: this JVM has no fixed, pre-touched heap (-Xms = -Xmx and -XX:+AlwaysPreTouch):"
                    + " its figures include first-touch page faults. Use bench/run.\n");
        }
        return text.toString();
    }
}
