/**
 * {@link dev.weft.io.poll.PollingSource}: a source that calls a function on a fixed interval,
 * retrying failures with exponential backoff. Depends on the JDK and {@code dev.weft.io}.
 *
 * <p>The code samples in this package's Javadoc are compiled and run by
 * {@code dev.weft.io.ConnectorExamplesTest}.
 */
package dev.weft.io.poll;
