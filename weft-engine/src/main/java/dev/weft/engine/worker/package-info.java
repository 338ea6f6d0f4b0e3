/**
 * Running dataflows: a {@link dev.weft.engine.worker.Worker} per thread, each stepping its
 * dataflows and parking when idle, and an {@link dev.weft.engine.worker.Execution} that starts N
 * workers in one JVM, stops them all on the first failure, and reports a dataflow that can no
 * longer make progress instead of hanging.
 *
 * <p>Depends on the rest of the engine and on {@code dev.weft.codec}.
 */
package dev.weft.engine.worker;
