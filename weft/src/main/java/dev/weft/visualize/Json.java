package dev.weft.visualize;

import java.util.List;

/**
 * Renders a {@link StepTree} as JSON, indented by two spaces:
 *
 * <pre>{@code
 * {
 *   "flowId": "wc",
 *   "steps": [
 *     {
 *       "stepId": "wc.lines",
 *       "kind": "input",
 *       "ups": [],
 *       "downs": ["wc.lines.down"]
 *     },
 *     ...
 *   ]
 * }
 * }</pre>
 *
 * <p>A composite operator also has {@code "substeps"}; its {@code ups} are the streams from
 * outside that its steps read, its {@code downs} those its steps write and outside steps read.
 */
final class Json {

    private final StringBuilder out = new StringBuilder();

    private Json() {
    }

    static String render(StepTree tree) {
        Json json = new Json();
        json.writeFlow(tree.root());
        return json.out.toString();
    }

    private void writeFlow(StepTree.Node root) {
        out.append("{\n");
        field(1, "flowId").append(string(root.id())).append(",\n");
        field(1, "steps");
        writeSteps(root.children(), 1);
        out.append("\n}\n");
    }

    private void writeSteps(List<StepTree.Node> steps, int depth) {
        if (steps.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < steps.size(); i++) {
            writeStep(steps.get(i), depth + 1);
            out.append(i + 1 < steps.size() ? ",\n" : "\n");
        }
        indent(depth).append("]");
    }

    private void writeStep(StepTree.Node step, int depth) {
        indent(depth).append("{\n");
        field(depth + 1, "stepId").append(string(step.id())).append(",\n");
        field(depth + 1, "kind").append(string(step.kind())).append(",\n");
        field(depth + 1, "ups").append(strings(step.ups())).append(",\n");
        field(depth + 1, "downs").append(strings(step.downs()));
        if (!step.isCore()) {
            out.append(",\n");
            field(depth + 1, "substeps");
            writeSteps(step.children(), depth + 1);
        }
        out.append("\n");
        indent(depth).append("}");
    }

    private StringBuilder field(int depth, String name) {
        return indent(depth).append(string(name)).append(": ");
    }

    private StringBuilder indent(int depth) {
        return out.append("  ".repeat(depth));
    }

    private static String strings(List<String> values) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        }
        return list.append("]").toString();
    }

    /**
     * A JSON string literal: quotes, backslashes and control characters escaped, and U+2028 and
     * U+2029 too, so the text is also a valid JavaScript literal.
     */
    static String string(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
