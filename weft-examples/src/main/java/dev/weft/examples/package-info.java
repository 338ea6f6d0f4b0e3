/**
 * Runnable example dataflows. Nothing depends on this package; each example has a {@code main}
 * and a test that runs it.
 */
package dev.weft.examples;
