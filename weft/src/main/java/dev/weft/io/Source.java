package dev.weft.io;

/**
 * Where a dataflow's input comes from: either a {@link PartitionedSource} or a
 * {@link DynamicSource}.
 *
 * @param <T> the item type
 */
public sealed interface Source<T> permits PartitionedSource, DynamicSource {
}
