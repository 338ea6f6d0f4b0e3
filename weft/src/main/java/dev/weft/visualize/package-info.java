/**
 * Pictures of a dataflow's shape: {@link dev.weft.visualize.Visualize} renders a
 * {@link dev.weft.Dataflow} as a Mermaid flowchart (one node per core step, composite operators
 * as subgraphs, edges along streams) or as JSON (steps with their kinds, the streams they read
 * and write, and nested substeps). {@code weft visualize} prints the same from the command line.
 *
 * <p>Reads a dataflow's core steps (through the internal {@code dev.weft.core.ApiAccess}) and
 * {@link dev.weft.Dataflow#structure()}; builds nothing and runs nothing.
 */
package dev.weft.visualize;
