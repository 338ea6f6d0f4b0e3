package dev.weft.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bench.harness.Workload;
import dev.weft.engine.testkit.Graphs;
import dev.weft.engine.testkit.UnionFind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each hand loop does its whole, checked work on small inputs, run after run. */
class HandLoopsTest {

    @Test
    void shouldMapEveryRecordThroughAllThreeFunctions() throws Exception {
        assertThat(MapsHandLoop.expectedSum(4)).isEqualTo((1 + 4 + 7 + 10));
        assertThat(runThrice(new MapsHandLoop(5_000))).isEqualTo(5_000);
    }

    @ParameterizedTest(name = "{0} records")
    @ValueSource(ints = {2, 3, 1_023, 1_025, 100_001})
    void shouldExchangeEveryRecordExactlyOnce(int records) throws Exception {
        // run() throws unless the two receivers' sums add up to the sum of all records.
        assertThat(runThrice(new ExchangeHandLoop(records))).isEqualTo(records);
    }

    @Test
    void shouldRouteAboutHalfTheRecordsToEachWorker() {
        int toWorkerOne = 0;
        for (long value = 0; value < 100_000; value++) {
            toWorkerOne += ExchangeHandLoop.workerOf(value);
        }
        assertThat(toWorkerOne).isBetween(49_000, 51_000);
    }

    @Test
    void shouldCompleteEveryEpoch() throws Exception {
        assertThat(EpochsHandLoop.expectedSum(3)).isEqualTo(1 + 2 + 3);
        assertThat(runThrice(new EpochsHandLoop(10_000))).isEqualTo(10_000);
    }

    @Test
    void shouldFindTheComponentsOfTheSameGraphAsTheOracle() throws Exception {
        UnionFindHandLoop loop = new UnionFindHandLoop(2_000, 1_500, 7);

        assertThat(runThrice(loop)).isEqualTo(1_500);
        assertThat(loop.detail()).startsWith(
                "components=" + UnionFind.of(Graphs.random(2_000, 1_500, 7)).components() + ",");
    }

    private static long runThrice(Workload workload) throws Exception {
        try (workload) {
            workload.setup();
            long first = workload.run();
            assertThat(workload.run()).isEqualTo(first);
            assertThat(workload.run()).isEqualTo(first);
            return first;
        }
    }
}
