/**
 * What users import to build dataflows: {@link dev.weft.Dataflow}, {@link dev.weft.Stream},
 * {@link dev.weft.KeyedStream} and their operators, {@link dev.weft.StatefulBatchLogic} for custom
 * stateful operators, and the errors a run reports.
 *
 * <p>Type parameters: {@code T} item, {@code R} result, {@code K} key, {@code V} value,
 * {@code W} new value, {@code S} state. Derived operators live in the package-private families
 * {@code Stateless} and {@code Stateful}, each a few lines over the eight core operators. This
 * package uses {@code dev.weft.codec}; only {@code dev.weft.core} and {@code dev.weft.runtime}
 * use the engine.
 */
package dev.weft;
