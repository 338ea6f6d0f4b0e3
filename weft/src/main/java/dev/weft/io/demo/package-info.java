/**
 * Demo connectors for examples and load tests: {@link dev.weft.io.demo.RandomMetricSource} emits
 * {@link dev.weft.io.demo.Metric}s at a steady rate, deterministically for a seed. Depends on the
 * JDK, {@code dev.weft.io} and {@code dev.weft.codec}.
 *
 * <p>The code samples in this package's Javadoc are compiled and run by
 * {@code dev.weft.io.ConnectorExamplesTest}.
 */
package dev.weft.io.demo;
