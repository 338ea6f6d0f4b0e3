package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void shouldDefaultToFiveRunsOfTwoSecondsAfterTwoWarmUps() {
        Options options = Options.parse("maps");

        assertThat(options.benchmarks()).containsExactly("maps");
        assertThat(options.runs()).isEqualTo(5);
        assertThat(options.warmupRuns()).isEqualTo(2);
        assertThat(options.minRunTime()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldLetExplicitOptionsOverrideQuickModeInAnyOrder() {
        Options quick = Options.parse("--quick");
        Options overridden = Options.parse("--min-time", "100", "--quick", "--runs", "7");

        assertThat(quick.minRunTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(quick.warmupRuns()).isEqualTo(1);
        assertThat(overridden.minRunTime()).isEqualTo(Duration.ofMillis(100));
        assertThat(overridden.runs()).isEqualTo(7);
    }

    @Test
    void shouldCollectParametersAndVariantFilters() {
        Options options = Options.parse("--param", "maps.records=1_000", "--variant", "Hand", "cc", "maps");

        assertThat(options.params()).isEqualTo(Map.of("maps.records", 1_000L));
        assertThat(options.benchmarks()).containsExactly("cc", "maps");
        assertThat(options.wantsVariant("hand loop")).isTrue();
        assertThat(options.wantsVariant("weft, 2 workers")).isFalse();
        assertThat(Options.parse().wantsVariant("anything")).isTrue();
    }

    @Test
    void shouldExplainMalformedArguments() {
        assertThatThrownBy(() -> Options.parse("--runs")).hasMessage("--runs needs a value");
        assertThatThrownBy(() -> Options.parse("--runs", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Options.parse("--runs", "five")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Options.parse("--param", "records")).hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> Options.parse("--fast")).hasMessage("unknown option '--fast'");
    }
}
