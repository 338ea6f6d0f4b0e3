/**
 * Building blocks for connectors to clients that work in batches or asynchronously.
 *
 * <p>{@link dev.weft.io.batching.BatchingSink} collects items into batches by size and age before
 * handing them to a sink or a {@link dev.weft.io.batching.BatchWriter};
 * {@link dev.weft.io.batching.AsyncSink} hands batches to a function returning a
 * {@code CompletionStage} and bounds the writes in flight; {@link dev.weft.io.batching.QueueSource}
 * is a source fed from a client's own threads through a bounded queue. Depends on the JDK and
 * {@code dev.weft.io}.
 *
 * <p>The code samples in this package's Javadoc are compiled and run by
 * {@code dev.weft.io.ConnectorExamplesTest}.
 */
package dev.weft.io.batching;
