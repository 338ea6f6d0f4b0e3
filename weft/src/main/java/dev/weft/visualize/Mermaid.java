package dev.weft.visualize;

import dev.weft.core.CoreStep;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link StepTree} as a Mermaid flowchart: the dataflow and each composite operator
 * as a subgraph, one node per core step labelled with its name and kind, and one edge per
 * stream a step reads, labelled with the port when the producer has several
 * ({@code trues}, {@code falses}).
 */
final class Mermaid {

    private static final String INDENT = "    ";
    /** Words Mermaid reads as syntax, never usable as node ids. */
    private static final Set<String> RESERVED = Set.of("end", "subgraph", "graph", "flowchart", "direction",
            "style", "classDef", "class", "linkStyle", "click", "call", "href", "default");

    private final StepTree tree;
    private final Map<String, String> nodeIds = new HashMap<>();
    private final Set<String> usedIds = new HashSet<>();
    private final StringBuilder out = new StringBuilder();

    private Mermaid(StepTree tree) {
        this.tree = tree;
        usedIds.addAll(RESERVED);
    }

    static String render(StepTree tree) {
        return new Mermaid(tree).render();
    }

    private String render() {
        out.append("flowchart TD\n");
        writeNode(tree.root(), 1);
        writeEdges(tree.root());
        return out.toString();
    }

    private void writeNode(StepTree.Node node, int depth) {
        String indent = INDENT.repeat(depth);
        String label = label(node.name() + " (" + node.kind() + ")");
        if (node.isCore()) {
            out.append(indent).append(idOf(node.id())).append("[\"").append(label).append("\"]\n");
            return;
        }
        out.append(indent).append("subgraph ").append(idOf(node.id())).append("[\"").append(label).append("\"]\n");
        for (StepTree.Node child : node.children()) {
            writeNode(child, depth + 1);
        }
        out.append(indent).append("end\n");
    }

    private void writeEdges(StepTree.Node node) {
        if (!node.isCore()) {
            for (StepTree.Node child : node.children()) {
                writeEdges(child);
            }
            return;
        }
        for (String up : node.ups()) {
            StepTree.Producer producer = tree.producerOf(up);
            if (producer == null) {
                continue;
            }
            CoreStep from = producer.step();
            out.append(INDENT).append(idOf(from.stepId())).append(" -->");
            if (from.downs().size() > 1) {
                out.append("|").append(label(producer.port())).append("|");
            }
            out.append(" ").append(idOf(node.id())).append("\n");
        }
    }

    /**
     * A Mermaid id for a step: its full id with every character other than letters, digits and
     * {@code _} replaced by {@code _} (so {@code flow.count.key} becomes {@code flow_count_key}),
     * made unique with a numeric suffix when two ids would collide.
     */
    private String idOf(String stepId) {
        String known = nodeIds.get(stepId);
        if (known != null) {
            return known;
        }
        StringBuilder base = new StringBuilder(stepId.length());
        for (int i = 0; i < stepId.length(); i++) {
            char c = stepId.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            base.append(plain ? c : '_');
        }
        String id = base.toString();
        for (int n = 2; !usedIds.add(id); n++) {
            id = base + "_" + n;
        }
        nodeIds.put(stepId, id);
        return id;
    }

    /** Text made safe inside a quoted Mermaid label, with Mermaid's entity codes. */
    private static String label(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("#quot;");
                case '#' -> escaped.append("#35;");
                case '<' -> escaped.append("#lt;");
                case '>' -> escaped.append("#gt;");
                case '&' -> escaped.append("#amp;");
                case '|' -> escaped.append("#124;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
