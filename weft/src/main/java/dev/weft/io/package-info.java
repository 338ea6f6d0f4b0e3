/**
 * How data enters and leaves a dataflow: sources and sinks.
 *
 * <p>A {@link dev.weft.io.PartitionedSource} has a fixed set of named partitions, each read by
 * exactly one worker and each with a resume position that recovery snapshots; a
 * {@link dev.weft.io.DynamicSource} builds one stateless reader per worker. Sinks mirror them:
 * {@link dev.weft.io.PartitionedSink} (items routed to partitions by key, each partition written
 * by one worker, with a resume position) and {@link dev.weft.io.DynamicSink} (one writer per
 * worker).
 *
 * <p>Sources, sinks and their builders are shared by every worker and must be safe to call from
 * several threads; a partition object is used only by the worker thread that built it.
 * Depends only on the JDK and {@code dev.weft}; the connectors live in sub-packages.
 */
package dev.weft.io;
