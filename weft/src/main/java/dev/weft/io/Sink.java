package dev.weft.io;

/**
 * Where a dataflow's output goes: a {@link PartitionedSink} or a {@link DynamicSink}.
 *
 * @param <T> the item type the sink accepts
 */
public sealed interface Sink<T> permits PartitionedSink, DynamicSink {
}
