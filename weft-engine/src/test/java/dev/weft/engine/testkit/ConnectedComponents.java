package dev.weft.engine.testkit;

import dev.weft.codec.StableHash;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.Feedback;
import dev.weft.engine.dataflow.InputHandle;
import dev.weft.engine.dataflow.Notificator;
import dev.weft.engine.dataflow.OperatorBuilder;
import dev.weft.engine.dataflow.OutputHandle;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Connected components as an iterative dataflow: synchronous label propagation in a loop scope.
 *
 * <p>Every node starts labelled with its own id. In each iteration, a node that received a label
 * smaller than its own adopts it and proposes it to its neighbours, through the loop's feedback
 * edge, for the next iteration. The loop ends when no label changes. Each node's final label is
 * the smallest node id in its component, as {@link UnionFind#minLabels()} computes sequentially.
 *
 * <p>Records are {@code Long}s packing two ints: an edge (src, dst) or a proposal (node, label);
 * both are exchanged by their first int, so a node's labels and adjacency live on one worker.
 */
public final class ConnectedComponents {

    private ConnectedComponents() {
    }

    /**
     * Adds the computation to {@code scope}: worker {@code w} of {@code n} reads every n-th edge
     * and node of {@code graph}; each node's final label is written into {@code labels}.
     */
    public static void build(Scope scope, Graph graph, AtomicIntegerArray labels) {
        int me = scope.worker().index();
        int peers = scope.worker().peers();
        Stream<Long> edges = Operators.source(scope, "edges", context -> {
            Capability cap = context.capability();
            int[] src = graph.src();
            int[] dst = graph.dst();
            for (int i = me; i < src.length; i += peers) {
                context.output().give(cap, pack(src[i], dst[i]));
                context.output().give(cap, pack(dst[i], src[i]));
            }
            cap.drop();
        });
        Stream<Long> seeds = Operators.source(scope, "seeds", context -> {
            Capability cap = context.capability();
            for (int node = me; node < graph.nodes(); node += peers) {
                context.output().give(cap, pack(node, node));
            }
            cap.drop();
        });
        Stream<Long> changes = scope.iterate("propagate", 16, loop -> {
            Feedback<Long> proposals = loop.feedback("proposals");
            Stream<Long> allProposals = Operators.concat("proposals_in", seeds.enter(loop), proposals.stream());
            OperatorBuilder builder = loop.operator("adopt_min");
            InputHandle<Long> edgesIn = builder.input(edges.enter(loop), Pact.exchange(ConnectedComponents::hashFirst));
            InputHandle<Long> proposalsIn = builder.input(allProposals, Pact.exchange(ConnectedComponents::hashFirst));
            OutputHandle<Long> toNeighbours = builder.output();
            OutputHandle<Long> adopted = builder.output();
            List<InputHandle<?>> inputs = List.of(edgesIn, proposalsIn);
            builder.build(capabilities -> {
                capabilities.forEach(Capability::drop);
                Adjacency adjacency = new Adjacency(graph.nodes());
                int[] label = new int[graph.nodes()];
                Arrays.fill(label, Integer.MAX_VALUE);
                int[] changedInRound = new int[graph.nodes()];
                int[] round = {0};
                Map<Long, LongList> pendingByTime = new HashMap<>();
                Map<Long, Capability> adoptedCaps = new HashMap<>();
                Notificator notificator = new Notificator(loop.domain());
                return () -> {
                    edgesIn.forEach(batch -> {
                        for (int i = 0; i < batch.size(); i++) {
                            long e = batch.get(i);
                            adjacency.add(first(e), second(e));
                        }
                    });
                    proposalsIn.forEach(batch -> {
                        long time = batch.time();
                        LongList pending = pendingByTime.get(time);
                        if (pending == null) {
                            pending = new LongList();
                            pendingByTime.put(time, pending);
                            notificator.notifyAt(proposalsIn.retain(time, toNeighbours));
                            adoptedCaps.put(time, proposalsIn.retain(time, adopted));
                        }
                        for (int i = 0; i < batch.size(); i++) {
                            pending.add(batch.get(i));
                        }
                    });
                    notificator.forEachReady(inputs, capability -> {
                        long time = capability.time();
                        Capability adoptedCap = adoptedCaps.remove(time);
                        LongList pending = pendingByTime.remove(time);
                        int stamp = ++round[0];
                        LongList changed = new LongList();
                        for (int i = 0; i < pending.size(); i++) {
                            long proposal = pending.get(i);
                            int node = first(proposal);
                            int candidate = second(proposal);
                            if (candidate < label[node]) {
                                label[node] = candidate;
                                if (changedInRound[node] != stamp) {
                                    changedInRound[node] = stamp;
                                    changed.add(node);
                                }
                            }
                        }
                        for (int i = 0; i < changed.size(); i++) {
                            int node = (int) changed.get(i);
                            int adoptedLabel = label[node];
                            adopted.give(adoptedCap, pack(node, adoptedLabel));
                            int[] neighbours = adjacency.of(node);
                            for (int j = 0, d = adjacency.degree(node); j < d; j++) {
                                toNeighbours.give(capability, pack(neighbours[j], adoptedLabel));
                            }
                        }
                        adoptedCap.drop();
                    });
                };
            });
            proposals.connect(toNeighbours.stream());
            return adopted.stream().leave();
        });
        Operators.sink(changes, "labels", Pact.pipeline(), batch -> {
            for (int i = 0; i < batch.size(); i++) {
                long change = batch.get(i);
                labels.accumulateAndGet(first(change), second(change), Math::min);
            }
        });
    }

    static long pack(int first, int second) {
        return ((long) first << 32) | (second & 0xffffffffL);
    }

    static int first(long packed) {
        return (int) (packed >>> 32);
    }

    static int second(long packed) {
        return (int) packed;
    }

    private static long hashFirst(Long packed) {
        return StableHash.hashLong(first(packed));
    }

    /** Neighbour lists of the nodes this worker owns, grown by doubling. */
    private static final class Adjacency {
        private static final int[] NONE = new int[0];
        private final int[][] neighbours;
        private final int[] degree;

        Adjacency(int nodes) {
            neighbours = new int[nodes][];
            degree = new int[nodes];
        }

        void add(int node, int neighbour) {
            int[] list = neighbours[node];
            if (list == null) {
                list = new int[4];
                neighbours[node] = list;
            } else if (degree[node] == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                neighbours[node] = list;
            }
            list[degree[node]++] = neighbour;
        }

        int[] of(int node) {
            return neighbours[node] == null ? NONE : neighbours[node];
        }

        int degree(int node) {
            return degree[node];
        }
    }

    /** A growable list of primitive longs. */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }
    }
}
