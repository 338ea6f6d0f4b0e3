package dev.weft.io.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.codec.Codec;
import dev.weft.codec.CodecRegistry;
import dev.weft.codec.Decoder;
import dev.weft.codec.Encoder;
import dev.weft.io.SourcePartition;
import dev.weft.runtime.RunConfig;
import dev.weft.testing.TestClock;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class RandomMetricSourceTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final TestClock now = new TestClock(T0);

    private SourcePartition<Metric, Long> open(long count, long seed, Long state) {
        SourcePartition<Metric, Long> partition = new RandomMetricSource(List.of("cpu"), 10, count, seed)
                .buildPartition("cpu", state);
        partition.setClock(now);
        return partition;
    }

    private static List<Double> values(List<Metric> metrics) {
        List<Double> values = new ArrayList<>();
        for (Metric metric : metrics) {
            values.add(metric.value());
        }
        return values;
    }

    @Test
    void shouldEmitAtTheGivenRateAskingToBeWokenWhenTheNextIsDue() throws Exception {
        SourcePartition<Metric, Long> partition = open(RandomMetricSource.UNBOUNDED, 1, null);
        List<Metric> first = partition.nextBatch();
        assertThat(first).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("cpu");
            assertThat(m.at()).isEqualTo(T0);
        });
        assertThat(partition.nextAwake()).isEqualTo(T0.plusMillis(100));
        assertThat(partition.nextBatch()).as("nothing due yet").isEmpty();

        now.set(T0.plusSeconds(1));
        List<Metric> due = partition.nextBatch();
        assertThat(due).hasSize(10);
        assertThat(due.get(9).at()).isEqualTo(T0.plusSeconds(1));
        assertThat(partition.nextAwake()).isEqualTo(T0.plusMillis(1100));
    }

    @Test
    void shouldEndAfterTheCount() throws Exception {
        SourcePartition<Metric, Long> partition = open(3, 1, null);
        now.set(T0.plusSeconds(60));
        assertThat(partition.nextBatch()).hasSize(3);
        assertThat(partition.nextAwake()).isNull();
        assertThat(partition.nextBatch()).isNull();
    }

    @Test
    void shouldGiveTheSameValuesForTheSameSeedAndOthersForAnother() throws Exception {
        SourcePartition<Metric, Long> seven = open(20, 7, null);
        SourcePartition<Metric, Long> sevenAgain = open(20, 7, null);
        SourcePartition<Metric, Long> eight = open(20, 8, null);
        now.set(T0.plusSeconds(60));
        List<Double> a = values(seven.nextBatch());
        List<Double> b = values(sevenAgain.nextBatch());
        List<Double> c = values(eight.nextBatch());
        assertThat(a).hasSize(20).isEqualTo(b).isNotEqualTo(c);
        assertThat(a).allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
        assertThat(a.stream().distinct().count()).isEqualTo(20);
    }

    @Test
    void shouldContinueTheSameSequenceWhenResumed() throws Exception {
        SourcePartition<Metric, Long> whole = open(20, 7, null);
        now.set(T0.plusSeconds(60));
        List<Double> all = values(whole.nextBatch());

        now.set(T0);
        SourcePartition<Metric, Long> first = open(20, 7, null);
        first.nextBatch();
        now.set(T0.plusMillis(500));
        first.nextBatch();
        Long state = first.snapshot();
        assertThat(state).isEqualTo(6L);

        SourcePartition<Metric, Long> resumed = open(20, 7, state);
        now.set(T0.plusSeconds(120));
        assertThat(values(resumed.nextBatch())).isEqualTo(all.subList(6, 20));
    }

    @Test
    void shouldRefuseRepeatedNamesAndABadRate() {
        assertThatThrownBy(() -> new RandomMetricSource(List.of("a", "a"), 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomMetricSource("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldEncodeMetricsOnceRegistered() {
        CodecRegistry codecs = Metric.register(CodecRegistry.defaults()).freeze();
        Codec<Object> values = codecs.valueCodec("test");
        Encoder out = new Encoder();
        Metric metric = new Metric("cpu", 12.5, 1_700_000_000_000L);
        values.encode(metric, out);
        assertThat(values.decode(new Decoder(out.toByteArray()))).isEqualTo(metric);
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldEmitTheBoundedCountOfEveryMetricThroughSerializingExchanges(int workers) {
        List<String> names = List.of("cpu", "mem", "disk", "net");
        Dataflow flow = new Dataflow("metrics");
        TestingSink<Metric> sink = new TestingSink<>();
        flow.input("metrics", new RandomMetricSource(names, 2000, 150, 42))
                .redistribute("spread")
                .output("out", sink);
        Metric.register(flow.codecs());
        RunConfig config = RunConfig.defaults(workers).withSerializing(true);
        Testing.run(flow, config);

        List<Metric> got = sink.items();
        assertThat(got).hasSize(names.size() * 150);
        for (String name : names) {
            List<Double> expected = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                expected.add(RandomMetricSource.valueAt(42, name, i));
            }
            assertThat(got.stream().filter(m -> m.name().equals(name)).map(Metric::value))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
