/**
 * Logical time and progress tracking: the foundation of the engine.
 *
 * <p>What lives here: {@link dev.weft.engine.progress.TimeDomain} (the partial order of a scope's
 * timestamps, all encoded as primitive {@code long}s), {@link dev.weft.engine.progress.PathSummary},
 * antichains and their mutable, counted form, change batches, and the
 * {@link dev.weft.engine.progress.Reachability} tracker that turns pointstamp counts into the
 * frontier of every operator input.
 *
 * <p>Every timestamp is a {@code long}. The outer scope's times are epochs compared as plain
 * numbers; a loop scope packs a product timestamp (outer time, iteration) into one {@code long}
 * (see {@link dev.weft.engine.progress.TimeDomain#product(int)}), so no timestamp object is ever
 * allocated, per record or per batch, at any nesting depth.
 *
 * <p>Everything here is single-threaded (owned by one worker) and depends only on the JDK.
 */
package dev.weft.engine.progress;
