package dev.weft;

import dev.weft.codec.Codec;
import dev.weft.codec.CodecRegistry;
import dev.weft.core.ApiAccess;
import dev.weft.core.CoreStep;
import dev.weft.core.Graph;
import dev.weft.io.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A named graph of steps: inputs, operators and outputs. Building a dataflow runs nothing; a
 * runner ({@code weft run}, or {@code dev.weft.testing.Testing} in tests) executes it on one or
 * more workers.
 *
 * <pre>{@code
 * Dataflow flow = new Dataflow("doubler");
 * flow.input("numbers", TestingSource.of(1, 2, 3))
 *     .map("double", x -> x * 2)
 *     .output("out", sink);
 * }</pre>
 *
 * <p>(This sample is copied from {@code JavadocSamplesTest} in {@code weft-examples}, which runs
 * it and fails if any sample in the Javadoc of Weft's public API is found in no test.) The
 * types a dataflow's state and exchanged items may hold beyond the built-in ones are declared on
 * it, once: {@link #registerRecord}, {@link #registerEnum}, {@link #register}.
 *
 * <p>Every step has a step id: not empty, without dots, unique among its siblings. Steps created
 * inside a composite operator ({@link #operator(String, Supplier)}, {@link Stream#then}) get dotted
 * ids under it ({@code flow.count.key_on}); the dotted id names the step in errors, metrics and
 * recovery, so keep ids stable. A dataflow is built once per JVM and its functions are called by
 * every worker thread: they must be safe to call concurrently.
 */
public final class Dataflow {

    private static final Pattern STEP_ID = Pattern.compile("[^.\\s]+");
    /** In {@link #owners}: the steps being created are the user's own. */
    private static final String USER = "";

    static {
        ApiAccess.install(new ApiBridge());
    }

    private final String flowId;
    private final Graph graph;
    private final Deque<String> parents = new ArrayDeque<>();
    /** Per open composite: the user's step that its steps are parts of, or {@link #USER}. */
    private final Deque<String> owners = new ArrayDeque<>();
    private final Map<String, Set<String>> children = new HashMap<>();
    /** Every step and composite by full id, with its kind, in creation order. */
    private final Map<String, String> structure = new LinkedHashMap<>();
    private final CodecRegistry codecs = WeftCodecs.newRegistry();

    /**
     * An empty dataflow.
     *
     * @param flowId the dataflow's name: not empty, without dots or whitespace
     * @throws IllegalArgumentException if the name is malformed
     */
    public Dataflow(String flowId) {
        requireWellFormed(flowId, "dataflow id");
        this.flowId = flowId;
        this.graph = new Graph(flowId);
        parents.push(flowId);
        owners.push(USER);
    }

    /** The dataflow's name. */
    public String id() {
        return flowId;
    }

    /**
     * Core operator {@code input}: brings the items of {@code source} into the dataflow.
     *
     * @param stepId the step's id
     * @param source a partitioned or dynamic source
     * @return the stream of the source's items
     */
    public <T> Stream<T> input(String stepId, Source<T> source) {
        return input(stepId, source, WatermarkStrategy.none());
    }

    /**
     * Core operator {@code input} with a watermark: brings the items of {@code source} into the
     * dataflow, and tells the operators downstream how far its event time has progressed.
     *
     * @param stepId the step's id
     * @param source a partitioned or dynamic source
     * @param watermarks how each partition's watermark follows its items' timestamps
     * @return the stream of the source's items
     */
    public <T> Stream<T> input(String stepId, Source<T> source, WatermarkStrategy<? super T> watermarks) {
        java.util.Objects.requireNonNull(watermarks, "watermarks (WatermarkStrategy.none() for none)");
        String id = register(stepId, "input");
        String down = id + ".down";
        add(new CoreStep.Input(id, source, down, watermarks));
        return new Stream<>(this, down);
    }

    /**
     * Core operator {@code merge}: every item of every stream in {@code ups}, in no promised order.
     *
     * @throws IllegalArgumentException if {@code ups} is empty or a stream belongs to another dataflow
     */
    @SafeVarargs
    public final <T> Stream<T> merge(String stepId, Stream<T>... ups) {
        return merge(stepId, List.of(ups));
    }

    /** Core operator {@code merge}, over a list of streams. */
    public <T> Stream<T> merge(String stepId, List<Stream<T>> ups) {
        if (ups.isEmpty()) {
            throw new IllegalArgumentException("merge step '" + stepId + "' needs at least one stream");
        }
        String id = register(stepId, "merge");
        List<String> upIds = new ArrayList<>();
        for (Stream<T> up : ups) {
            upIds.add(up.idIn(this, id));
        }
        String down = id + ".down";
        add(new CoreStep.Merge(id, List.copyOf(upIds), down));
        return new Stream<>(this, down);
    }

    /**
     * Groups the steps {@code body} creates as one composite operator with id {@code stepId}: their
     * ids become {@code <parent>.<stepId>.<their id>}. This is how derived operators are built, and
     * how users package their own.
     *
     * @return what {@code body} returns
     */
    public <R> R operator(String stepId, Supplier<R> body) {
        return operator(stepId, "operator", body);
    }

    /**
     * A composite of kind {@code kind}: {@code "operator"} for a user's own, whose steps are the
     * user's; any other for a built-in operator, whose steps are its parts, so their failures name
     * the composite.
     */
    <R> R operator(String stepId, String kind, Supplier<R> body) {
        String id = register(stepId, kind);
        String owner = owners.peek();
        parents.push(id);
        owners.push("operator".equals(kind) ? USER : owner.equals(USER) ? id : owner);
        try {
            return body.get();
        } finally {
            parents.pop();
            owners.pop();
        }
    }

    // ---------------------------------------------------------------- codecs

    /**
     * Declares a record type that this dataflow's state or exchanged items may hold, so that it can
     * be snapshotted and sent between processes: once per dataflow, before it runs. Records and
     * enums among its components are declared with it. The record is encoded as its components, in
     * order, and travels under its class name; see {@code docs/codecs.md}.
     *
     * @param type the record class
     * @param <R> the record type
     * @return this dataflow, for chaining
     * @throws IllegalArgumentException if the type conflicts with an earlier declaration
     * @throws IllegalStateException if the dataflow has already run
     */
    public <R extends Record> Dataflow registerRecord(Class<R> type) {
        codecs.registerRecord(type);
        return this;
    }

    /**
     * Declares an enum that this dataflow's state or exchanged items may hold, encoded by constant
     * name: once per dataflow, before it runs.
     *
     * @param type the enum class
     * @param <E> the enum type
     * @return this dataflow, for chaining
     * @throws IllegalArgumentException if the type conflicts with an earlier declaration
     * @throws IllegalStateException if the dataflow has already run
     */
    public <E extends Enum<E>> Dataflow registerEnum(Class<E> type) {
        codecs.registerEnum(type);
        return this;
    }

    /**
     * Declares a class that is neither a record nor an enum, with a codec you write for it: once
     * per dataflow, before it runs; see {@link CodecRegistry#register(Class, String, Codec)}.
     *
     * @param type the exact class of the values {@code codec} handles
     * @param stableName the name written instead of the class name, kept as long as old bytes may
     *     be read, such as {@code "com.acme.Money"}
     * @param codec the codec, stateless and thread-safe
     * @param <T> the type
     * @return this dataflow, for chaining
     * @throws IllegalArgumentException if the type or name conflicts with an earlier declaration
     * @throws IllegalStateException if the dataflow has already run
     */
    public <T> Dataflow register(Class<T> type, String stableName, Codec<T> codec) {
        codecs.register(type, stableName, codec);
        return this;
    }

    /**
     * The codecs of this dataflow: the built-in types, Weft's own, and those declared with
     * {@link #registerRecord}, {@link #registerEnum} and {@link #register}. Every run of the
     * dataflow encodes its state and exchanged items with them, and freezes them when it starts.
     *
     * @return the dataflow's registry, for declarations not covered above (a stable name for a
     *     record, say)
     */
    public CodecRegistry codecs() {
        return codecs;
    }

    // ---------------------------------------------------------------- the graph

    /** Every step and composite operator by full id, with its kind, in creation order. */
    public Map<String, String> structure() {
        return Collections.unmodifiableMap(structure);
    }

    // ---------------------------------------------------------------- used by Stream and KeyedStream

    String register(String stepId, String kind) {
        requireWellFormed(stepId, "step id");
        String parent = parents.peek();
        Set<String> siblings = children.computeIfAbsent(parent, p -> new HashSet<>());
        if (!siblings.add(stepId)) {
            throw new IllegalArgumentException("step id '" + stepId + "' is used twice in '" + parent
                    + "'; step ids must be unique among siblings");
        }
        String id = parent + "." + stepId;
        structure.put(id, kind);
        return id;
    }

    void add(CoreStep step) {
        String owner = owners.peek();
        graph.add(step, owner.equals(USER) ? step.stepId() : owner);
    }

    Graph graph() {
        return graph;
    }

    private static void requireWellFormed(String id, String what) {
        if (id == null || !STEP_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be non-empty, without dots or whitespace; got "
                    + (id == null ? "null" : "'" + id + "'"));
        }
    }

    @Override
    public String toString() {
        return "Dataflow(" + flowId + ", " + graph.steps().size() + " core steps)";
    }
}
