/**
 * Shared test helpers for the engine's tests and for {@code weft-bench} (through weft-engine's
 * test-jar).
 *
 * <p>What lives here: {@link dev.weft.engine.testkit.Graphs}, a deterministic, seeded generator
 * of undirected graphs (plain random ones, and unions of connected parts with a known component
 * count), the {@link dev.weft.engine.testkit.Graph} edge list it returns, and
 * {@link dev.weft.engine.testkit.UnionFind}, the sequential connected-components oracle whose
 * labels (smallest node id per component) are directly comparable with a min-label propagation
 * dataflow. {@code UnionFind} is also the COST baseline that {@code weft-bench} times. Dataflows
 * shared by engine tests and benchmarks (such as the label-propagation connected components)
 * live here too.
 *
 * <p>The graph generator and the oracle depend only on the JDK, never on the engine, so the
 * oracle stays independent of the code it checks. The dataflows may use the engine's public API;
 * nothing in {@code src/main} may depend on this package.
 */
package dev.weft.engine.testkit;
