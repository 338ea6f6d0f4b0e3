package dev.weft.io.stdio;

import dev.weft.io.DynamicSink;
import dev.weft.io.StatelessSinkPartition;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints every item's {@code String} form ({@link String#valueOf(Object)}) on standard output, one
 * per line.
 *
 * <p>Each worker prints what it holds, so lines of different workers interleave in no promised
 * order, but never inside a line: a worker prints a whole batch of lines as one locked write on
 * the stream, then flushes it; the stream is flushed again at close. The stream is
 * {@link System#out} as it is when the run starts, with its encoding. Output is at-least-once.
 *
 * <pre>{@code
 * counts.output("print", new StdOutSink<>());
 * }</pre>
 *
 * @param <T> the item type
 */
public final class StdOutSink<T> implements DynamicSink<T> {

    /** A sink printing on {@link System#out}. */
    public StdOutSink() {
    }

    @Override
    public StatelessSinkPartition<T> build(int workerIndex, int workerCount) {
        return new Printer<>(System.out);
    }

    @Override
    public String toString() {
        return "StdOutSink";
    }

    /** One worker's printer. */
    private static final class Printer<T> implements StatelessSinkPartition<T> {
        private static final String LINE_END = System.lineSeparator();
        private final PrintStream out;
        private final StringBuilder text = new StringBuilder();

        Printer(PrintStream out) {
            this.out = out;
        }

        @Override
        public void writeBatch(List<T> items) {
            for (T item : items) {
                text.append(item).append(LINE_END);
            }
            // PrintStream locks itself per call; holding the lock makes print and flush one unit.
            synchronized (out) {
                out.print(text);
                out.flush();
            }
            if (text.length() > 1 << 16) {
                text.setLength(0);
                text.trimToSize();
            } else {
                text.setLength(0);
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
