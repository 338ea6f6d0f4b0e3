/**
 * The word count benchmark (issue 12): Weft's user API beside a hand-written loop and Apache
 * Flink's DataStream API, counting the words of the same generated corpus.
 *
 * <p>What lives here: the {@link dev.weft.bench.wordcount.Corpus} (deterministic, cached, split
 * into files), how lines are split ({@link dev.weft.bench.wordcount.Words}), the result summary
 * every variant checks against the corpus's ({@link dev.weft.bench.wordcount.WordCounts}), the
 * hand loop and Weft's variant, the loader of Flink's variant (its code is in the
 * {@code weft-bench-flink} module), and the summary table with the targets. Every variant
 * runs in a JVM of its own and times itself from its first read to its sink's end.
 */
package dev.weft.bench.wordcount;
