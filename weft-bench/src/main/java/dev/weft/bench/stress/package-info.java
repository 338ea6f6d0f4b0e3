/**
 * The long stress sweep of the threaded engine ({@code bench/run stress}): thousands of seeds of
 * the engine's randomized threaded run ({@code dev.weft.engine.simulation.ThreadedRun}, from the
 * engine's test kit), whose CI suite runs a few hundred. Its figure is seeds per second; what
 * matters is that no seed fails.
 */
package dev.weft.bench.stress;
