/**
 * Weft's benchmarks: the command line ({@link dev.weft.bench.Main}) and the registry of
 * benchmarks and their variants ({@link dev.weft.bench.Benchmarks}).
 *
 * <p>Every benchmark prints Weft's figure beside a hand-written Java loop doing the same work, in
 * one run, with the ratio; run them with {@code bench/run}, which fixes and pre-touches the heap.
 * The timing code is in {@code dev.weft.bench.harness}, the hand loops in
 * {@code dev.weft.bench.baseline}, the word count of the user API (hand loop, Weft, and the loader
 * of Flink's variant from the {@code weft-bench-flink} module) in {@code dev.weft.bench.wordcount}.
 * Benchmarks run their variants in this JVM, except those that
 * {@link dev.weft.bench.Benchmarks#forked} names, whose variants each get a child JVM. This package
 * may depend on everything; nothing depends on it.
 */
package dev.weft.bench;
