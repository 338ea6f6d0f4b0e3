package dev.weft.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed command line of {@link Main}; see {@link #USAGE}.
 *
 * @param benchmarks     the benchmark names asked for, in order; empty or {@code all} means all
 * @param warmupRuns     warm-up runs per variant
 * @param runs           timed runs per variant
 * @param minRunTime     the least wall time of one run
 * @param variantFilters run only variants whose name contains one of these (ignoring case); empty
 *                       means all
 * @param params         parameter overrides by name
 * @param list           whether to list the benchmarks instead of running them
 * @param help           whether to print the usage instead of running
 * @param noFork         whether to run every variant in this JVM, also those of benchmarks that
 *                       otherwise get one JVM per variant
 * @param child          the exact name of the one variant to run, as a child JVM of a driver that
 *                       reads its result line; {@code null} in the driver
 */
record Options(
        List<String> benchmarks, int warmupRuns, int runs, Duration minRunTime, List<String> variantFilters,
        Map<String, Long> params, boolean list, boolean help, boolean noFork, String child) {

    /** The usage text. */
    static final String USAGE = """
            Usage: bench/run [options] [benchmark...]
              Runs the named benchmarks (maps, exchange, epochs, cc, wordcount, stress; default: all) and
              prints each variant's median rate beside the hand loop's, with the ratio. Variants run
              one after the other in this JVM, except wordcount's: each of those gets a JVM of its
              own, started with this JVM's java, heap and -XX options (plus WEFT_BENCH_CHILD_JVM_OPTS).
            Options:
              --runs N        timed runs per variant; the median is taken over them (default 5)
              --warmups N     untimed warm-up runs per variant first (default 2)
              --min-time MS   least wall time of one run, in milliseconds (default 2000)
              --quick         5 runs of 500 ms after 1 warm-up: a smoke check, not a figure to publish
                              (--runs, --warmups and --min-time still override it)
              --variant TEXT  only variants whose name contains TEXT (repeatable); ratios need the
                              hand loop in the same run
              --param K=V     set a workload parameter, e.g. --param maps.records=1000000 (repeatable)
              --no-fork       run every variant in this JVM, wordcount's too (a smoke check; Flink's
                              variants then need Flink on this JVM's class path)
              --list          list benchmarks, variants and parameters with their defaults
              --help          this text
              (--child NAME   internal: run only variant NAME of one benchmark and print its result
                              line; exits when standard input closes, so it dies with its driver)
            """;

    /**
     * Parses {@code args}.
     *
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException with a message for the user if {@code args} is malformed
     */
    static Options parse(String... args) {
        List<String> benchmarks = new ArrayList<>();
        List<String> variantFilters = new ArrayList<>();
        Map<String, Long> params = new LinkedHashMap<>();
        Integer runs = null;
        Integer warmups = null;
        Long minTimeMillis = null;
        boolean quick = false;
        boolean list = false;
        boolean help = false;
        boolean noFork = false;
        String child = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--runs" -> runs = positiveInt(arg, value(args, ++i, arg), 1);
                case "--warmups" -> warmups = positiveInt(arg, value(args, ++i, arg), 0);
                case "--min-time" -> minTimeMillis = (long) positiveInt(arg, value(args, ++i, arg), 1);
                case "--quick" -> quick = true;
                case "--variant" -> variantFilters.add(value(args, ++i, arg));
                case "--param" -> {
                    String assignment = value(args, ++i, arg);
                    int equals = assignment.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--param needs NAME=VALUE, got '" + assignment + "'");
                    }
                    params.put(assignment.substring(0, equals),
                            number("--param " + assignment.substring(0, equals), assignment.substring(equals + 1)));
                }
                case "--list" -> list = true;
                case "--no-fork" -> noFork = true;
                case "--child" -> child = value(args, ++i, arg);
                case "--help", "-h" -> help = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    }
                    benchmarks.add(arg);
                }
            }
        }
        return new Options(List.copyOf(benchmarks),
                warmups != null ? warmups : quick ? 1 : 2,
                runs != null ? runs : 5,
                Duration.ofMillis(minTimeMillis != null ? minTimeMillis : quick ? 500 : 2_000),
                List.copyOf(variantFilters), Map.copyOf(params), list, help, noFork, child);
    }

    /**
     * Whether the variant named {@code name} was asked for.
     *
     * @param name a variant's name
     * @return whether it passes the {@code --variant} filters
     */
    boolean wantsVariant(String name) {
        if (child != null) {
            return child.equals(name);
        }
        if (variantFilters.isEmpty()) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return variantFilters.stream().anyMatch(filter -> lower.contains(filter.toLowerCase(Locale.ROOT)));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int positiveInt(String option, String text, int least) {
        long value = number(option, text);
        if (value < least || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", got " + text);
        }
        return (int) value;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'", e);
        }
    }
}
