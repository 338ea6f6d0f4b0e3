package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.examples.RunningAverage.Average;
import dev.weft.examples.RunningAverage.Mean;
import dev.weft.io.demo.Metric;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class RunningAverageTest {

    /** Each sensor's averages, in the order they were emitted (promised within a sensor only). */
    private static Map<String, List<Average>> bySensor(List<Average> averages) {
        Map<String, List<Average>> out = new TreeMap<>();
        for (Average average : averages) {
            out.computeIfAbsent(average.sensor(), s -> new ArrayList<>()).add(average);
        }
        return out;
    }

    /**
     * On 1 and 3 workers, and with every sensor's state encoded, decoded and rebuilt after every
     * batch (what recovery will do), the averages are the same.
     */
    @ParameterizedTest(name = "{0} worker(s), restoring state: {1}")
    @CsvSource({"1, false", "3, false", "1, true", "3, true"})
    void shouldEmitEverySensorsMeanSoFarAfterEachReading(int workers, boolean restoring) {
        TestingSink<Average> out = new TestingSink<>();
        Dataflow flow = RunningAverage.build(new TestingSource<Metric>(List.of(
                new Metric("boiler", 10, 0), new Metric("pump", 50, 0), new Metric("boiler", 20, 1),
                new Metric("tank", 1, 1), new Metric("boiler", 60, 2), new Metric("pump", 70, 2))), out);

        Testing.run(flow, RunConfig.defaults(workers).withRestoreStateEveryBatch(restoring));

        assertThat(bySensor(out.items())).isEqualTo(Map.of(
                "boiler", List.of(new Average("boiler", 1, 10), new Average("boiler", 2, 15),
                        new Average("boiler", 3, 30)),
                "pump", List.of(new Average("pump", 1, 50), new Average("pump", 2, 60)),
                "tank", List.of(new Average("tank", 1, 1))));
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldAverageTheDemoReadingsLikeALoopOverTheSameReadings(int workers) {
        TestingSink<Metric> raw = new TestingSink<>();
        Dataflow readings = new Dataflow("readings");
        readings.input("readings", RunningAverage.sensors(5)).output("out", raw);
        Testing.runMain(readings);
        Map<String, List<Average>> expected = new TreeMap<>();
        Map<String, Mean> means = new TreeMap<>();
        for (Metric metric : raw.items()) {
            Mean mean = means.merge(metric.name(), new Mean(1, metric.value()),
                    (a, b) -> new Mean(a.count() + 1, a.sum() + b.sum()));
            expected.computeIfAbsent(metric.name(), s -> new ArrayList<>())
                    .add(new Average(metric.name(), mean.count(), mean.value()));
        }

        TestingSink<Average> out = new TestingSink<>();
        Testing.run(RunningAverage.build(RunningAverage.sensors(5), out), workers);

        assertThat(expected.keySet()).containsExactlyElementsOf(RunningAverage.SENSORS);
        assertThat(expected.values()).allSatisfy(averages -> assertThat(averages).hasSize(5));
        assertThat(bySensor(out.items())).isEqualTo(expected);
    }

    @Test
    void shouldPrintAveragesReadably() {
        assertThat(new Average("pump", 12, 48.7251)).hasToString("pump: 12 readings, mean 48.73");
        assertThat(new Average("tank", 1, 7)).hasToString("tank: 1 reading, mean 7.00");
    }

    @Test
    void shouldRefuseAnUnusableNumberOfReadings() {
        assertThatThrownBy(() -> RunningAverage.flow("0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RunningAverage.flow("1", "2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most one argument");
    }
}
