package dev.weft.engine.simulation;

import dev.weft.engine.worker.ExecutionConfig;
import java.util.EnumSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random graphs under tight flow control (1 to 4 records in flight, 1 to 3 workers): a source held
 * back must always be woken again, so every run finishes.
 */
@Timeout(120)
class FlowControlSweepTest {

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldFinishEveryRandomGraphUnderTightFlowControl(long seed) {
        DataflowSpec spec = DataflowSpec.generate(seed, EnumSet.allOf(DataflowSpec.PactKind.class));
        int workers = 1 + (int) (seed % 3);
        SimulatedRun.run(spec, ExecutionConfig.defaults(workers).withMaxRecordsInFlight(1 + seed % 4), seed);
    }
}
