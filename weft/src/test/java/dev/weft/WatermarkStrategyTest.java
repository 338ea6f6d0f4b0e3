package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import dev.weft.testing.TestingSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Declaring a source's watermark strategy. What the watermark does downstream is tested where it
 * is made and read ({@code dev.weft.core.SourceWatermarksTest}); here, the public surface.
 */
@Timeout(60)
class WatermarkStrategyTest {

    /**
     * A click, stamped with when it happened.
     *
     * @param user who clicked
     * @param at when
     */
    record Click(String user, Instant at) {
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldLeaveTheItemsOfASourceWithAWatermarkUnchanged(int workers) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        TestingSource<Click> source = new TestingSource<>(List.of(new Click("ann", start),
                new Click("bob", start.plusSeconds(3)), new Click("ann", start.plusSeconds(1))));
        TestingSink<Click> sink = new TestingSink<>();

        Dataflow flow = new Dataflow("clicks");
        Stream<Click> clicks = flow.input("clicks", source,
                WatermarkStrategy.boundedOutOfOrderness(Click::at, Duration.ofSeconds(5))
                        .withIdleTimeout(Duration.ofMinutes(1)));
        clicks.output("out", sink);
        Testing.run(flow, workers);

        assertThat(sink.items()).extracting(Click::user).containsExactlyInAnyOrder("ann", "bob", "ann");
    }

    @Test
    void shouldFailTheRunNamingTheStepWhenTheTimestampFunctionThrows() {
        Dataflow flow = new Dataflow("clicks");
        flow.input("clicks", new TestingSource<>(List.of(new Click("ann", Instant.EPOCH))),
                WatermarkStrategy.<Click>boundedOutOfOrderness(click -> {
                    throw new IllegalStateException("no clock on this click");
                }, Duration.ZERO))
                .output("out", new TestingSink<>());

        assertThatThrownBy(() -> Testing.run(flow, 1))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("clicks.clicks").hasMessageContaining("timestampFunction")
                .hasRootCauseMessage("no clock on this click");
    }

    @Test
    void shouldDescribeItself() {
        assertThat(WatermarkStrategy.none()).hasToString("WatermarkStrategy.none()");
        assertThat(WatermarkStrategy.none().isNone()).isTrue();
        WatermarkStrategy<Click> bounded = WatermarkStrategy.boundedOutOfOrderness(Click::at, Duration.ofSeconds(5))
                .withIdleTimeout(Duration.ofMinutes(1));
        assertThat(bounded).hasToString("WatermarkStrategy.boundedOutOfOrderness(PT5S).withIdleTimeout(PT1M)");
        assertThat(bounded.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bounded.idleTimeout()).contains(Duration.ofMinutes(1));
        assertThat(bounded.isNone()).isFalse();
    }

    @Test
    void shouldRefuseANullStrategy() {
        Dataflow flow = new Dataflow("clicks");
        assertThatThrownBy(() -> flow.input("clicks", new TestingSource<Click>(List.of()), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("WatermarkStrategy.none()");
    }
}
