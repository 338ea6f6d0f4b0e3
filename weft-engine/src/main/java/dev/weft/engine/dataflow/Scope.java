package dev.weft.engine.dataflow;

import dev.weft.engine.communication.Channel;
import dev.weft.engine.communication.MessageCodec;
import dev.weft.engine.communication.Pusher;
import dev.weft.engine.progress.LongAntichain;
import dev.weft.engine.progress.LongChangeBatch;
import dev.weft.engine.progress.MutableLongAntichain;
import dev.weft.engine.progress.PathSummary;
import dev.weft.engine.progress.PointstampBatch;
import dev.weft.engine.progress.Reachability;
import dev.weft.engine.progress.TimeDomain;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A graph of operators with one progress tracker: the root scope of a dataflow, or a loop scope
 * nested in another (times of a loop scope are (outer time, iteration) products).
 *
 * <p>Every worker builds the same scopes in the same order. Building adds operators and edges;
 * the scope is then finished (its tracker built) and run by its worker: each run receives the
 * other workers' progress, propagates it through the tracker until nothing changes, runs the
 * operators that were activated (data arrived, a frontier moved, a timer fired, a wake-up), and
 * sends this worker's net pointstamp changes to every worker as one batch per round.
 *
 * <p>A nested scope is an operator of its parent: records enter it through
 * {@link Stream#enter(Scope)} and leave through {@link Stream#leave()}; it reports to the parent
 * what its inputs consumed, what its outputs produced, and the capabilities its inner state
 * implies at its outputs, all already agreed by every worker, so the parent does not exchange them
 * again.
 *
 * <p>Belongs to one worker thread.
 */
public final class Scope implements Node {

    /** Rounds of propagate-and-run within one schedule before yielding to the worker. */
    private static final int MAX_ROUNDS = 32;

    private final WorkerContext worker;
    private final Scope parent;
    private final String name;
    private final TimeDomain domain;
    private final int indexInParent;
    private final List<Node> children = new ArrayList<>();
    private final List<int[]> edges = new ArrayList<>();
    private Reachability tracker;
    private int[][] downstream;
    private boolean finished;

    private final PointstampBatch local = new PointstampBatch(64);
    /** Records this worker sent and has not yet published: published before any batch leaves the worker. */
    private final PointstampBatch produced = new PointstampBatch(64);
    private final PointstampBatch pendingFinal = new PointstampBatch(64);
    private Channel<PointstampBatch> progress;

    private boolean[] active;
    private boolean[] done;
    private boolean anyActive;
    private boolean scheduling;

    // Nested scopes only.
    private int scopeInputs;
    private int scopeOutputs;
    private final List<LongChangeBatch> ingress = new ArrayList<>();
    private MutableLongAntichain[] outputCapabilities;
    private LongAntichain[] reportedCapabilities;
    private final LongChangeBatch scratch = new LongChangeBatch();

    // Root scope only: sources waiting for records in flight to drain.
    private final List<Runnable> flowWaiters = new ArrayList<>();

    private Scope(WorkerContext worker, Scope parent, String name, TimeDomain domain, int indexInParent) {
        this.worker = worker;
        this.parent = parent;
        this.name = name;
        this.domain = domain;
        this.indexInParent = indexInParent;
        children.add(null); // node 0: this scope's boundary
    }

    /**
     * A new root scope on {@code worker}; used by the worker to create a dataflow.
     *
     * @param worker the worker that runs it
     * @param name the dataflow's name
     * @return the scope, ready for operators
     */
    public static Scope root(WorkerContext worker, String name) {
        return new Scope(worker, null, name, TimeDomain.EPOCHS, -1);
    }

    /** The scope's name: the dataflow's name, dotted with loop names for nested scopes. */
    @Override
    public String name() {
        return name;
    }

    /** The partial order of this scope's times. */
    public TimeDomain domain() {
        return domain;
    }

    /** The worker running this scope. */
    public WorkerContext worker() {
        return worker;
    }

    /** The enclosing scope, or {@code null} for a root scope. */
    public Scope parent() {
        return parent;
    }

    /** The root scope of this scope's dataflow. */
    public Scope root() {
        return parent == null ? this : parent.root();
    }

    /** The tracker, once the scope is finished. */
    Reachability tracker() {
        return tracker;
    }

    /** Whether the scope has been finished and may no longer change shape. */
    public boolean isFinished() {
        return finished;
    }

    /** Starts a new operator in this scope. */
    public OperatorBuilder operator(String operatorName) {
        return new OperatorBuilder(this, operatorName);
    }

    /**
     * Builds a loop scope inside this one. Within {@code body}, bring streams in with
     * {@link Stream#enter(Scope)}, close cycles with {@link #feedback(String)}, and take results
     * out with {@link Stream#leave()}.
     *
     * @param loopName the loop's name
     * @param iterationBits bits for the iteration counter (for example 20: a million iterations)
     * @param body builds the loop and returns what the caller needs (usually left streams)
     * @param <R> what the body returns
     * @return what the body returned
     */
    public <R> R iterate(String loopName, int iterationBits, Function<Scope, R> body) {
        requireBuilding();
        int index = children.size();
        Scope inner = new Scope(worker, this, name + "." + loopName, domain.product(iterationBits), index);
        children.add(inner);
        R result = body.apply(inner);
        inner.finish();
        return result;
    }

    /**
     * A feedback edge for this loop scope: its {@link Feedback#stream()} carries, one iteration
     * later, whatever is later {@link Feedback#connect(Stream) connected} to it.
     */
    public <T> Feedback<T> feedback(String feedbackName) {
        if (parent == null) {
            throw new IllegalStateException("feedback '" + feedbackName + "' needs a loop scope; use iterate(...)");
        }
        return new Feedback<>(this, feedbackName);
    }

    // ---------------------------------------------------------------- building

    int addChild(Node child) {
        requireBuilding();
        children.add(child);
        return children.size() - 1;
    }

    void addEdge(int sourceNode, int sourcePort, int targetNode, int targetPort) {
        addEdge(sourceNode, sourcePort, targetNode, targetPort, 1);
    }

    /**
     * An edge along which each record sent arrives {@code copies} times (a broadcast to every
     * worker): it is counted that many times in flight, as each copy is consumed on its own.
     */
    void addEdge(int sourceNode, int sourcePort, int targetNode, int targetPort, int copies) {
        requireBuilding();
        edges.add(new int[] {sourceNode, sourcePort, targetNode, targetPort, copies});
    }

    /** A new input of this (nested) scope; returns its port. */
    int addScopeInput() {
        requireBuilding();
        ingress.add(new LongChangeBatch());
        return scopeInputs++;
    }

    /** A new output of this (nested) scope; returns its port. */
    int addScopeOutput() {
        requireBuilding();
        return scopeOutputs++;
    }

    /** This scope's node index in its parent. */
    int indexInParent() {
        return indexInParent;
    }

    /** Schedules this scope (records entered it). */
    void wake() {
        anyActive = true;
        activateSelf();
    }

    /** Counts {@code count} records entering through scope input {@code port} at inner {@code time}. */
    void countIngress(int port, long time, long count) {
        ingress.get(port).update(time, count);
    }

    private void requireBuilding() {
        if (finished) {
            throw new IllegalStateException("scope '" + name + "' is already running; build every operator first");
        }
    }

    /**
     * Builds the tracker, seeds every operator output with its initial capabilities, and prepares
     * to run. Called by the worker for a root scope and by {@link #iterate} for a loop scope.
     */
    public void finish() {
        requireBuilding();
        Reachability.Builder builder = new Reachability.Builder(domain);
        builder.addNode(name, scopeOutputs, scopeInputs, new PathSummary[scopeOutputs][scopeInputs][]);
        for (int i = 1; i < children.size(); i++) {
            Node child = children.get(i);
            builder.addNode(child.name(), child.inputCount(), child.outputCount(), child.summary());
        }
        for (int[] e : edges) {
            builder.addEdge(e[0], e[1], e[2], e[3]);
        }
        tracker = builder.build();
        finished = true;
        downstream = new int[tracker.locationCount()][];
        for (int[] e : edges) {
            int src = tracker.source(e[0], e[1]);
            int[] old = downstream[src] == null ? new int[0] : downstream[src];
            int[] next = Arrays.copyOf(old, old.length + e[4]);
            Arrays.fill(next, old.length, next.length, tracker.target(e[2], e[3]));
            downstream[src] = next;
        }
        for (int l = 0; l < downstream.length; l++) {
            if (downstream[l] == null) {
                downstream[l] = new int[0];
            }
        }
        active = new boolean[children.size()];
        done = new boolean[children.size()];
        for (int i = 1; i < children.size(); i++) {
            Node child = children.get(i);
            child.initialize();
            for (int o = 0; o < child.outputCount(); o++) {
                tracker.update(tracker.source(i, o), domain.minimum(), child.initialCapabilityCount());
            }
            active[i] = true;
        }
        anyActive = children.size() > 1;
        if (parent != null) {
            outputCapabilities = new MutableLongAntichain[scopeOutputs];
            reportedCapabilities = new LongAntichain[scopeOutputs];
            for (int k = 0; k < scopeOutputs; k++) {
                outputCapabilities[k] = new MutableLongAntichain(parent.domain);
                reportedCapabilities[k] = new LongAntichain(parent.domain);
                reportedCapabilities[k].insert(parent.domain.minimum());
            }
        }
        int channelId = worker.nextChannelId();
        progress = worker.allocator().allocate(channelId, ProgressCodec.INSTANCE);
        worker.onChannelEvent(channelId, this::activateSelf);
        if (parent == null) {
            initializeFrontiers();
        }
    }

    /**
     * Propagates the initial capabilities before anything runs, in this scope and then in each
     * nested scope (which by then has its inputs' frontiers from this one): no operator, and no
     * probe read between steps, ever sees an empty frontier that is not final.
     */
    private void initializeFrontiers() {
        propagate();
        for (int i = 1; i < children.size(); i++) {
            if (children.get(i) instanceof Scope nested) {
                nested.initializeFrontiers();
            }
        }
    }

    /**
     * The target locations fed by output {@code port} of {@code node}; a target reached by a
     * broadcast appears once per copy, so that counting a record once per entry counts every copy.
     */
    int[] downstreamOf(int node, int port) {
        return downstream[tracker.source(node, port)];
    }

    /** This scope's pending local progress, where its operators record their changes. */
    PointstampBatch localProgress() {
        return local;
    }

    /** Where outputs count the records they send, kept apart so it can be published early. */
    PointstampBatch productionProgress() {
        return produced;
    }

    /**
     * Wraps the pushers of a data channel so that every batch sent to another worker is preceded
     * by this worker's unpublished production, on the progress channel. A worker consuming the
     * batch then already has (or drains in the same pull) the production it consumes, so no
     * worker applies a consumption before the production it consumes: its count of records in
     * flight never drops below the records it has heard of (which flow control relies on).
     * Publishing production early is always safe: it only holds frontiers back.
     */
    <M> Pusher<M>[] publishingProductionFirst(Pusher<M>[] pushers) {
        @SuppressWarnings("unchecked")
        Pusher<M>[] wrapped = new Pusher[pushers.length];
        for (int w = 0; w < pushers.length; w++) {
            Pusher<M> target = pushers[w];
            wrapped[w] = message -> {
                publishProduction();
                target.push(message);
            };
        }
        return wrapped;
    }

    private void publishProduction() {
        if (!produced.isEmpty()) {
            broadcastProgress(produced.copy());
            produced.clear();
        }
    }

    // ---------------------------------------------------------------- activation

    /** Marks child {@code index} to run at the next opportunity. */
    void activate(int index) {
        if (done != null && done[index]) {
            return;
        }
        if (active != null) {
            active[index] = true;
        }
        if (!anyActive) {
            anyActive = true;
            activateSelf();
        }
    }

    private void activateSelf() {
        anyActive = true;
        if (scheduling) {
            return;
        }
        if (parent != null) {
            parent.activate(indexInParent);
        } else {
            worker.rootActivated(this);
        }
    }

    // ---------------------------------------------------------------- flow control

    /**
     * Whether a source may emit now: false while more records are in flight in this dataflow
     * (as this worker knows, plus {@code unpublished} records the source sent since its progress
     * was last published) than the worker's limit. When false, {@code wakeUp} runs once the
     * backlog has halved.
     *
     * <p>Because production is published before the records leave the worker (see
     * {@link #publishingProductionFirst}), no worker's count is ever below the records it has heard
     * of, so each worker's own records in flight stay at most the limit plus the one record sent
     * after this check: with W workers, at most W × (limit + 1) records of sources are in flight.
     */
    boolean mayEmit(long unpublished, Runnable wakeUp) {
        Scope root = root();
        if (root.tracker.recordsInFlight() + unpublished <= worker.maxRecordsInFlight()) {
            return true;
        }
        root.flowWaiters.add(wakeUp);
        return false;
    }

    // ---------------------------------------------------------------- running

    @Override
    public boolean schedule() {
        scheduling = true;
        try {
            harvestIngress();
            int rounds = 0;
            while (true) {
                // Every round, so that production published while this worker ran precedes our consumption of it.
                receiveProgress();
                propagate();
                wakeFlowWaiters();
                if (!anyActive) {
                    break;
                }
                runActiveChildren();
                sendProgress();
                if (++rounds == MAX_ROUNDS) {
                    break;
                }
            }
        } finally {
            scheduling = false;
        }
        if (anyActive || !pendingFinal.isEmpty()) {
            anyActive = true;
            activateSelf();
        }
        return !isComplete();
    }

    /** Whether nothing in this scope can ever happen again. */
    public boolean isComplete() {
        if (tracker.trackingAnything() || !local.isEmpty() || !produced.isEmpty() || !pendingFinal.isEmpty()) {
            return false;
        }
        for (int i = 1; i < children.size(); i++) {
            if (!done[i]) {
                return false;
            }
        }
        return true;
    }

    private void harvestIngress() {
        for (int port = 0; port < ingress.size(); port++) {
            LongChangeBatch counts = ingress.get(port);
            int n = counts.size();
            if (n == 0) {
                continue;
            }
            int scopeSource = tracker.source(0, port);
            int[] targets = downstream[scopeSource];
            for (int i = 0; i < n; i++) {
                long time = counts.time(i);
                long count = counts.diff(i);
                for (int t : targets) {
                    local.update(t, time, count);
                }
                local.update(scopeSource, time, -count);
            }
            counts.clear();
        }
    }

    private void receiveProgress() {
        PointstampBatch message;
        while ((message = progress.puller().pull()) != null) {
            pendingFinal.addAll(message);
        }
    }

    private void sendProgress() {
        if (!produced.isEmpty()) {
            // Production and the consumption that caused it travel in one atomic batch.
            local.addAll(produced);
            produced.clear();
        }
        if (local.isEmpty()) {
            return;
        }
        broadcastProgress(local.copy());
        local.clear();
    }

    private void broadcastProgress(PointstampBatch message) {
        int me = worker.index();
        for (int w = 0; w < worker.peers(); w++) {
            if (w != me) {
                progress.pushers()[w].push(message);
            }
        }
        // Our own batch reaches our own tracker now, whole, and never again.
        pendingFinal.addAll(message);
    }

    private void propagate() {
        int n = pendingFinal.size();
        for (int i = 0; i < n; i++) {
            int loc = pendingFinal.location(i);
            long time = pendingFinal.time(i);
            long diff = pendingFinal.diff(i);
            if (tracker.nodeOf(loc) == 0) {
                int port = tracker.portOf(loc);
                if (tracker.isTarget(loc)) {
                    parent.reportProduced(indexInParent, port, domain.toOuter(time), diff);
                } else {
                    parent.reportConsumed(indexInParent, port, domain.toOuter(time), -diff);
                }
            } else {
                tracker.update(loc, time, diff);
            }
        }
        pendingFinal.clear();
        if (!tracker.hasPendingUpdates()) {
            return;
        }
        tracker.propagateAll();

        PointstampBatch pushed = tracker.pushedChanges();
        int changes = pushed.size();
        for (int i = 0; i < changes; i++) {
            int node = tracker.nodeOf(pushed.location(i));
            if (node != 0 && !done[node]) {
                children.get(node).frontierChanged(tracker.portOf(pushed.location(i)), pushed.time(i), pushed.diff(i));
                activate(node);
            }
        }
        pushed.clear();

        if (parent != null) {
            reportOutputCapabilities();
        }
        activateQuiescentChildren();
    }

    /** Wakes sources held back by flow control once the backlog has halved. */
    private void wakeFlowWaiters() {
        if (!flowWaiters.isEmpty() && tracker.recordsInFlight() <= worker.maxRecordsInFlight() / 2) {
            List<Runnable> waiters = new ArrayList<>(flowWaiters);
            flowWaiters.clear();
            waiters.forEach(Runnable::run);
        }
    }

    private void reportOutputCapabilities() {
        for (int k = 0; k < scopeOutputs; k++) {
            LongChangeBatch changes = tracker.outputChanges(k);
            int n = changes.size();
            for (int i = 0; i < n; i++) {
                outputCapabilities[k].update(domain.toOuter(changes.time(i)), changes.diff(i), scratch);
            }
            changes.clear();
            scratch.clear();
            LongAntichain now = outputCapabilities[k].frontier();
            LongAntichain reported = reportedCapabilities[k];
            if (!now.sameElements(reported)) {
                for (int i = 0; i < reported.size(); i++) {
                    parent.reportCapability(indexInParent, k, reported.get(i), -1);
                }
                reported.clear();
                for (int i = 0; i < now.size(); i++) {
                    parent.reportCapability(indexInParent, k, now.get(i), +1);
                    reported.insert(now.get(i));
                }
            }
        }
    }

    /** Activates children that hold no capability and see only empty input frontiers, so they can finish. */
    private void activateQuiescentChildren() {
        for (int i = 1; i < children.size(); i++) {
            if (done[i] || active[i] || tracker.capabilityCount(i) != 0) {
                continue;
            }
            boolean inputsClosed = true;
            for (int p = 0; p < tracker.inputCount(i) && inputsClosed; p++) {
                inputsClosed = tracker.frontier(tracker.target(i, p)).isEmpty();
            }
            if (inputsClosed) {
                activate(i);
            }
        }
    }

    private void runActiveChildren() {
        anyActive = false;
        for (int i = 1; i < children.size(); i++) {
            if (!active[i]) {
                continue;
            }
            active[i] = false;
            if (done[i]) {
                continue;
            }
            Node child = children.get(i);
            boolean incomplete;
            try {
                incomplete = child.schedule();
            } catch (OperatorFailure failure) {
                throw failure;
            } catch (RuntimeException | Error e) {
                String qualified = child.name().startsWith(name + ".") ? child.name() : name + "." + child.name();
                throw new OperatorFailure(qualified, worker.index(), e);
            }
            if (!incomplete && tracker.capabilityCount(i) == 0 && inputsEmpty(i)) {
                done[i] = true;
            }
        }
    }

    private boolean inputsEmpty(int node) {
        for (int p = 0; p < tracker.inputCount(node); p++) {
            if (!tracker.frontier(tracker.target(node, p)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- reports from nested scopes

    private void reportConsumed(int node, int port, long time, long count) {
        pendingFinal.update(tracker.target(node, port), time, -count);
    }

    private void reportProduced(int node, int port, long time, long count) {
        for (int target : downstreamOf(node, port)) {
            pendingFinal.update(target, time, count);
        }
    }

    private void reportCapability(int node, int port, long time, long diff) {
        pendingFinal.update(tracker.source(node, port), time, diff);
    }

    // ---------------------------------------------------------------- as a node of the parent

    @Override
    public int inputCount() {
        return scopeInputs;
    }

    @Override
    public int outputCount() {
        return scopeOutputs;
    }

    @Override
    public PathSummary[][][] summary() {
        PathSummary[][][] summary = new PathSummary[scopeInputs][scopeOutputs][];
        for (int i = 0; i < scopeInputs; i++) {
            for (int k = 0; k < scopeOutputs; k++) {
                List<PathSummary> outer = new ArrayList<>();
                for (PathSummary s : tracker.scopeSummary(i, k)) {
                    PathSummary.insertInto(outer, s.outerSummary());
                }
                summary[i][k] = outer.toArray(new PathSummary[0]);
            }
        }
        return summary;
    }

    @Override
    public int initialCapabilityCount() {
        // Every worker's copy of this scope reports the agreed, global view to its own parent.
        return 1;
    }

    @Override
    public void initialize() {
        // Finished by iterate(...) before the parent is finished.
    }

    @Override
    public void frontierChanged(int input, long time, long diff) {
        tracker.update(tracker.source(0, input), domain.toInner(time), diff);
    }

    /**
     * Whether the operator named {@code operatorName}, in this scope or its loops, holds a
     * capability or has records in flight to it; {@code null} if no operator has that name.
     */
    public Boolean operatorHoldsPointstamps(String operatorName) {
        if (tracker == null) {
            return null;
        }
        Boolean found = null;
        for (int node = 1; node < tracker.nodeCount(); node++) {
            if (tracker.nodeName(node).equals(operatorName)) {
                if (tracker.holdsPointstamps(node)) {
                    return true;
                }
                found = false;
            }
        }
        for (int i = 1; i < children.size(); i++) {
            if (children.get(i) instanceof Scope nested) {
                Boolean inner = nested.operatorHoldsPointstamps(operatorName);
                if (inner != null) {
                    if (inner) {
                        return true;
                    }
                    found = false;
                }
            }
        }
        return found;
    }

    /**
     * Describes every pointstamp still outstanding in this scope and its loops, naming the
     * operators that hold them: what keeps the dataflow from finishing.
     */
    public String describeOutstanding() {
        StringBuilder out = new StringBuilder();
        String own = tracker.describeOutstanding();
        if (!own.isEmpty()) {
            out.append("in scope '").append(name).append("':\n").append(own);
        }
        for (int i = 1; i < children.size(); i++) {
            if (children.get(i) instanceof Scope nested) {
                out.append(nested.describeOutstanding());
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Scope(" + name + ")";
    }

    /** Encodes progress messages for serializing mode: (location, time, diff) triples. */
    private enum ProgressCodec implements MessageCodec<PointstampBatch> {
        INSTANCE;

        @Override
        public byte[] encode(PointstampBatch batch) {
            int n = batch.size();
            ByteBuffer out = ByteBuffer.allocate(4 + n * 20);
            out.putInt(n);
            for (int i = 0; i < n; i++) {
                out.putInt(batch.location(i)).putLong(batch.time(i)).putLong(batch.diff(i));
            }
            return out.array();
        }

        @Override
        public PointstampBatch decode(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int n = in.getInt();
            PointstampBatch batch = new PointstampBatch(n);
            for (int i = 0; i < n; i++) {
                batch.update(in.getInt(), in.getLong(), in.getLong());
            }
            batch.compact();
            return batch;
        }
    }
}
