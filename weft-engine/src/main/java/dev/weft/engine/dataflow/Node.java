package dev.weft.engine.dataflow;

import dev.weft.engine.progress.PathSummary;

/** A child of a scope: a leaf operator or a nested scope. Package-private plumbing. */
interface Node {

    /** The name used in messages. */
    String name();

    /** The number of inputs. */
    int inputCount();

    /** The number of outputs. */
    int outputCount();

    /** {@code summary[input][output]}: the paths from each input to each output. */
    PathSummary[][][] summary();

    /** How many copies of the minimum time each output starts with in the tracker. */
    int initialCapabilityCount();

    /** Called once the scope's tracker exists, before anything runs. */
    void initialize();

    /** Runs the node. Returns whether it has work of its own left beyond its capabilities. */
    boolean schedule();

    /** The frontier of {@code input} changed by {@code diff} at {@code time}. */
    void frontierChanged(int input, long time, long diff);
}
