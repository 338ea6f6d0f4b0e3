/**
 * The plain benchmark harness: what a benchmark is, how it is timed and how results are printed.
 *
 * <p>What lives here: {@link dev.weft.bench.harness.Workload} (one unit of work, run again and
 * again), {@link dev.weft.bench.harness.Variant} and {@link dev.weft.bench.harness.Benchmark} (a
 * named set of variants doing the same work, one of them the hand-written baseline),
 * {@link dev.weft.bench.harness.Params} (named sizes), {@link dev.weft.bench.harness.Measurement}
 * (warm-up, then timed runs of at least a minimum length, reduced to a median rate),
 * {@link dev.weft.bench.harness.Result} and {@link dev.weft.bench.harness.Report} (the aligned
 * table, with each variant's ratio to its baseline).
 *
 * <p>Depends only on the JDK; it knows nothing of Weft, of the baselines or of any peer engine, so
 * every variant is timed by the same code.
 */
package dev.weft.bench.harness;
