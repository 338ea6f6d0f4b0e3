package dev.weft.visualize;

import dev.weft.Dataflow;
import dev.weft.core.ApiAccess;
import dev.weft.core.CoreStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dataflow's steps as a tree: the dataflow at the root, composite operators as inner nodes,
 * core steps as leaves, each in creation order. Both renderers walk it.
 */
final class StepTree {

    /**
     * One step.
     *
     * @param id the full, dotted id (the dataflow's id for the root)
     * @param name the last segment of the id
     * @param kind the kind: a core step's kind, a composite's kind ({@code operator},
     *     {@code count_final}, ...), or {@code dataflow} for the root
     * @param core the core step, or {@code null} for a composite or the root
     * @param children the steps directly inside a composite, in creation order
     * @param ups the streams read: a core step's inputs, or the streams from outside that steps
     *     inside a composite read
     * @param downs the streams written: a core step's outputs, or the streams written inside a
     *     composite that steps outside it read
     */
    record Node(String id, String name, String kind, CoreStep core, List<Node> children, List<String> ups,
            List<String> downs) {

        boolean isCore() {
            return core != null;
        }
    }

    /**
     * Where a stream comes from.
     *
     * @param step the producing core step
     * @param port the stream's port on it ({@code down}, {@code trues}, {@code falses})
     */
    record Producer(CoreStep step, String port) {
    }

    private final Node root;
    private final Map<String, Producer> producers;

    private StepTree(Node root, Map<String, Producer> producers) {
        this.root = root;
        this.producers = producers;
    }

    /** The tree of {@code flow}'s steps. */
    static StepTree of(Dataflow flow) {
        List<CoreStep> cores = ApiAccess.graph(flow).steps();
        Map<String, CoreStep> coreById = new HashMap<>();
        Map<String, Producer> producers = new HashMap<>();
        Map<String, List<String>> readers = new HashMap<>();
        for (CoreStep step : cores) {
            coreById.put(step.stepId(), step);
            for (String down : step.downs()) {
                String port = down.startsWith(step.stepId() + ".") ? down.substring(step.stepId().length() + 1) : down;
                producers.put(down, new Producer(step, port));
            }
            for (String up : step.ups()) {
                readers.computeIfAbsent(up, s -> new ArrayList<>()).add(step.stepId());
            }
        }

        // Children by parent id, in creation order; every full id's parent is its prefix.
        Map<String, String> kinds = new LinkedHashMap<>(flow.structure());
        for (CoreStep step : cores) {
            kinds.putIfAbsent(step.stepId(), step.kind());
        }
        Map<String, List<String>> children = new HashMap<>();
        for (String id : kinds.keySet()) {
            String parent = parentOf(id, flow.id(), kinds);
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
        }
        Node root = node(flow.id(), "dataflow", flow.id(), children, kinds, coreById, producers, readers);
        return new StepTree(root, producers);
    }

    /** The dataflow's node. */
    Node root() {
        return root;
    }

    /** The step writing {@code streamId}, or {@code null} if none does. */
    Producer producerOf(String streamId) {
        return producers.get(streamId);
    }

    private static String parentOf(String id, String flowId, Map<String, String> kinds) {
        int dot = id.lastIndexOf('.');
        String parent = dot < 0 ? flowId : id.substring(0, dot);
        return parent.equals(flowId) || kinds.containsKey(parent) ? parent : flowId;
    }

    private static Node node(String id, String kind, String flowId, Map<String, List<String>> children,
            Map<String, String> kinds, Map<String, CoreStep> coreById, Map<String, Producer> producers,
            Map<String, List<String>> readers) {
        String name = id.equals(flowId) ? id : id.substring(id.lastIndexOf('.') + 1);
        CoreStep core = id.equals(flowId) ? null : coreById.get(id);
        if (core != null) {
            return new Node(id, name, core.kind(), core, List.of(), core.ups(), core.downs());
        }
        List<Node> inside = new ArrayList<>();
        for (String child : children.getOrDefault(id, List.of())) {
            inside.add(node(child, kinds.get(child), flowId, children, kinds, coreById, producers, readers));
        }
        List<CoreStep> descendants = new ArrayList<>();
        collectCores(inside, descendants);
        Set<String> within = new HashSet<>();
        descendants.forEach(step -> within.add(step.stepId()));
        Set<String> ups = new LinkedHashSet<>();
        Set<String> downs = new LinkedHashSet<>();
        for (CoreStep step : descendants) {
            for (String up : step.ups()) {
                Producer producer = producers.get(up);
                if (producer == null || !within.contains(producer.step().stepId())) {
                    ups.add(up);
                }
            }
            for (String down : step.downs()) {
                for (String reader : readers.getOrDefault(down, List.of())) {
                    if (!within.contains(reader)) {
                        downs.add(down);
                    }
                }
            }
        }
        return new Node(id, name, kind, null, Collections.unmodifiableList(inside), List.copyOf(ups),
                List.copyOf(downs));
    }

    private static void collectCores(List<Node> nodes, List<CoreStep> into) {
        for (Node node : nodes) {
            if (node.isCore()) {
                into.add(node.core());
            } else {
                collectCores(node.children(), into);
            }
        }
    }
}
