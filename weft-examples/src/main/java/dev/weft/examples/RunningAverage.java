package dev.weft.examples;

import dev.weft.Dataflow;
import dev.weft.StateUpdate;
import dev.weft.io.DynamicSink;
import dev.weft.io.Source;
import dev.weft.io.demo.Metric;
import dev.weft.io.demo.RandomMetricSource;
import dev.weft.io.stdio.StdOutSink;
import dev.weft.runtime.RunConfig;
import dev.weft.runtime.Runner;
import java.util.List;
import java.util.Locale;

/**
 * The running average of every sensor's readings: after each reading, the sensor's mean so far.
 *
 * <p>Readings are keyed by sensor name, so all readings of a sensor reach the worker that owns
 * it, in the order its source partition emitted them; {@code statefulMap} keeps one {@link Mean}
 * (count and sum) per sensor. By default the readings come from the demo
 * {@link RandomMetricSource}: three sensors, ten readings a second each, 20 readings each (give
 * another count as the argument), with a fixed seed, so every run prints the same averages.
 *
 * <pre>
 * bin/weft -cp weft-examples/target/classes run dev.weft.examples.RunningAverage::flow -w 3
 * bin/weft -cp weft-examples/target/classes run dev.weft.examples.RunningAverage::flow 100
 * </pre>
 */
public final class RunningAverage {

    /** The demo sensors, one source partition each. */
    public static final List<String> SENSORS = List.of("boiler", "pump", "tank");

    private static final long DEFAULT_READINGS = 20;
    private static final double READINGS_PER_SECOND = 10;
    private static final long SEED = 42;

    private RunningAverage() {
    }

    /**
     * A sensor's state: how many readings it has had and their sum. Immutable, and a record of
     * numbers, so it can be encoded for snapshots once registered with the codecs.
     *
     * @param count the number of readings
     * @param sum their sum
     */
    public record Mean(long count, double sum) {

        /** The state after one more reading. */
        public Mean add(double reading) {
            return new Mean(count + 1, sum + reading);
        }

        /** The mean of the readings so far. */
        public double value() {
            return sum / count;
        }
    }

    /**
     * A sensor's running average after one of its readings.
     *
     * @param sensor the sensor's name
     * @param readings how many readings the average covers
     * @param mean the average of those readings
     */
    public record Average(String sensor, long readings, double mean) {

        /** As printed: {@code pump: 12 readings, mean 48.73}. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d %s, mean %.2f", sensor, readings,
                    readings == 1 ? "reading" : "readings", mean);
        }
    }

    /**
     * The dataflow {@code weft run dev.weft.examples.RunningAverage::flow [COUNT]} runs: the running
     * averages of {@code COUNT} (default 20) demo readings per sensor, printed on standard output.
     *
     * @param args nothing, or how many readings each sensor gives
     * @return the dataflow
     * @throws IllegalArgumentException if the argument is not a positive number, or there are several
     */
    public static Dataflow flow(String... args) {
        if (args.length > 1) {
            throw new IllegalArgumentException("expected at most one argument, a number of readings; got "
                    + List.of(args));
        }
        long readings = args.length == 1 ? Long.parseLong(args[0]) : DEFAULT_READINGS;
        if (readings < 1) {
            throw new IllegalArgumentException("the number of readings must be at least 1; got " + readings);
        }
        return build(sensors(readings), new StdOutSink<>());
    }

    /**
     * The demo readings: {@code readings} random values in [0, 100) for each of {@link #SENSORS},
     * ten a second, the same in every run.
     *
     * @param readings how many readings each sensor gives
     * @return the source
     */
    public static RandomMetricSource sensors(long readings) {
        return new RandomMetricSource(SENSORS, READINGS_PER_SECOND, readings, SEED);
    }

    /**
     * Emits every sensor's running average into {@code out}, one {@link Average} per reading.
     *
     * @param readings the readings; each metric's name is its sensor
     * @param out where the averages go
     * @return the dataflow
     */
    public static Dataflow build(Source<Metric> readings, DynamicSink<? super Average> out) {
        Dataflow flow = new Dataflow("running_average").registerRecord(Mean.class);
        flow.input("readings", readings)
                .keyOn("by_sensor", Metric::name)
                .statefulMap("average", () -> new Mean(0, 0), (mean, reading) -> {
                    Mean next = mean.add(reading.value());
                    return StateUpdate.of(next, new Average(reading.name(), next.count(), next.value()));
                })
                .keyRm("unkey")
                .output("out", out);
        return flow;
    }

    /**
     * Prints the running averages of the demo readings, computed on three workers.
     *
     * @param args nothing, or how many readings each sensor gives
     */
    public static void main(String... args) {
        Runner.run(flow(args), RunConfig.defaults(3));
    }
}
