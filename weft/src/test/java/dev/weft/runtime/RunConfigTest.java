package dev.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A run configuration is made from defaults and {@code with...} methods only, each checked. */
class RunConfigTest {

    @Test
    void shouldHaveNoPublicConstructor() {
        assertThat(RunConfig.class.getConstructors()).isEmpty();
    }

    @Test
    void shouldChangeOneSettingPerWithMethodAndLeaveTheOriginalAlone() {
        RunConfig defaults = RunConfig.defaults(2);

        RunConfig changed = defaults.withWorkers(3).withEpochInterval(Duration.ZERO).withSerializing(true)
                .withRestoreStateEveryBatch(true).withMaxRecordsInFlight(10);

        assertThat(defaults).isEqualTo(RunConfig.defaults(2));
        assertThat(changed.workers()).isEqualTo(3);
        assertThat(changed.epochInterval()).isZero();
        assertThat(changed.serializing()).isTrue();
        assertThat(changed.restoreStateEveryBatch()).isTrue();
        assertThat(changed.maxRecordsInFlight()).isEqualTo(10);
    }

    @Test
    void shouldRefuseBadSettingsSayingWhatWasGot() {
        assertThatThrownBy(() -> RunConfig.defaults(0)).hasMessage("workers must be at least 1; got 0");
        assertThatThrownBy(() -> RunConfig.defaults(1).withEpochInterval(Duration.ofSeconds(-1)))
                .hasMessage("epoch interval must not be negative; got PT-1S");
        assertThatThrownBy(() -> RunConfig.defaults(1).withMaxRecordsInFlight(0))
                .hasMessage("max records in flight must be at least 1; got 0");
    }
}
