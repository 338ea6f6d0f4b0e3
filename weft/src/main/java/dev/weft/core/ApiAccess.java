package dev.weft.core;

import dev.weft.Dataflow;
import dev.weft.StepException;

/**
 * How the layers under the public API (the core operators, the runtime, the visualizer, the
 * command line) reach what {@code dev.weft} keeps out of its public signatures: a dataflow's graph
 * of core steps, and the making of a {@link StepException}. {@code dev.weft} installs the one
 * implementation when {@link Dataflow} is loaded (the JDK's "shared secrets" idiom). Internal.
 */
public final class ApiAccess {

    /** What {@code dev.weft} offers the layers under it. */
    public interface Api {
        /**
         * The graph of core steps {@code flow} has built so far.
         *
         * @param flow a dataflow
         * @return its graph, live
         */
        Graph graph(Dataflow flow);

        /**
         * A located failure.
         *
         * @param stepId the step's full id
         * @param worker the worker's index
         * @param role the failing function's role
         * @param partition the source or sink partition, or {@code null}
         * @param key the key, if {@code keyed}
         * @param keyed whether the failure was for one key
         * @param cause what the function threw
         * @return the exception
         */
        StepException stepException(String stepId, int worker, StepException.Role role, String partition,
                Object key, boolean keyed, Throwable cause);
    }

    private static volatile Api api;

    private ApiAccess() {
    }

    /**
     * Installs the implementation; called once, by {@code dev.weft}.
     *
     * @param implementation the implementation
     * @throws IllegalStateException if one is installed already
     */
    public static synchronized void install(Api implementation) {
        if (api != null) {
            throw new IllegalStateException("the API bridge is installed already");
        }
        api = implementation;
    }

    /**
     * The implementation, loading {@link Dataflow} first if needed.
     *
     * @return the installed implementation
     */
    public static Api api() {
        Api installed = api;
        if (installed == null) {
            try {
                Class.forName(Dataflow.class.getName(), true, Dataflow.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            installed = api;
        }
        return installed;
    }

    /**
     * Shorthand for {@code api().graph(flow)}.
     *
     * @param flow a dataflow
     * @return its graph
     */
    public static Graph graph(Dataflow flow) {
        return api().graph(flow);
    }
}
