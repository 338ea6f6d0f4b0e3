package dev.weft.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Reachability} tracker on random graphs (a DAG of operators plus loops, each closed by a
 * feedback node adding one iteration) under random batches of pointstamp changes, checked after
 * every propagation against a brute-force oracle: the minimal times reachable, location by
 * location, from every pointstamp with a positive count.
 */
@Timeout(60)
class ReachabilityRandomizedTest {

    static List<Long> seeds() {
        return LongStream.rangeClosed(1, 20).boxed().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldMatchTheBruteForceFrontiersOnRandomLoopsAndUpdates(long seed) {
        Random random = new Random(seed);
        // Even seeds: three iteration bits, so that loops end by overflow. Odd seeds: sixteen.
        TimeDomain domain = TimeDomain.EPOCHS.product(seed % 2 == 0 ? 3 : 16);
        RandomGraph graph = new RandomGraph(domain, random);
        Reachability tracker = graph.build();
        Oracle oracle = new Oracle(graph, tracker);

        checkScopeSummaries(seed, graph, tracker, oracle, random);

        Map<Long, Long>[] counts = newMaps(graph.locationCount());
        Map<Long, Long>[] pushed = newMaps(graph.locationCount());
        Map<Long, Long>[] outputs = newMaps(graph.scopeOutputs);
        List<Integer> updatable = graph.updatableLocations(tracker);
        for (int round = 0; round < 80; round++) {
            boolean retireAll = round % 20 == 19;
            PointstampBatch batch = new PointstampBatch();
            if (retireAll) {
                // Bring every count back to zero: everything must drain and the tracker terminate.
                for (int loc = 0; loc < counts.length; loc++) {
                    for (Map.Entry<Long, Long> e : counts[loc].entrySet()) {
                        batch.update(loc, e.getKey(), -e.getValue());
                    }
                }
            } else {
                for (int n = 1 + random.nextInt(5); n > 0; n--) {
                    randomChange(random, domain, updatable, counts, batch);
                }
            }
            String description = batch.toString();
            if (random.nextBoolean()) {
                tracker.updateAll(batch);
            } else {
                for (int i = 0; i < batch.size(); i++) {
                    tracker.update(batch.location(i), batch.time(i), batch.diff(i));
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                counts[batch.location(i)].merge(batch.time(i), batch.diff(i), Long::sum);
                counts[batch.location(i)].values().removeIf(v -> v == 0);
            }
            tracker.propagateAll();

            String where = "seed " + seed + ", round " + round + ", after " + description;
            drain(tracker.pushedChanges(), pushed);
            for (int k = 0; k < graph.scopeOutputs; k++) {
                LongChangeBatch changes = tracker.outputChanges(k);
                for (int i = 0; i < changes.size(); i++) {
                    outputs[k].merge(changes.time(i), changes.diff(i), Long::sum);
                }
                outputs[k].values().removeIf(v -> v == 0);
                changes.clear();
            }
            check(where, graph, tracker, oracle, counts, pushed, outputs);
            if (retireAll) {
                assertThat(tracker.trackingAnything()).as(where).isFalse();
                for (int loc = 0; loc < counts.length; loc++) {
                    assertThat(tracker.frontier(loc).isEmpty()).as("%s: %s", where, tracker.describe(loc)).isTrue();
                }
            }
        }
    }

    private static void randomChange(Random random, TimeDomain domain, List<Integer> updatable,
            Map<Long, Long>[] counts, PointstampBatch batch) {
        int choice = random.nextInt(10);
        if (choice < 4) {
            // Retire a positive count (a capability dropped, a record consumed), if there is one.
            List<long[]> positive = new ArrayList<>();
            for (int loc : updatable) {
                counts[loc].forEach((t, c) -> {
                    if (c > 0) {
                        positive.add(new long[] {loc, t});
                    }
                });
            }
            if (!positive.isEmpty()) {
                long[] pick = positive.get(random.nextInt(positive.size()));
                batch.update((int) pick[0], pick[1], -1);
                return;
            }
        }
        int loc = updatable.get(random.nextInt(updatable.size()));
        long time = domain.time(random.nextInt(4), random.nextInt((int) Math.min(6, domain.maxComponent(1) + 1)));
        // Now and then a -1 ahead of its +1: a consumer's report overtaking the producer's.
        long diff = choice == 9 ? -1 : 1 + random.nextInt(2);
        batch.update(loc, time, diff);
    }

    private static void check(String where, RandomGraph graph, Reachability tracker, Oracle oracle,
            Map<Long, Long>[] counts, Map<Long, Long>[] pushed, Map<Long, Long>[] outputs) {
        Map<Integer, Set<Long>> positive = new HashMap<>();
        Map<Integer, Set<Long>> internal = new HashMap<>();
        long recordsInFlight = 0;
        boolean anyPositive = false;
        for (int loc = 0; loc < counts.length; loc++) {
            for (Map.Entry<Long, Long> e : counts[loc].entrySet()) {
                assertThat(tracker.pointstampCount(loc, e.getKey())).as(where).isEqualTo(e.getValue());
                if (tracker.isTarget(loc)) {
                    recordsInFlight += e.getValue();
                }
                if (e.getValue() > 0) {
                    anyPositive = true;
                    positive.computeIfAbsent(loc, l -> new TreeSet<>()).add(e.getKey());
                    if (tracker.nodeOf(loc) != 0) {
                        internal.computeIfAbsent(loc, l -> new TreeSet<>()).add(e.getKey());
                    }
                }
            }
        }
        assertThat(tracker.recordsInFlight()).as(where).isEqualTo(recordsInFlight);
        assertThat(tracker.trackingAnything()).as(where).isEqualTo(anyPositive);

        List<TreeSet<Long>> expected = oracle.minimalReachable(positive);
        for (int loc = 0; loc < counts.length; loc++) {
            TreeSet<Long> actual = new TreeSet<>(LongAntichainTest.elements(tracker.frontier(loc)));
            assertThat(format(graph.domain, actual)).as("%s: frontier at %s", where, tracker.describe(loc))
                    .isEqualTo(format(graph.domain, expected.get(loc)));
            if (tracker.isTarget(loc)) {
                // Accumulated frontier changes reported at an input are exactly its frontier, once each.
                Map<Long, Long> expectedPushed = new HashMap<>();
                actual.forEach(t -> expectedPushed.put(t, 1L));
                assertThat(pushed[loc]).as("%s: pushed changes at %s", where, tracker.describe(loc))
                        .isEqualTo(expectedPushed);
            }
        }
        for (int node = 0; node < tracker.nodeCount(); node++) {
            int minimalCapabilities = 0;
            for (int port = 0; port < tracker.outputCount(node); port++) {
                Set<Long> held = positive.getOrDefault(tracker.source(node, port), Set.of());
                minimalCapabilities += Oracle.minimal(graph.domain, held).size();
            }
            assertThat(tracker.capabilityCount(node)).as("%s: capabilities of node %d", where, node)
                    .isEqualTo(minimalCapabilities);
        }
        List<TreeSet<Long>> fromInternal = oracle.minimalReachable(internal);
        for (int k = 0; k < graph.scopeOutputs; k++) {
            int scopeOutput = tracker.target(0, k);
            assertThat(outputs[k].values()).as("%s: output changes at scope output %d", where, k)
                    .allMatch(c -> c > 0);
            TreeSet<Long> implied = Oracle.minimal(graph.domain, outputs[k].keySet());
            assertThat(format(graph.domain, implied)).as("%s: output changes at scope output %d", where, k)
                    .isEqualTo(format(graph.domain, fromInternal.get(scopeOutput)));
        }
    }

    /** Every scope input to scope output summary moves a time where the graph's paths take it. */
    private static void checkScopeSummaries(long seed, RandomGraph graph, Reachability tracker, Oracle oracle,
            Random random) {
        for (int input = 0; input < graph.scopeInputs; input++) {
            for (int k = 0; k < graph.scopeOutputs; k++) {
                PathSummary[] summaries = tracker.scopeSummary(input, k);
                for (int sample = 0; sample < 5; sample++) {
                    long time = graph.domain.time(random.nextInt(4), random.nextInt(4));
                    TreeSet<Long> results = new TreeSet<>();
                    for (PathSummary s : summaries) {
                        long result = s.resultsIn(time);
                        if (result != TimeDomain.NO_TIME) {
                            results.add(result);
                        }
                    }
                    TreeSet<Long> expected = oracle.minimalReachable(Map.of(tracker.source(0, input), Set.of(time)))
                            .get(tracker.target(0, k));
                    assertThat(format(graph.domain, Oracle.minimal(graph.domain, results)))
                            .as("seed %d: scope summary %d -> %d %s on %s", seed, input, k, List.of(summaries),
                                    graph.domain.format(time))
                            .isEqualTo(format(graph.domain, expected));
                }
            }
        }
    }

    private static void drain(PointstampBatch batch, Map<Long, Long>[] into) {
        for (int i = 0; i < batch.size(); i++) {
            into[batch.location(i)].merge(batch.time(i), batch.diff(i), Long::sum);
            into[batch.location(i)].values().removeIf(v -> v == 0);
        }
        batch.clear();
    }

    private static List<String> format(TimeDomain domain, Set<Long> times) {
        return new TreeSet<>(times).stream().map(domain::format).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Long>[] newMaps(int n) {
        Map<Long, Long>[] maps = new Map[n];
        for (int i = 0; i < n; i++) {
            maps[i] = new HashMap<>();
        }
        return maps;
    }

    /**
     * A random scope: operators 1..n form a DAG (edges only from lower to higher numbers, or from
     * the scope inputs), then feedback nodes (one input, one output, +1 iteration) take any
     * operator's output back to any operator's input, closing loops.
     */
    static final class RandomGraph {
        final TimeDomain domain;
        final int scopeOutputs;
        final int scopeInputs;
        final List<String> names = new ArrayList<>();
        final List<Integer> inputs = new ArrayList<>();
        final List<Integer> outputs = new ArrayList<>();
        /** Per node: adds[input][output] is an antichain of {outer, iteration} adds, or null. */
        final List<long[][][][]> adds = new ArrayList<>();
        /** {source node, source port, target node, target port}. */
        final List<int[]> edges = new ArrayList<>();

        RandomGraph(TimeDomain domain, Random random) {
            this.domain = domain;
            scopeOutputs = 1 + random.nextInt(2);
            scopeInputs = random.nextInt(3);
            add("scope", scopeOutputs, scopeInputs, new long[scopeOutputs][scopeInputs][][]);
            int operators = 2 + random.nextInt(6);
            for (int op = 1; op <= operators; op++) {
                int in = random.nextInt(3);
                int out = 1 + random.nextInt(2);
                long[][][][] connectivity = new long[in][out][][];
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        connectivity[i][o] = randomAntichain(random);
                    }
                }
                add("op" + op, in, out, connectivity);
            }
            int feedbacks = 1 + random.nextInt(3);
            for (int f = 0; f < feedbacks; f++) {
                add("feedback" + f, 1, 1, new long[][][][] {{{{0, 1}}}});
            }
            // Forward edges into every operator input, from scope inputs or earlier operators.
            for (int op = 1; op <= operators; op++) {
                for (int port = 0; port < inputs.get(op); port++) {
                    for (int n = random.nextInt(3); n > 0; n--) {
                        int[] from = randomSource(random, 0, op - 1);
                        if (from != null) {
                            edges.add(new int[] {from[0], from[1], op, port});
                        }
                    }
                }
            }
            // Feedback: from any operator's output, back to any operator's input.
            for (int f = 0; f < feedbacks; f++) {
                int node = operators + 1 + f;
                int[] from = randomSource(random, 1, operators);
                edges.add(new int[] {from[0], from[1], node, 0});
                for (int n = 1 + random.nextInt(2); n > 0; n--) {
                    int[] to = randomTarget(random, operators);
                    if (to != null) {
                        edges.add(new int[] {node, 0, to[0], to[1]});
                    }
                }
            }
            // Scope outputs, from operators or feedback nodes.
            for (int k = 0; k < scopeOutputs; k++) {
                for (int n = 1 + random.nextInt(2); n > 0; n--) {
                    int[] from = randomSource(random, 1, operators + feedbacks);
                    edges.add(new int[] {from[0], from[1], 0, k});
                }
            }
        }

        private void add(String name, int in, int out, long[][][][] connectivity) {
            names.add(name);
            inputs.add(in);
            outputs.add(out);
            adds.add(connectivity);
        }

        /** Mostly the identity; sometimes no connection, sometimes one or two incomparable delays. */
        private static long[][] randomAntichain(Random random) {
            int kind = random.nextInt(6);
            if (kind == 0) {
                return null;
            }
            if (kind < 4) {
                return new long[][] {{0, 0}};
            }
            long[] first = {random.nextInt(2), random.nextInt(3)};
            long[] second = {random.nextInt(2), random.nextInt(3)};
            boolean firstBelow = first[0] <= second[0] && first[1] <= second[1];
            boolean secondBelow = second[0] <= first[0] && second[1] <= first[1];
            if (random.nextBoolean() || firstBelow) {
                return new long[][] {first};
            }
            return secondBelow ? new long[][] {second} : new long[][] {first, second};
        }

        private int[] randomSource(Random random, int lowNode, int highNode) {
            List<int[]> sources = new ArrayList<>();
            for (int node = lowNode; node <= highNode; node++) {
                for (int port = 0; port < outputs.get(node); port++) {
                    sources.add(new int[] {node, port});
                }
            }
            return sources.isEmpty() ? null : sources.get(random.nextInt(sources.size()));
        }

        private int[] randomTarget(Random random, int operators) {
            List<int[]> targets = new ArrayList<>();
            for (int node = 1; node <= operators; node++) {
                for (int port = 0; port < inputs.get(node); port++) {
                    targets.add(new int[] {node, port});
                }
            }
            return targets.isEmpty() ? null : targets.get(random.nextInt(targets.size()));
        }

        PathSummary[][][] summaries(int node) {
            long[][][][] connectivity = adds.get(node);
            PathSummary[][][] summary = new PathSummary[inputs.get(node)][outputs.get(node)][];
            for (int i = 0; i < summary.length; i++) {
                for (int o = 0; o < summary[i].length; o++) {
                    long[][] antichain = connectivity[i][o];
                    if (antichain != null) {
                        summary[i][o] = new PathSummary[antichain.length];
                        for (int s = 0; s < antichain.length; s++) {
                            summary[i][o][s] = PathSummary.of(domain, antichain[s]);
                        }
                    }
                }
            }
            return summary;
        }

        int locationCount() {
            int count = 0;
            for (int node = 0; node < names.size(); node++) {
                count += inputs.get(node) + outputs.get(node);
            }
            return count;
        }

        Reachability build() {
            Reachability.Builder builder = new Reachability.Builder(domain);
            for (int node = 0; node < names.size(); node++) {
                builder.addNode(names.get(node), inputs.get(node), outputs.get(node), summaries(node));
            }
            for (int[] edge : edges) {
                builder.addEdge(edge[0], edge[1], edge[2], edge[3]);
            }
            return builder.build();
        }

        /** Where pointstamps appear in a scope: every operator input and output, and the scope inputs. */
        List<Integer> updatableLocations(Reachability tracker) {
            List<Integer> locations = new ArrayList<>();
            for (int node = 0; node < names.size(); node++) {
                if (node != 0) {
                    for (int port = 0; port < inputs.get(node); port++) {
                        locations.add(tracker.target(node, port));
                    }
                }
                for (int port = 0; port < outputs.get(node); port++) {
                    locations.add(tracker.source(node, port));
                }
            }
            return locations;
        }
    }

    /**
     * Brute force: explores every (location, time) reachable from the positive pointstamps by
     * applying the graph's summaries step by step (a time whose coordinate would overflow is
     * dropped), up to a bound on the iteration. A time at or above one already found at the same
     * location is not explored again: whatever it reaches, the smaller time reaches lower.
     */
    static final class Oracle {
        private final TimeDomain domain;
        private final int locations;
        /** Per location: {next location, outer add, iteration add}. */
        private final List<List<long[]>> steps = new ArrayList<>();
        private final long iterationBound;

        Oracle(RandomGraph graph, Reachability tracker) {
            domain = graph.domain;
            locations = graph.locationCount();
            for (int l = 0; l < locations; l++) {
                steps.add(new ArrayList<>());
            }
            for (int node = 0; node < graph.names.size(); node++) {
                long[][][][] connectivity = graph.adds.get(node);
                for (int i = 0; i < graph.inputs.get(node); i++) {
                    for (int o = 0; o < graph.outputs.get(node); o++) {
                        if (connectivity[i][o] != null) {
                            for (long[] add : connectivity[i][o]) {
                                steps.get(tracker.target(node, i)).add(new long[] {tracker.source(node, o), add[0], add[1]});
                            }
                        }
                    }
                }
            }
            for (int[] edge : graph.edges) {
                steps.get(tracker.source(edge[0], edge[1])).add(new long[] {tracker.target(edge[2], edge[3]), 0, 0});
            }
            // A minimal time travels a path without repeated locations: at most 2 iterations per step.
            iterationBound = Math.min(domain.maxComponent(1), 6 + 2L * locations);
        }

        List<TreeSet<Long>> minimalReachable(Map<Integer, Set<Long>> from) {
            List<List<Long>> found = new ArrayList<>();
            for (int l = 0; l < locations; l++) {
                found.add(new ArrayList<>());
            }
            ArrayDeque<long[]> queue = new ArrayDeque<>();
            from.forEach((loc, times) -> times.forEach(t -> queue.add(new long[] {loc, t})));
            while (!queue.isEmpty()) {
                long[] item = queue.poll();
                int loc = (int) item[0];
                long time = item[1];
                List<Long> here = found.get(loc);
                if (here.stream().anyMatch(t -> below(t, time))) {
                    continue;
                }
                here.add(time);
                long outer = domain.component(time, 0);
                long iteration = domain.component(time, 1);
                for (long[] step : steps.get(loc)) {
                    long nextOuter = outer + step[1];
                    long nextIteration = iteration + step[2];
                    if (nextOuter <= domain.maxComponent(0) && nextIteration <= iterationBound) {
                        queue.add(new long[] {step[0], domain.time(nextOuter, nextIteration)});
                    }
                }
            }
            List<TreeSet<Long>> result = new ArrayList<>();
            for (int l = 0; l < locations; l++) {
                result.add(minimal(domain, found.get(l)));
            }
            return result;
        }

        private boolean below(long a, long b) {
            return domain.component(a, 0) <= domain.component(b, 0) && domain.component(a, 1) <= domain.component(b, 1);
        }

        static TreeSet<Long> minimal(TimeDomain domain, Iterable<Long> times) {
            List<Long> all = new ArrayList<>();
            times.forEach(all::add);
            TreeSet<Long> minimal = new TreeSet<>();
            for (long t : all) {
                boolean dominated = false;
                for (long u : all) {
                    if (u != t && domain.component(u, 0) <= domain.component(t, 0)
                            && domain.component(u, 1) <= domain.component(t, 1)) {
                        dominated = true;
                        break;
                    }
                }
                if (!dominated) {
                    minimal.add(t);
                }
            }
            return minimal;
        }
    }
}
