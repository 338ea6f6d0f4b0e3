package dev.weft.recovery;

/**
 * The resume position of one partition of a partitioned source or sink, as of an epoch.
 *
 * @param stepId the id of the source or sink step
 * @param partition the partition's name
 * @param epoch the epoch at whose end it was written
 * @param position the source's or sink's encoding of where to resume (not interpreted here)
 */
public record SourcePosition(String stepId, String partition, long epoch, byte[] position) {
}
