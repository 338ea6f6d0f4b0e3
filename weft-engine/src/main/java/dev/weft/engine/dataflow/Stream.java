package dev.weft.engine.dataflow;

import dev.weft.engine.communication.Pusher;

/**
 * An operator output in a scope, which any number of operators of the same scope may read.
 * Streams cross scopes only through {@link #enter(Scope)} and {@link #leave()}.
 *
 * @param <T> the record type
 */
public final class Stream<T> {

    private final Scope scope;
    private final int node;
    private final int port;
    private final Tee<T> tee;

    Stream(Scope scope, int node, int port, Tee<T> tee) {
        this.scope = scope;
        this.node = node;
        this.port = port;
        this.tee = tee;
    }

    /** The scope this stream belongs to. */
    public Scope scope() {
        return scope;
    }

    /** Connects {@code input} to this stream under {@code pact}. */
    void connect(InputHandle<T> input, OperatorCore consumer, Pact<T> pact) {
        if (consumer.scope() != scope) {
            throw new IllegalArgumentException("operator '" + consumer.name() + "' in scope '"
                    + consumer.scope().name() + "' cannot read a stream of scope '" + scope.name()
                    + "'; use enter(...) or leave()");
        }
        WorkerContext worker = scope.worker();
        if (pact instanceof Pact.Pipeline<T> || worker.peers() == 1) {
            tee.add(input::deliver);
        } else {
            int channelId = worker.nextChannelId();
            String context = (pact instanceof Pact.Exchange<T> ? "exchange" : "broadcast")
                    + " into operator '" + scope.name() + "." + consumer.name() + "'";
            var channel = worker.allocator().<Batch<T>>allocate(channelId, worker.batchCodec(context));
            Pusher<Batch<T>>[] pushers = scope.publishingProductionFirst(channel.pushers());
            input.setRemote(channel.puller());
            worker.onChannelEvent(channelId, consumer::activate);
            // In serializing mode even this worker's own batches take the channel, through the codec.
            int local = worker.serializing() ? -1 : worker.index();
            if (pact instanceof Pact.Exchange<T> exchange) {
                tee.add(new ExchangePusher<>(worker.keyGroups(), exchange.hash(), pushers, local, input));
            } else {
                tee.add(new BroadcastPusher<>(pushers, local, input));
            }
        }
        input.markConnected();
        int copies = pact instanceof Pact.Broadcast<T> ? worker.peers() : 1;
        scope.addEdge(node, port, consumer.index(), input.port(), copies);
    }

    /**
     * This stream inside the loop scope {@code inner}, which must be nested directly in this
     * stream's scope. A record at time {@code t} enters at (t, 0).
     */
    public Stream<T> enter(Scope inner) {
        if (inner.parent() != scope) {
            throw new IllegalArgumentException("scope '" + inner.name() + "' is not nested directly in '"
                    + scope.name() + "'");
        }
        int scopePort = inner.addScopeInput();
        scope.addEdge(node, port, innerIndex(inner), scopePort);
        Tee<T> innerTee = new Tee<>();
        tee.add(new BatchPusher<>() {
            @Override
            public void push(Batch<T> batch) {
                long time = inner.domain().toInner(batch.time());
                batch.setTime(time);
                inner.countIngress(scopePort, time, batch.size());
                innerTee.push(batch);
                inner.wake();
            }

            @Override
            public void flush() {
                innerTee.flush();
            }
        });
        return new Stream<>(inner, 0, scopePort, innerTee);
    }

    /** This stream, from a loop scope, in the enclosing scope: a record at (t, i) leaves at t. */
    public Stream<T> leave() {
        Scope outer = scope.parent();
        if (outer == null) {
            throw new IllegalStateException("stream of the root scope '" + scope.name() + "' has nowhere to leave to");
        }
        int scopePort = scope.addScopeOutput();
        scope.addEdge(node, port, 0, scopePort);
        Tee<T> outerTee = new Tee<>();
        tee.add(new BatchPusher<>() {
            @Override
            public void push(Batch<T> batch) {
                batch.setTime(scope.domain().toOuter(batch.time()));
                outerTee.push(batch);
            }

            @Override
            public void flush() {
                outerTee.flush();
            }
        });
        return new Stream<>(outer, innerIndex(scope), scopePort, outerTee);
    }

    private static int innerIndex(Scope nested) {
        return nested.indexInParent();
    }
}
