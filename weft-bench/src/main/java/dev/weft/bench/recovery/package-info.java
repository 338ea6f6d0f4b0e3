/**
 * The {@code store} benchmark: writing and reading a snapshot of many keys in the recovery store
 * ({@code dev.weft.recovery}) on real SQLite files in a temporary directory.
 */
package dev.weft.bench.recovery;
