/**
 * Weft's benchmarks: the command line ({@link dev.weft.bench.Main}) and the registry of
 * benchmarks and their variants ({@link dev.weft.bench.Benchmarks}).
 *
 * <p>Every benchmark prints Weft's figure beside a hand-written Java loop doing the same work, in
 * one run, with the ratio; run them with {@code bench/run}, which fixes and pre-touches the heap.
 * The timing code is in {@code dev.weft.bench.harness}, the hand loops in
 * {@code dev.weft.bench.baseline}. This package may depend on everything; nothing depends on it.
 */
package dev.weft.bench;
