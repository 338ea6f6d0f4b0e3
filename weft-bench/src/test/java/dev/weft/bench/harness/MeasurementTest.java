package dev.weft.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void shouldTakeTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertThat(Measurement.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(Measurement.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Measurement.median(new double[] {7})).isEqualTo(7);
        assertThatThrownBy(() -> Measurement.median(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSetUpWarmUpRunAndCloseInThatOrder() throws Exception {
        List<String> calls = new ArrayList<>();
        Benchmark benchmark = benchmark(Variant.handLoop(params -> new Workload() {
            @Override
            public void setup() {
                calls.add("setup");
            }

            @Override
            public long run() {
                calls.add("run");
                return 10;
            }

            @Override
            public String detail() {
                calls.add("detail");
                return "ok";
            }

            @Override
            public void close() {
                calls.add("close");
            }
        }));

        Result result = new Measurement(2, 3, Duration.ofNanos(1), log)
                .measure(benchmark, benchmark.variants().get(0), Params.of(List.of(benchmark), Map.of()));

        assertThat(calls).containsExactly("setup", "run", "run", "run", "run", "run", "detail", "close");
        assertThat(result.benchmark()).isEqualTo("test");
        assertThat(result.variant()).isEqualTo(Variant.HAND_LOOP);
        assertThat(result.baseline()).isTrue();
        assertThat(result.runs()).isEqualTo(3);
        assertThat(result.detail()).isEqualTo("ok");
        assertThat(result.min()).isPositive().isLessThanOrEqualTo(result.median());
        assertThat(result.median()).isLessThanOrEqualTo(result.max());
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("test / hand loop: warm-up 2/2:")
                .contains("test / hand loop: run 3/3:");
    }

    @Test
    void shouldRepeatAWorkloadUntilARunHasLastedItsMinimumTime() throws Exception {
        long[] calls = {0};
        Benchmark benchmark = benchmark(Variant.of("counting", params -> () -> {
            calls[0]++;
            return 1;
        }));
        long start = System.nanoTime();

        new Measurement(0, 1, Duration.ofMillis(20), log)
                .measure(benchmark, benchmark.variants().get(0), Params.of(List.of(benchmark), Map.of()));

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        assertThat(calls[0]).isGreaterThan(1);
    }

    @Test
    void shouldRefuseAWorkloadThatReportsNoWorkAndStillCloseIt() {
        boolean[] closed = {false};
        Benchmark benchmark = benchmark(Variant.of("lazy", params -> new Workload() {
            @Override
            public long run() {
                return 0;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        }));

        assertThatThrownBy(() -> new Measurement(0, 1, Duration.ofNanos(1), log)
                .measure(benchmark, benchmark.variants().get(0), Params.of(List.of(benchmark), Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned 0 units");
        assertThat(closed[0]).isTrue();
    }

    @Test
    void shouldRefuseAPlanWithoutTimedRuns() {
        assertThatThrownBy(() -> new Measurement(0, 0, Duration.ofSeconds(1), log))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Measurement(0, 1, Duration.ZERO, log))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRateAWorkloadThatTimesItselfByTheTimeItReports() throws Exception {
        Benchmark benchmark = benchmark(Variant.of("self-timed", params -> new Workload() {
            @Override
            public long run() throws InterruptedException {
                Thread.sleep(5); // start-up that the workload leaves out of its own time
                return 1_000;
            }

            @Override
            public long lastRunNanos() {
                return 1_000_000; // 1 ms of processing per call
            }
        }));

        Result result = new Measurement(0, 1, Duration.ofMillis(3), log)
                .measure(benchmark, benchmark.variants().get(0), Params.of(List.of(benchmark), Map.of()));

        // 1,000 units per ms of reported time, whatever the sleeps cost; three calls make 3 ms.
        assertThat(result.median()).isEqualTo(1_000_000.0);
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("(3 calls in 0.00 s of processing time; ");
    }

    private static Benchmark benchmark(Variant variant) {
        return new Benchmark("test", "rec/s", "a test", Map.of(), List.of(variant));
    }
}
