package dev.weft.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void shouldDivideEachMedianByItsOwnBenchmarksBaseline() {
        Report report = new Report();
        report.add(new Result("maps", "weft", false, "rec/s", 50_000_000, 40_000_000, 60_000_000, 5, ""));
        report.add(new Result("maps", "hand loop", true, "rec/s", 200_000_000, 190_000_000, 210_000_000, 5, ""));
        report.add(new Result("epochs", "hand loop", true, "epochs/s", 1_000_000, 1_000_000, 1_000_000, 5, ""));
        report.add(new Result("epochs", "weft", false, "epochs/s", 2_000, 1_000, 3_000, 5, "1 worker"));

        List<String> lines = report.format().lines().toList();

        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).matches("\\| benchmark \\| variant +\\| +median \\|.*\\| +ratio \\| runs \\| notes +\\|");
        assertThat(lines.get(1)).matches("\\|[-:|]+\\|");
        assertThat(cells(lines.get(2))).containsExactly(
                "maps", "weft", "50,000,000", "40,000,000", "60,000,000", "rec/s", "0.25", "5", "");
        assertThat(cells(lines.get(3))).element(6).isEqualTo("1.00");
        assertThat(cells(lines.get(5))).element(6).isEqualTo("0.0020");
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSameSizeAs(lines.get(0)));
    }

    @Test
    void shouldPrintNoRatioWithoutABaseline() {
        Report report = new Report();
        report.add(new Result("cc", "weft", false, "edges/s", 10, 9, 11, 5, ""));

        assertThat(cells(report.format().lines().toList().get(2))).element(6).isEqualTo("-");
    }

    @Test
    void shouldFormatRatesAndRatiosForReading() {
        assertThat(Report.formatRate(1_234_567.8)).isEqualTo("1,234,568");
        assertThat(Report.formatRate(12.345)).isEqualTo("12.35");
        assertThat(Report.formatRatio(1.234)).isEqualTo("1.23");
        assertThat(Report.formatRatio(0.01234)).isEqualTo("0.012");
    }

    @Test
    void shouldCheckBenchmarkDefinitions() {
        Variant hand = Variant.handLoop(params -> () -> 1);
        assertThat(new Benchmark("b", "rec/s", "d", Map.of("b.z", 1L, "b.a", 2L), List.of(hand)).parameters().keySet())
                .containsExactly("b.a", "b.z");
        assertThatThrownBy(
                        () -> new Benchmark("b", "rec/s", "d", Map.of(), List.of(hand, Variant.handLoop(params -> () -> 1))))
                .hasMessageContaining("more than one baseline");
        assertThatThrownBy(() -> new Benchmark("b", "rec/s", "d", Map.of(), List.of()))
                .hasMessageContaining("no variants");
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::strip).toList();
    }
}
