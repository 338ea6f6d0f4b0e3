package dev.weft.engine.dataflow;

import dev.weft.engine.progress.PathSummary;
import dev.weft.engine.progress.TimeDomain;

/**
 * The feedback edge of a loop scope: records {@link #connect(Stream) connected} to it come back
 * out of {@link #stream()} one iteration later. A record whose iteration counter would overflow
 * is discarded. Every cycle in a graph must pass through a feedback edge.
 *
 * @param <T> the record type
 */
public final class Feedback<T> {

    private final Stream<T> stream;
    private final InputHandle<T> input;
    private final OperatorCore core;
    private boolean connected;

    Feedback(Scope scope, String name) {
        OperatorBuilder builder = scope.operator(name);
        this.input = builder.unconnectedInput();
        OutputHandle<T> output = builder.output();
        this.stream = output.stream();
        this.core = builder.core();
        PathSummary step = PathSummary.nextIteration(scope.domain());
        builder.summary(0, 0, step);
        builder.notifyOnFrontier(false);
        builder.build(capabilities -> {
            capabilities.get(0).drop();
            return () -> input.forEach(batch -> {
                long next = step.resultsIn(batch.time());
                if (next != TimeDomain.NO_TIME) {
                    batch.setTime(next);
                    output.send(batch);
                }
            });
        });
    }

    /** The records fed back, one iteration later. */
    public Stream<T> stream() {
        return stream;
    }

    /** Feeds {@code source} (a stream of the same loop scope) back to {@link #stream()}. Once only. */
    public void connect(Stream<T> source) {
        if (connected) {
            throw new IllegalStateException("feedback '" + core.name() + "' is already connected");
        }
        connected = true;
        source.connect(input, core, Pact.pipeline());
    }
}
