/**
 * Building and running dataflow graphs: scopes, streams, operators, capabilities and channels.
 *
 * <p>A {@link dev.weft.engine.dataflow.Scope} is a graph of operators with one progress tracker;
 * a loop scope is a scope nested in another, with product timestamps. A
 * {@link dev.weft.engine.dataflow.Stream} is an operator output that others can read under a
 * {@link dev.weft.engine.dataflow.Pact}: pipeline (same worker), exchange (by key, to the worker
 * owning the key's key group) or broadcast. Records move in {@link dev.weft.engine.dataflow.Batch}es.
 * Operators are built with {@link dev.weft.engine.dataflow.OperatorBuilder}; common shapes (sources,
 * unary and binary operators with notifications, fused chains, probes, loops) are in
 * {@link dev.weft.engine.dataflow.Operators}.
 *
 * <p>Every object here belongs to one worker thread. Depends on {@code dev.weft.engine.progress}
 * and {@code dev.weft.engine.communication}; the worker package drives it.
 */
package dev.weft.engine.dataflow;
