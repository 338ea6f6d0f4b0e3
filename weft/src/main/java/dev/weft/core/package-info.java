/**
 * The eight core operators: what a dataflow is made of once every derived operator has been
 * flattened, and how each runs on the engine.
 *
 * <p>{@link dev.weft.core.CoreStep} and its records describe the steps (built by
 * {@link dev.weft.Dataflow}); the engine-side classes here run them. Only this package and
 * {@code dev.weft.runtime} may use {@code dev.weft.engine}.
 */
package dev.weft.core;
