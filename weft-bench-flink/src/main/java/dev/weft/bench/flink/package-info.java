/**
 * Apache Flink's variants of weft-bench's benchmarks (the word count of issue 12), on Flink's
 * DataStream API in local mode. A module of its own so that Flink's dependencies stay out of
 * {@code weft-bench}; the driver there loads {@link dev.weft.bench.flink.FlinkWordCount} by name in
 * a child JVM with this module's class path.
 */
package dev.weft.bench.flink;
