package dev.weft;

/**
 * What a {@link KeyedStream#statefulMap statefulMap} or {@link KeyedStream#statefulFlatMap
 * statefulFlatMap} mapper returns: the key's new state ({@code null} discards it) and what to emit.
 *
 * @param <S> the state type
 * @param <W> what is emitted
 * @param state the new state, or {@code null} to discard the key's state
 * @param emit what to emit
 */
public record StateUpdate<S, W>(S state, W emit) {

    /** Shorthand for {@code new StateUpdate<>(state, emit)}. */
    public static <S, W> StateUpdate<S, W> of(S state, W emit) {
        return new StateUpdate<>(state, emit);
    }
}
