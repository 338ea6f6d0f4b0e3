/**
 * Testing helpers shipped to users: a source that replays a list (with end and crash markers), a
 * sink that collects into a list, and runners that execute a dataflow in-process on N workers
 * (Bytewax's {@code run_main} and {@code cluster_main}).
 */
package dev.weft.testing;
