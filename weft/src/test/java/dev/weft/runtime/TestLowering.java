package dev.weft.runtime;

import dev.weft.Dataflow;
import dev.weft.codec.CodecRegistry;
import dev.weft.engine.dataflow.Scope;
import java.time.Duration;

/** For tests that run a dataflow on an engine execution of their own (a simulated one): the runtime's lowering. */
public final class TestLowering {

    private TestLowering() {
    }

    /** Builds {@code flow} in {@code scope}, as a {@link Runner} does on each worker. */
    public static void build(Scope scope, Dataflow flow, Duration epochInterval, boolean restoreStateEveryBatch,
            CodecRegistry codecs, Runnable abort) {
        Lowering.build(scope, flow, epochInterval, restoreStateEveryBatch, codecs, abort);
    }
}
