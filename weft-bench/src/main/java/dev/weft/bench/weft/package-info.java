/**
 * Weft's variants of the benchmarks: the same work as each hand loop in {@code baseline}, as an
 * engine dataflow, run in a fresh {@code Execution} per measured run (thread start-up included).
 * May depend on the engine, the engine's test kit and the baselines.
 */
package dev.weft.bench.weft;
