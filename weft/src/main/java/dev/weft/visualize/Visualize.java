package dev.weft.visualize;

import dev.weft.Dataflow;

/**
 * Renders a dataflow's shape as text, to read or to paste into documentation; nothing runs.
 *
 * <pre>{@code
 * Dataflow flow = new Dataflow("wc");
 * flow.input("lines", new TestingSource<String>(List.of("a b")))
 *     .countFinal("count", w -> w)
 *     .output("out", new TestingSink<>());
 * System.out.print(Visualize.mermaid(flow));
 * }</pre>
 *
 * <p>{@link #mermaid} draws a flowchart: one node per core step labelled with its name and kind,
 * each composite operator (such as {@code count_final}) as a subgraph holding its steps, and an
 * edge along every stream. {@link #json} gives the same tree as data: the dataflow's id and its
 * steps, each with its full id, kind, the ids of the streams it reads ({@code ups}) and writes
 * ({@code downs}), and a composite's {@code substeps}. From the command line:
 * {@code weft visualize <flow> --format mermaid|json}.
 *
 * <p>Thread safety: the methods read the dataflow and may be called from any thread while
 * nothing is adding steps to it.
 */
public final class Visualize {

    private Visualize() {
    }

    /** A text format for a dataflow's shape. */
    public enum Format {
        /** A Mermaid flowchart ({@link Visualize#mermaid}). */
        MERMAID,
        /** JSON ({@link Visualize#json}). */
        JSON
    }

    /**
     * The dataflow as a Mermaid flowchart, ending with a newline.
     *
     * @param flow the dataflow
     * @return the flowchart's text, starting {@code flowchart TD}
     */
    public static String mermaid(Dataflow flow) {
        return Mermaid.render(StepTree.of(flow));
    }

    /**
     * The dataflow's steps as a JSON object, ending with a newline.
     *
     * @param flow the dataflow
     * @return {@code {"flowId": ..., "steps": [...]}}, indented by two spaces
     */
    public static String json(Dataflow flow) {
        return Json.render(StepTree.of(flow));
    }

    /**
     * The dataflow in {@code format}.
     *
     * @param flow the dataflow
     * @param format the format
     * @return the text, ending with a newline
     */
    public static String render(Dataflow flow, Format format) {
        return switch (format) {
            case MERMAID -> mermaid(flow);
            case JSON -> json(flow);
        };
    }
}
