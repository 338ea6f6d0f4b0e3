package dev.weft;

/**
 * A step failed while the dataflow ran: a user function threw, returned something Weft cannot use,
 * or made a key without a stable hash. Names the step (the id you gave it, never a sub-step a
 * built-in operator made inside it), the worker, the function's {@link Role}, and the key for keyed
 * steps; the cause is chained. {@code docs/errors.md} shows the message's shape.
 *
 * <p>Only Weft creates these; a runner throws them.
 */
public final class StepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The role of the function that failed, named as the parameter or method is in Weft's Java API:
     * the one vocabulary of {@link StepException}s (listed in {@code docs/errors.md}).
     */
    public enum Role {
        /** The function of {@code map}, {@code flatMap}, {@code filterMap}, {@code flatMapBatch}, the {@code Value} operators, {@code statefulMap} and {@code enrichCached}. */
        MAPPER("mapper"),
        /** The test of {@code filter}, {@code filterValue} and {@code branch}. */
        PREDICATE("predicate"),
        /** The key function of {@code keyOn}, {@code countFinal} and {@code enrichCached}; also a key without a stable hash. */
        KEY_FUNCTION("keyFunction"),
        /** The inspector of {@code inspect} and {@code inspectDebug}. */
        INSPECTOR("inspector"),
        /** The state supplier of {@code statefulMap} and {@code statefulFlatMap}. */
        INITIAL("initial"),
        /** The folding function of {@code foldFinal}. */
        FOLDER("folder"),
        /** The combining function of {@code reduceFinal}, {@code maxFinal} and {@code minFinal}. */
        REDUCER("reducer"),
        /** The function of the two-sided {@code join} that makes a row of a left and a right value. */
        COMBINER("combiner"),
        /** The lookup of {@code enrichCached}. */
        GETTER("getter"),
        /** The timestamp function of a source's watermark strategy. */
        TIMESTAMP_FUNCTION("timestampFunction"),
        /** The builder of a stateful step's per-key logic, or of {@code foldFinal}'s accumulator. */
        BUILDER("builder"),
        /** A stateful logic's {@code onItem}. */
        ON_ITEM("onItem"),
        /** A stateful logic's {@code onBatch}. */
        ON_BATCH("onBatch"),
        /** A stateful logic's processing-time timer callback. */
        ON_PROCESSING_TIMER("onProcessingTimer"),
        /** A stateful logic's event-time timer callback. */
        ON_EVENT_TIMER("onEventTimer"),
        /** A stateful logic's {@code onEof}. */
        ON_EOF("onEof"),
        /** A stateful logic's, source partition's or sink partition's {@code snapshot}. */
        SNAPSHOT("snapshot"),
        /** A partitioned source's or sink's {@code listPartitions}. */
        LIST_PARTITIONS("listPartitions"),
        /** A partitioned source's or sink's {@code buildPartition}. */
        BUILD_PARTITION("buildPartition"),
        /** A dynamic source's or sink's {@code build}. */
        BUILD("build"),
        /** A partitioned sink's {@code partitionFor}. */
        PARTITION_FOR("partitionFor"),
        /** A source partition's {@code nextBatch}. */
        NEXT_BATCH("nextBatch"),
        /** A source or sink partition's {@code nextAwake}. */
        NEXT_AWAKE("nextAwake"),
        /** A sink partition's {@code writeBatch}. */
        WRITE_BATCH("writeBatch"),
        /** A source or sink partition's {@code close}. */
        CLOSE("close"),
        /** No function: an item the operator cannot take, such as a non-{@code Iterable} item of {@code flatten}. */
        ITEM("item");

        private final String javaName;

        Role(String javaName) {
            this.javaName = javaName;
        }

        /** The name as in the Java API ({@code keyFunction}, {@code onBatch}), as messages show it. */
        public String javaName() {
            return javaName;
        }

        @Override
        public String toString() {
            return javaName;
        }
    }

    private final String stepId;
    private final int worker;
    private final Role role;
    private final String partition;
    private final transient Object key;
    private final boolean keyed;

    StepException(String stepId, int worker, Role role, String partition, Object key, boolean keyed,
            Throwable cause) {
        super(describe(stepId, worker, role, partition, key, keyed, cause), cause);
        this.stepId = stepId;
        this.worker = worker;
        this.role = role;
        this.partition = partition;
        this.key = key;
        this.keyed = keyed;
    }

    /** The failing step's full, dotted id: the step you created, also when the failure was inside it. */
    public String stepId() {
        return stepId;
    }

    /** The index of the worker it ran on. */
    public int worker() {
        return worker;
    }

    /** The role of the function that failed. */
    public Role role() {
        return role;
    }

    /** The source or sink partition being read or written, or {@code null}. */
    public String partition() {
        return partition;
    }

    /** Whether the failure was for one key (then {@link #key()} is it, {@code null} included). */
    public boolean hasKey() {
        return keyed;
    }

    /** The key being processed, or {@code null} for a step without keys. */
    public Object key() {
        return key;
    }

    private static String describe(String stepId, int worker, Role role, String partition, Object key,
            boolean keyed, Throwable cause) {
        StringBuilder out = new StringBuilder(role == Role.ITEM ? "bad item" : "error calling " + role.javaName());
        if (partition != null) {
            out.append(" of partition '").append(partition).append('\'');
        }
        out.append(" in step '").append(stepId).append("' on worker ").append(worker);
        if (keyed) {
            out.append(" for key ").append(key instanceof String ? "'" + key + "'" : String.valueOf(key));
        }
        return out.append(": ").append(cause).toString();
    }
}
