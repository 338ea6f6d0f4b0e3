package dev.weft;

/**
 * The two streams of a {@link Stream#branch branch} step.
 *
 * @param <T> the item type
 * @param trues the items the predicate accepted
 * @param falses the items it rejected
 */
public record Branch<T>(Stream<T> trues, Stream<T> falses) {
}
