package dev.weft.core;

import dev.weft.KeyValue;
import dev.weft.StatefulBatchLogic;
import dev.weft.io.Sink;
import dev.weft.io.Source;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One of the eight core steps a dataflow is made of. Streams are named by ids
 * ({@code flow.step.down}); each step names the streams it reads ({@link #ups()}) and writes
 * ({@link #downs()}). Built by {@link dev.weft.Dataflow}; read by the runtime.
 */
public sealed interface CoreStep {

    /** The step's full, dotted id. */
    String stepId();

    /** The ids of the streams this step reads. */
    List<String> ups();

    /** The ids of the streams this step writes. */
    List<String> downs();

    /** The step's kind, as shown by visualizations ({@code input}, {@code flat_map_batch}, ...). */
    String kind();

    /**
     * Brings items in from a source.
     *
     * @param stepId the full id
     * @param source the source
     * @param down the output stream's id
     */
    record Input(String stepId, Source<?> source, String down) implements CoreStep {
        @Override
        public List<String> ups() {
            return List.of();
        }

        @Override
        public List<String> downs() {
            return List.of(down);
        }

        @Override
        public String kind() {
            return "input";
        }
    }

    /**
     * Writes items to a sink.
     *
     * @param stepId the full id
     * @param up the input stream's id
     * @param sink the sink
     */
    record Output(String stepId, String up, Sink<?> sink) implements CoreStep {
        @Override
        public List<String> ups() {
            return List.of(up);
        }

        @Override
        public List<String> downs() {
            return List.of();
        }

        @Override
        public String kind() {
            return "output";
        }
    }

    /**
     * Calls a function once per batch of items; stays on the worker.
     *
     * @param stepId the full id
     * @param up the input stream's id
     * @param down the output stream's id
     * @param mapper receives a batch (which it owns and may modify and return) and returns the items out
     */
    record FlatMapBatch(String stepId, String up, String down,
            Function<List<Object>, Iterable<Object>> mapper) implements CoreStep {
        @Override
        public List<String> ups() {
            return List.of(up);
        }

        @Override
        public List<String> downs() {
            return List.of(down);
        }

        @Override
        public String kind() {
            return "flat_map_batch";
        }
    }

    /**
     * Runs per-key logic over a keyed stream; keys are exchanged so that one worker sees all of a key.
     *
     * @param stepId the full id
     * @param up the input stream's id (of {@link KeyValue}s)
     * @param down the output stream's id (of {@link KeyValue}s)
     * @param builder builds a key's logic from its resume state ({@code null} for a new key)
     */
    record StatefulBatch(String stepId, String up, String down,
            Function<Object, StatefulBatchLogic<Object, Object, Object, Object>> builder) implements CoreStep {
        @Override
        public List<String> ups() {
            return List.of(up);
        }

        @Override
        public List<String> downs() {
            return List.of(down);
        }

        @Override
        public String kind() {
            return "stateful_batch";
        }
    }

    /**
     * Splits a stream by a predicate.
     *
     * @param stepId the full id
     * @param up the input stream's id
     * @param trues the id of the stream of items the predicate accepts
     * @param falses the id of the stream of the others
     * @param predicate the test
     */
    record Branch(String stepId, String up, String trues, String falses, Predicate<Object> predicate)
            implements CoreStep {
        @Override
        public List<String> ups() {
            return List.of(up);
        }

        @Override
        public List<String> downs() {
            return List.of(trues, falses);
        }

        @Override
        public String kind() {
            return "branch";
        }
    }

    /**
     * Unions streams.
     *
     * @param stepId the full id
     * @param ups the input streams' ids
     * @param down the output stream's id
     */
    record Merge(String stepId, List<String> ups, String down) implements CoreStep {
        @Override
        public List<String> downs() {
            return List.of(down);
        }

        @Override
        public String kind() {
            return "merge";
        }
    }

    /**
     * Spreads items over all workers.
     *
     * @param stepId the full id
     * @param up the input stream's id
     * @param down the output stream's id
     */
    record Redistribute(String stepId, String up, String down) implements CoreStep {
        @Override
        public List<String> ups() {
            return List.of(up);
        }

        @Override
        public List<String> downs() {
            return List.of(down);
        }

        @Override
        public String kind() {
            return "redistribute";
        }
    }

    /**
     * Passes items through, showing each with its epoch and worker to an inspector.
     *
     * @param stepId the full id
     * @param up the input stream's id
     * @param down the output stream's id
     * @param inspector called for every item
     */
    record InspectDebug(String stepId, String up, String down, dev.weft.DebugInspector<Object> inspector)
            implements CoreStep {
        @Override
        public List<String> ups() {
            return List.of(up);
        }

        @Override
        public List<String> downs() {
            return List.of(down);
        }

        @Override
        public String kind() {
            return "inspect_debug";
        }
    }
}
