package dev.weft.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private final Benchmark maps = new Benchmark("maps", "rec/s", "d", Map.of("maps.records", 10L),
            List.of(Variant.handLoop(params -> () -> 1)));

    @Test
    void shouldOverrideADefault() {
        Params params = Params.of(List.of(maps), Map.of("maps.records", 3L));

        assertThat(params.get("maps.records")).isEqualTo(3);
        assertThat(params.getInt("maps.records")).isEqualTo(3);
    }

    @Test
    void shouldRefuseAParameterNoSelectedBenchmarkDeclares() {
        assertThatThrownBy(() -> Params.of(List.of(maps), Map.of("maps.recrods", 3L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'maps.recrods'")
                .hasMessageContaining("maps.records");
        assertThatThrownBy(() -> Params.of(List.of(maps), Map.of()).get("cc.nodes"))
                .hasMessageContaining("unknown parameter 'cc.nodes'");
    }

    @Test
    void shouldRefuseAnArraySizeOutOfIntRange() {
        Params params = Params.of(List.of(maps), Map.of("maps.records", 1L << 31));

        assertThatThrownBy(() -> params.getInt("maps.records")).hasMessageContaining("between 1 and");
    }
}
