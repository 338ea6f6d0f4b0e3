/**
 * Running dataflows: lowering a {@link dev.weft.Dataflow} onto the engine (fusing consecutive
 * pipeline steps into one engine operator) and executing it on worker threads.
 *
 * <p>Together with {@code dev.weft.core}, the only package that uses {@code dev.weft.engine}.
 */
package dev.weft.runtime;
