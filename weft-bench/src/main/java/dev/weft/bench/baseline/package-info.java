/**
 * The hand-written baselines: plain Java loops doing each benchmark's work, the figures that Weft
 * (and any peer) is printed beside.
 *
 * <p>What lives here: one {@link dev.weft.bench.harness.Workload} per benchmark
 * ({@link dev.weft.bench.baseline.MapsHandLoop}, {@link dev.weft.bench.baseline.ExchangeHandLoop},
 * {@link dev.weft.bench.baseline.EpochsHandLoop}, {@link dev.weft.bench.baseline.UnionFindHandLoop}),
 * the {@link dev.weft.bench.baseline.LongSum} sink that Weft's variants should fold into too, and
 * the expected results every variant can check itself against.
 *
 * <p>Each loop is as fast as plain Java allows while doing the same work as the engine: the same
 * boxed records, the same user functions called through call sites that are not monomorphic, the
 * same batch size and queues between threads. Each checks its result on every run and throws if
 * it is wrong. Depends on {@code dev.weft.bench.harness}, JCTools and the engine's test kit
 * ({@code dev.weft.engine.testkit}, for graphs and union-find), never on Weft itself: a baseline
 * must not move when the engine does.
 */
package dev.weft.bench.baseline;
