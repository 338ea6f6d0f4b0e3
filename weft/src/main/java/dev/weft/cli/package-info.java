/**
 * The {@code weft} command line: {@code weft run <flow>} runs a dataflow on N worker threads in
 * this JVM until its inputs end, and {@code weft visualize <flow>} prints its shape. Built on
 * picocli; {@link dev.weft.cli.Weft#main} is the entry point that {@code bin/weft} starts.
 *
 * <p>{@code <flow>} names code on the class path that builds a {@link dev.weft.Dataflow}: a
 * class implementing {@link dev.weft.cli.DataflowFactory} (or
 * {@code java.util.function.Supplier<Dataflow>}), or {@code Class::method}, a public static
 * method returning a dataflow; extra arguments are passed to it.
 *
 * <p>Uses the public API, {@code dev.weft.runtime} and {@code dev.weft.visualize}; never the
 * engine.
 */
package dev.weft.cli;
