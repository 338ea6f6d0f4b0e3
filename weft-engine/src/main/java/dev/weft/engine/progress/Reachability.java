package dev.weft.engine.progress;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reachability tracker of one scope: from pointstamp counts (capabilities held at operator
 * outputs, records in flight to operator inputs) and the graph's path summaries, it computes for
 * every location the frontier of times that could still reach it (its <em>implications</em>).
 * The frontier of an operator input is the frontier of its implications.
 *
 * <p>Locations are ints: {@link #target(int, int)} for operator inputs, {@link #source(int, int)}
 * for operator outputs. Node 0 is the scope's boundary: its targets are the scope's outputs and
 * its sources are the scope's inputs. Changes are buffered by {@link #update} and applied by
 * {@link #propagateAll()}, which runs until nothing changes. Only frontier changes of each
 * location's raw counts enter the propagation; raw counts (which may be transiently negative)
 * never do. The worklist is processed in time order, merging equal (time, location) entries,
 * so a +1 and -1 that meet cancel before they travel further; with every cycle strictly
 * advancing time this terminates.
 *
 * <p>Built by {@link Builder}, which refuses a cycle that does not strictly advance time.
 * Owned by one worker thread; not thread-safe.
 *
 * <p>{@code ReachabilityTest} walks through a worked example with a loop, asserting every frontier
 * after each propagation.
 */
public final class Reachability {

    private final TimeDomain domain;
    private final String[] nodeNames;
    private final int[] targetBase;
    private final int[] sourceBase;
    private final int targetCount;
    private final int[] locationNode;
    private final int[] locationPort;
    /** For a target: the sources of the same node it connects to, with summaries. */
    private final int[][] internalSources;
    private final PathSummary[][][] internalSummaries;
    /** For a source: the targets its edges lead to. */
    private final int[][] edgeTargets;
    /** Per location, per scope output: the antichain of summaries to that output. */
    private final PathSummary[][][] toScopeOutputs;

    private final MutableLongAntichain[] pointstamps;
    private final MutableLongAntichain[] implications;
    private final int[] capabilityCounts;
    private int locationsWithPointstamps;
    private long recordsInFlight;

    private final PointstampBatch pending = new PointstampBatch(64);
    private final Worklist worklist = new Worklist();
    private final LongChangeBatch scratch = new LongChangeBatch();
    private final PointstampBatch pushedChanges = new PointstampBatch(64);
    private final LongChangeBatch[] outputChanges;

    private Reachability(Builder b) {
        this.domain = b.domain;
        int nodes = b.names.size();
        this.nodeNames = b.names.toArray(new String[0]);
        this.targetBase = new int[nodes];
        this.sourceBase = new int[nodes];
        int targets = 0;
        for (int n = 0; n < nodes; n++) {
            targetBase[n] = targets;
            targets += b.inputs.get(n);
        }
        this.targetCount = targets;
        int locations = targets;
        for (int n = 0; n < nodes; n++) {
            sourceBase[n] = locations;
            locations += b.outputs.get(n);
        }
        this.locationNode = new int[locations];
        this.locationPort = new int[locations];
        for (int n = 0; n < nodes; n++) {
            for (int p = 0; p < b.inputs.get(n); p++) {
                locationNode[targetBase[n] + p] = n;
                locationPort[targetBase[n] + p] = p;
            }
            for (int p = 0; p < b.outputs.get(n); p++) {
                locationNode[sourceBase[n] + p] = n;
                locationPort[sourceBase[n] + p] = p;
            }
        }
        this.internalSources = new int[locations][];
        this.internalSummaries = new PathSummary[locations][][];
        this.edgeTargets = new int[locations][];
        for (int n = 0; n < nodes; n++) {
            PathSummary[][][] summary = b.summaries.get(n);
            for (int i = 0; i < b.inputs.get(n); i++) {
                List<Integer> srcs = new ArrayList<>();
                List<PathSummary[]> sums = new ArrayList<>();
                for (int o = 0; o < b.outputs.get(n); o++) {
                    PathSummary[] antichain = summary[i][o];
                    if (antichain != null && antichain.length > 0) {
                        srcs.add(sourceBase[n] + o);
                        sums.add(antichain);
                    }
                }
                int loc = targetBase[n] + i;
                internalSources[loc] = srcs.stream().mapToInt(Integer::intValue).toArray();
                internalSummaries[loc] = sums.toArray(new PathSummary[0][]);
            }
            for (int o = 0; o < b.outputs.get(n); o++) {
                edgeTargets[sourceBase[n] + o] = new int[0];
            }
        }
        for (int[] edge : b.edges) {
            int src = source(edge[0], edge[1]);
            int tgt = target(edge[2], edge[3]);
            int[] old = edgeTargets[src];
            int[] next = Arrays.copyOf(old, old.length + 1);
            next[old.length] = tgt;
            edgeTargets[src] = next;
        }
        this.pointstamps = new MutableLongAntichain[locations];
        this.implications = new MutableLongAntichain[locations];
        for (int l = 0; l < locations; l++) {
            pointstamps[l] = new MutableLongAntichain(domain);
            implications[l] = new MutableLongAntichain(domain);
        }
        this.capabilityCounts = new int[nodes];
        int scopeOutputs = nodes == 0 ? 0 : b.inputs.get(0);
        this.outputChanges = new LongChangeBatch[scopeOutputs];
        for (int k = 0; k < scopeOutputs; k++) {
            outputChanges[k] = new LongChangeBatch();
        }
        this.toScopeOutputs = summariesToScopeOutputs(scopeOutputs, locations);
        checkCycles();
    }

    /** All-to-all identity connectivity: every input reaches every output unchanged. */
    public static PathSummary[][][] identity(TimeDomain domain, int inputs, int outputs) {
        PathSummary[][][] summary = new PathSummary[inputs][outputs][];
        for (int i = 0; i < inputs; i++) {
            for (int o = 0; o < outputs; o++) {
                summary[i][o] = new PathSummary[] {PathSummary.identity(domain)};
            }
        }
        return summary;
    }

    // ---------------------------------------------------------------- build-time analysis

    private PathSummary[][][] summariesToScopeOutputs(int scopeOutputs, int locations) {
        List<List<PathSummary>>[] result = newSummaryTable(locations, scopeOutputs);
        ArrayDeque<int[]> work = new ArrayDeque<>();
        for (int k = 0; k < scopeOutputs; k++) {
            int loc = target(0, k);
            result[loc].get(k).add(PathSummary.identity(domain));
            work.add(new int[] {loc, k});
        }
        // Walk backwards: predecessors of a target are the sources with an edge to it; of a
        // source, the targets of the same node connected to it.
        int[][] edgeSources = reverseEdges(locations);
        while (!work.isEmpty()) {
            int[] item = work.poll();
            int loc = item[0];
            int k = item[1];
            List<PathSummary> here = result[loc].get(k);
            if (isTarget(loc)) {
                for (int src : edgeSources[loc]) {
                    boolean changed = false;
                    for (PathSummary s : here) {
                        changed |= PathSummary.insertInto(result[src].get(k), s);
                    }
                    if (changed) {
                        work.add(new int[] {src, k});
                    }
                }
            } else {
                int node = locationNode[loc];
                int port = locationPort[loc];
                for (int i = 0; i < inputCount(node); i++) {
                    int tgt = targetBase[node] + i;
                    for (int j = 0; j < internalSources[tgt].length; j++) {
                        if (internalSources[tgt][j] != sourceBase[node] + port) {
                            continue;
                        }
                        boolean changed = false;
                        for (PathSummary first : internalSummaries[tgt][j]) {
                            for (PathSummary rest : here) {
                                PathSummary composed = first.followedBy(rest);
                                if (composed != null) {
                                    changed |= PathSummary.insertInto(result[tgt].get(k), composed);
                                }
                            }
                        }
                        if (changed) {
                            work.add(new int[] {tgt, k});
                        }
                    }
                }
            }
        }
        PathSummary[][][] table = new PathSummary[locations][scopeOutputs][];
        for (int l = 0; l < locations; l++) {
            for (int k = 0; k < scopeOutputs; k++) {
                table[l][k] = result[l].get(k).toArray(new PathSummary[0]);
            }
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private static List<List<PathSummary>>[] newSummaryTable(int locations, int outputs) {
        List<List<PathSummary>>[] table = new List[locations];
        for (int l = 0; l < locations; l++) {
            table[l] = new ArrayList<>();
            for (int k = 0; k < outputs; k++) {
                table[l].add(new ArrayList<>());
            }
        }
        return table;
    }

    private int[][] reverseEdges(int locations) {
        List<List<Integer>> sources = new ArrayList<>();
        for (int l = 0; l < locations; l++) {
            sources.add(new ArrayList<>());
        }
        for (int src = targetCount; src < locations; src++) {
            for (int tgt : edgeTargets[src]) {
                sources.get(tgt).add(src);
            }
        }
        int[][] result = new int[locations][];
        for (int l = 0; l < locations; l++) {
            result[l] = sources.get(l).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    /** Refuses a cycle made only of identity summaries: its frontiers could never advance. */
    private void checkCycles() {
        int locations = locationNode.length;
        int[] inDegree = new int[locations];
        List<List<Integer>> next = new ArrayList<>();
        for (int l = 0; l < locations; l++) {
            next.add(new ArrayList<>());
        }
        for (int l = 0; l < locations; l++) {
            if (isTarget(l)) {
                for (int j = 0; j < internalSources[l].length; j++) {
                    for (PathSummary s : internalSummaries[l][j]) {
                        if (s.isIdentity()) {
                            next.get(l).add(internalSources[l][j]);
                            inDegree[internalSources[l][j]]++;
                            break;
                        }
                    }
                }
            } else {
                for (int tgt : edgeTargets[l]) {
                    next.get(l).add(tgt);
                    inDegree[tgt]++;
                }
            }
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int l = 0; l < locations; l++) {
            if (inDegree[l] == 0) {
                ready.add(l);
            }
        }
        int peeled = 0;
        while (!ready.isEmpty()) {
            int l = ready.poll();
            peeled++;
            for (int n : next.get(l)) {
                if (--inDegree[n] == 0) {
                    ready.add(n);
                }
            }
        }
        if (peeled < locations) {
            throw new IllegalStateException("the dataflow has a cycle that does not advance time: "
                    + describeCycle(next, inDegree) + "; every cycle needs a feedback edge that increments the iteration");
        }
    }

    /** One cycle among the locations left with a positive in-degree, as "a -> b -> ... -> a". */
    private String describeCycle(List<List<Integer>> next, int[] inDegree) {
        int locations = inDegree.length;
        boolean[] left = new boolean[locations];
        for (int l = 0; l < locations; l++) {
            left[l] = inDegree[l] > 0;
        }
        // Walk forward inside what is left: every such location has a predecessor left, so walking
        // backwards would also work; forward, a location downstream of a cycle may be a dead end,
        // so follow only successors from which the walk can continue.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int l = 0; l < locations; l++) {
                if (left[l] && next.get(l).stream().noneMatch(n -> left[n])) {
                    left[l] = false;
                    changed = true;
                }
            }
        }
        int start = 0;
        while (!left[start]) {
            start++;
        }
        int[] seenAt = new int[locations];
        java.util.Arrays.fill(seenAt, -1);
        List<Integer> path = new ArrayList<>();
        int at = start;
        while (seenAt[at] < 0) {
            seenAt[at] = path.size();
            path.add(at);
            for (int n : next.get(at)) {
                if (left[n]) {
                    at = n;
                    break;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = seenAt[at]; i < path.size(); i++) {
            out.append(describe(path.get(i))).append(" -> ");
        }
        return out.append(describe(at)).toString();
    }

    // ---------------------------------------------------------------- locations

    /** The location of input {@code port} of {@code node}. */
    public int target(int node, int port) {
        if (port < 0 || port >= inputCount(node)) {
            throw new IllegalArgumentException(nodeNames[node] + " has no input " + port);
        }
        return targetBase[node] + port;
    }

    /** The location of output {@code port} of {@code node}. */
    public int source(int node, int port) {
        if (port < 0 || port >= outputCount(node)) {
            throw new IllegalArgumentException(nodeNames[node] + " has no output " + port);
        }
        return sourceBase[node] + port;
    }

    /** Whether {@code location} is an operator input. */
    public boolean isTarget(int location) {
        return location < targetCount;
    }

    /** The node a location belongs to. */
    public int nodeOf(int location) {
        return locationNode[location];
    }

    /** The port number of a location on its node. */
    public int portOf(int location) {
        return locationPort[location];
    }

    /** The number of inputs of {@code node}. */
    public int inputCount(int node) {
        return (node + 1 < targetBase.length ? targetBase[node + 1] : targetCount) - targetBase[node];
    }

    /** The number of outputs of {@code node}. */
    public int outputCount(int node) {
        return (node + 1 < sourceBase.length ? sourceBase[node + 1] : locationNode.length) - sourceBase[node];
    }

    /** The number of locations: every input and output of every node. */
    public int locationCount() {
        return locationNode.length;
    }

    /** The number of nodes, the scope boundary (node 0) included. */
    public int nodeCount() {
        return nodeNames.length;
    }

    /** The name of {@code node}. */
    public String nodeName(int node) {
        return nodeNames[node];
    }

    /**
     * Whether any input or output of {@code node} holds a pointstamp: records in flight to it, or a
     * capability it holds.
     */
    public boolean holdsPointstamps(int node) {
        for (int port = 0; port < inputCount(node); port++) {
            if (pointstamps[target(node, port)].counts().size() > 0) {
                return true;
            }
        }
        for (int port = 0; port < outputCount(node); port++) {
            if (pointstamps[source(node, port)].counts().size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The domain of this scope's times. */
    public TimeDomain domain() {
        return domain;
    }

    /** A location for messages: {@code input 0 of 'count'}. */
    public String describe(int location) {
        String node = locationNode[location] == 0 ? "the scope boundary" : "'" + nodeNames[locationNode[location]] + "'";
        return (isTarget(location) ? "input " : "output ") + locationPort[location] + " of " + node;
    }

    // ---------------------------------------------------------------- run time

    /** Buffers a change of the pointstamp count at ({@code location}, {@code time}). */
    public void update(int location, long time, long diff) {
        pending.update(location, time, diff);
    }

    /** Buffers every change of {@code batch}. */
    public void updateAll(PointstampBatch batch) {
        pending.addAll(batch);
    }

    /** Whether {@link #propagateAll()} has buffered changes to apply. */
    public boolean hasPendingUpdates() {
        return !pending.isEmpty();
    }

    /**
     * Applies the buffered changes and propagates their consequences through the graph until
     * nothing changes. Frontier changes at operator inputs collect in {@link #pushedChanges()};
     * changes of what internal pointstamps imply at the scope's outputs collect in
     * {@link #outputChanges(int)}.
     */
    public void propagateAll() {
        int n = pending.size();
        for (int i = 0; i < n; i++) {
            int loc = pending.location(i);
            long time = pending.time(i);
            long diff = pending.diff(i);
            if (isTarget(loc)) {
                recordsInFlight += diff;
            }
            MutableLongAntichain counts = pointstamps[loc];
            boolean wasEmpty = counts.isEmpty();
            counts.update(time, diff, scratch);
            if (wasEmpty != counts.isEmpty()) {
                locationsWithPointstamps += wasEmpty ? 1 : -1;
            }
            int changes = scratch.size();
            for (int c = 0; c < changes; c++) {
                long t = scratch.time(c);
                long d = scratch.diff(c);
                int node = locationNode[loc];
                if (!isTarget(loc)) {
                    capabilityCounts[node] += (int) d;
                }
                if (node != 0) {
                    PathSummary[][] perOutput = toScopeOutputs[loc];
                    for (int k = 0; k < perOutput.length; k++) {
                        for (PathSummary s : perOutput[k]) {
                            long t2 = s.resultsIn(t);
                            if (t2 != TimeDomain.NO_TIME) {
                                outputChanges[k].update(t2, d);
                            }
                        }
                    }
                }
                worklist.push(t, loc, d);
            }
            scratch.clear();
        }
        pending.clear();

        while (!worklist.isEmpty()) {
            long time = worklist.peekTime();
            int loc = worklist.peekLocation();
            long diff = 0;
            while (!worklist.isEmpty() && worklist.peekTime() == time && worklist.peekLocation() == loc) {
                diff += worklist.popDiff();
            }
            if (diff == 0) {
                continue;
            }
            implications[loc].update(time, diff, scratch);
            int changes = scratch.size();
            for (int c = 0; c < changes; c++) {
                long t = scratch.time(c);
                long d = scratch.diff(c);
                if (isTarget(loc)) {
                    int[] sources = internalSources[loc];
                    for (int j = 0; j < sources.length; j++) {
                        for (PathSummary s : internalSummaries[loc][j]) {
                            long t2 = s.resultsIn(t);
                            if (t2 != TimeDomain.NO_TIME) {
                                worklist.push(t2, sources[j], d);
                            }
                        }
                    }
                    pushedChanges.update(loc, t, d);
                } else {
                    for (int tgt : edgeTargets[loc]) {
                        worklist.push(t, tgt, d);
                    }
                }
            }
            scratch.clear();
        }
    }

    /**
     * Frontier changes at operator inputs since the caller last cleared this batch, as
     * (target location, time, +1 or -1). The caller reads and clears it.
     */
    public PointstampBatch pushedChanges() {
        return pushedChanges;
    }

    /**
     * Changes to what the scope's internal pointstamps imply at scope output {@code output}
     * (the scope's capabilities as its parent sees them, before projection). The caller reads
     * and clears it.
     */
    public LongChangeBatch outputChanges(int output) {
        return outputChanges[output];
    }

    /** The frontier at {@code location}: the times that could still reach it. */
    public LongAntichain frontier(int location) {
        return implications[location].frontier();
    }

    /** The accumulated pointstamp count at ({@code location}, {@code time}). */
    public long pointstampCount(int location, long time) {
        return pointstamps[location].count(time);
    }

    /** Whether any location still holds a positive pointstamp or changes are pending. */
    public boolean trackingAnything() {
        return locationsWithPointstamps > 0 || !pending.isEmpty();
    }

    /** The number of minimal capability times held at {@code node}'s outputs. */
    public int capabilityCount(int node) {
        return capabilityCounts[node];
    }

    /** The net number of records in flight to operator inputs, over all workers (as known here). */
    public long recordsInFlight() {
        return recordsInFlight;
    }

    /**
     * The summaries from scope input {@code input} to scope output {@code output}: the scope's
     * connectivity as a single operator of its parent (before {@link PathSummary#outerSummary()}).
     */
    public PathSummary[] scopeSummary(int input, int output) {
        return toScopeOutputs[source(0, input)][output].clone();
    }

    /**
     * Every outstanding pointstamp, one per line: where, when, how many, and whether it is a
     * capability held or records in flight. Used to explain a dataflow that cannot finish.
     */
    public String describeOutstanding() {
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < pointstamps.length; l++) {
            LongChangeBatch counts = pointstamps[l].counts();
            for (int i = 0; i < counts.size(); i++) {
                out.append("  ").append(isTarget(l) ? counts.diff(i) + " record(s) in flight to " : counts.diff(i)
                        + " capability(ies) held at ").append(describe(l)).append(" at time ")
                        .append(domain.format(counts.time(i))).append('\n');
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- builder

    /**
     * Describes a scope's graph: its nodes (node 0 first: the scope boundary), their internal
     * connectivity as path summaries, and the edges from outputs to inputs.
     */
    public static final class Builder {
        private final TimeDomain domain;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> inputs = new ArrayList<>();
        private final List<Integer> outputs = new ArrayList<>();
        private final List<PathSummary[][][]> summaries = new ArrayList<>();
        private final List<int[]> edges = new ArrayList<>();

        /** A builder for a scope whose times come from {@code domain}. */
        public Builder(TimeDomain domain) {
            this.domain = domain;
        }

        /**
         * Adds the next node. The first node added is the scope boundary: its inputs are the
         * scope's outputs and its outputs are the scope's inputs.
         *
         * @param name the operator's name, for messages
         * @param inputCount its inputs
         * @param outputCount its outputs
         * @param summary {@code summary[input][output]}: the antichain of summaries from that input to
         *     that output; {@code null} or empty means not connected
         * @return the node's index
         */
        public int addNode(String name, int inputCount, int outputCount, PathSummary[][][] summary) {
            if (summary.length != inputCount) {
                throw new IllegalArgumentException("summary of '" + name + "' must have one row per input");
            }
            names.add(name);
            inputs.add(inputCount);
            outputs.add(outputCount);
            summaries.add(summary);
            return names.size() - 1;
        }

        /** Adds an edge from output {@code sourcePort} of one node to input {@code targetPort} of another. */
        public void addEdge(int sourceNode, int sourcePort, int targetNode, int targetPort) {
            edges.add(new int[] {sourceNode, sourcePort, targetNode, targetPort});
        }

        /**
         * Builds the tracker.
         *
         * @throws IllegalStateException if a cycle does not strictly advance time
         */
        public Reachability build() {
            if (names.isEmpty()) {
                throw new IllegalStateException("a scope needs node 0, its boundary");
            }
            for (int[] e : edges) {
                if (e[0] < 0 || e[0] >= names.size() || e[2] < 0 || e[2] >= names.size()) {
                    throw new IllegalArgumentException("edge from node " + e[0] + " to node " + e[2]
                            + " names a node that was not added (nodes 0 to " + (names.size() - 1) + ")");
                }
            }
            return new Reachability(this);
        }
    }

    /** A binary min-heap of (time, location, diff), ordered by time then location. */
    private static final class Worklist {
        private long[] times = new long[64];
        private int[] locations = new int[64];
        private long[] diffs = new long[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        long peekTime() {
            return times[0];
        }

        int peekLocation() {
            return locations[0];
        }

        void push(long time, int location, long diff) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                locations = Arrays.copyOf(locations, size * 2);
                diffs = Arrays.copyOf(diffs, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(time, location, times[parent], locations[parent])) {
                    break;
                }
                times[i] = times[parent];
                locations[i] = locations[parent];
                diffs[i] = diffs[parent];
                i = parent;
            }
            times[i] = time;
            locations[i] = location;
            diffs[i] = diff;
        }

        long popDiff() {
            long diff = diffs[0];
            size--;
            if (size > 0) {
                long time = times[size];
                int location = locations[size];
                long d = diffs[size];
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && less(times[child + 1], locations[child + 1], times[child], locations[child])) {
                        child++;
                    }
                    if (!less(times[child], locations[child], time, location)) {
                        break;
                    }
                    times[i] = times[child];
                    locations[i] = locations[child];
                    diffs[i] = diffs[child];
                    i = child;
                }
                times[i] = time;
                locations[i] = location;
                diffs[i] = d;
            }
            return diff;
        }

        private static boolean less(long t1, int l1, long t2, int l2) {
            return t1 < t2 || (t1 == t2 && l1 < l2);
        }
    }
}
