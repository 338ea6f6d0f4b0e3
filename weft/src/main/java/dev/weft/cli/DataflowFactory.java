package dev.weft.cli;

import dev.weft.Dataflow;
import java.util.List;

/**
 * Builds a dataflow for {@code weft run} and {@code weft visualize}: name a class implementing
 * it, with a public no-argument constructor, and the arguments after the class name are passed
 * to {@link #build}.
 *
 * <pre>{@code
 * public final class WordCount implements DataflowFactory {
 *     public Dataflow build(List<String> args) {
 *         Dataflow flow = new Dataflow("wc");
 *         ...
 *         return flow;
 *     }
 * }
 * }</pre>
 *
 * <p>{@code weft run com.acme.WordCount input.txt -w 4} calls {@code build(List.of("input.txt"))}
 * once, on the main thread, before any worker starts. A static method works too:
 * {@code weft run com.acme.Flows::wordCount input.txt} calls
 * {@code public static Dataflow wordCount(String... args)} (or one taking a
 * {@code List<String>}, or nothing).
 */
@FunctionalInterface
public interface DataflowFactory {

    /**
     * Builds the dataflow.
     *
     * @param args the command line's arguments after the flow's name (unmodifiable, possibly empty)
     * @return the dataflow, not {@code null}
     * @throws RuntimeException when the arguments are unusable: {@code weft} reports it and exits 1
     */
    Dataflow build(List<String> args);
}
