/**
 * Standard input and output: {@link dev.weft.io.stdio.StdInSource} reads lines on one worker,
 * {@link dev.weft.io.stdio.StdOutSink} prints items from every worker, whole lines at a time.
 * Depends on the JDK, {@code dev.weft.io} and {@code dev.weft.io.batching}.
 *
 * <p>The code samples in this package's Javadoc are compiled and run by
 * {@code dev.weft.io.ConnectorExamplesTest}.
 */
package dev.weft.io.stdio;
