/**
 * Moving messages between workers: the {@link dev.weft.engine.communication.Allocator} interface
 * and its implementations.
 *
 * <p>A channel, identified by an id that every worker allocates in the same order, has one
 * {@link dev.weft.engine.communication.Pusher} per receiving worker and one
 * {@link dev.weft.engine.communication.Puller} on each worker. Each sender's messages to a
 * receiver on a channel arrive in the order sent (per-sender FIFO: progress tracking depends on
 * it). Implementations: {@link dev.weft.engine.communication.ThreadCluster} (worker threads in one
 * JVM, one single-producer single-consumer queue per sender, receiver and channel, messages moved
 * by reference or, in serializing mode, through a {@link dev.weft.engine.communication.MessageCodec}),
 * and {@link dev.weft.engine.communication.SimulatedCluster} (logical workers on one thread,
 * delivery order drawn from a seed).
 *
 * <p>Depends on the JDK and JCTools only; knows nothing of operators or progress.
 */
package dev.weft.engine.communication;
