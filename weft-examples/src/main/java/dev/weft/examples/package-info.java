/**
 * Runnable example dataflows. Nothing depends on this package; each example has a {@code main},
 * a public static method that {@code weft run} can name ({@code Class::method}), and a test that
 * runs it on one and three workers and checks its exact output.
 *
 * <ul>
 *   <li>{@link dev.weft.examples.WordCount}: counts the words of a text file;</li>
 *   <li>{@link dev.weft.examples.RunningAverage}: the running average of every sensor's readings,
 *       with per-key state;</li>
 *   <li>{@link dev.weft.examples.OrderPayments}: joins two CSV files by key, in two join modes;</li>
 *   <li>{@link dev.weft.examples.EngineWordCount}: a word count written directly on the engine,
 *       below the user API.</li>
 * </ul>
 *
 * <p>Depends on the public API ({@code dev.weft}, {@code dev.weft.io.*}, {@code dev.weft.runtime});
 * only {@code EngineWordCount} uses {@code dev.weft.engine}.
 */
package dev.weft.examples;
