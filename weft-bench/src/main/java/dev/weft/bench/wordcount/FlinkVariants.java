package dev.weft.bench.wordcount;

import dev.weft.bench.harness.Params;
import dev.weft.bench.harness.Workload;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * The word count's Apache Flink variants, whose code lives in the {@code weft-bench-flink} module
 * ({@code dev.weft.bench.flink.FlinkWordCount}) so that Flink's dependencies stay out of this one:
 * they are loaded by name, in a child JVM that has that module on its class path.
 */
public final class FlinkVariants {

    /** The workload class in {@code weft-bench-flink}. */
    public static final String WORKLOAD_CLASS = "dev.weft.bench.flink.FlinkWordCount";

    private FlinkVariants() {
    }

    /**
     * A Flink variant's name: {@code "flink streaming, parallelism 1"}.
     *
     * @param mode        {@code streaming} or {@code batch} (Flink's runtime mode)
     * @param parallelism the job's parallelism
     * @return the name
     */
    public static String name(String mode, int parallelism) {
        return String.format(Locale.ROOT, "flink %s, parallelism %d", mode, parallelism);
    }

    /**
     * Makes the Flink workload.
     *
     * @param params      the run's parameters
     * @param mode        {@code streaming} or {@code batch}
     * @param parallelism the job's parallelism
     * @return the workload
     * @throws IllegalStateException if {@code weft-bench-flink} is not on the class path
     */
    public static Workload load(Params params, String mode, int parallelism) {
        Class<?> type;
        try {
            type = Class.forName(WORKLOAD_CLASS);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the Flink variants need the weft-bench-flink module and Flink on the class"
                    + " path; bench/run starts them in a child JVM that has them", e);
        }
        try {
            return (Workload) type.getConstructor(Params.class, String.class, int.class)
                    .newInstance(params, mode, parallelism);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot make " + WORKLOAD_CLASS + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + WORKLOAD_CLASS + ": " + e, e);
        }
    }
}
