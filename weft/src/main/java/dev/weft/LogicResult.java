package dev.weft;

import java.util.List;

/**
 * What a {@link StatefulBatchLogic} callback returns: the values to emit for its key, and whether
 * to discard the key's logic and state afterwards.
 *
 * @param <W> the emitted value type
 * @param values the values to emit, in order
 * @param discard whether to drop the key's logic (it is rebuilt from scratch if the key comes back)
 */
public record LogicResult<W>(Iterable<W> values, boolean discard) {

    private static final LogicResult<Object> NOTHING = new LogicResult<>(List.of(), false);

    /** Emits {@code values} and keeps the logic. */
    public static <W> LogicResult<W> retain(Iterable<W> values) {
        return new LogicResult<>(values, false);
    }

    /** Emits {@code values} and discards the logic. */
    public static <W> LogicResult<W> discard(Iterable<W> values) {
        return new LogicResult<>(values, true);
    }

    /** Emits nothing and keeps the logic. */
    @SuppressWarnings("unchecked")
    public static <W> LogicResult<W> nothing() {
        return (LogicResult<W>) NOTHING;
    }
}
