package dev.weft.engine.worker;

import dev.weft.engine.dataflow.Owned;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one worker's operators opened and have not closed yet: partitions, writers, wake-up
 * handles. Each is closed exactly once, early through its {@link Owned} handle or by
 * {@link #closeAll()} when the worker ends, newest first (the order try-with-resources uses).
 * Belongs to the worker's thread.
 */
final class OwnedResources {

    private final Set<Entry> open = new LinkedHashSet<>();

    /** Takes ownership of {@code resource}. */
    Owned own(AutoCloseable resource) {
        Entry entry = new Entry(resource);
        open.add(entry);
        return entry;
    }

    /** How many resources are still open. */
    int openCount() {
        return open.size();
    }

    /**
     * Closes every resource still open, newest first, each exactly once, even when some throw.
     *
     * @return the first close failure, with the later ones attached as suppressed; {@code null}
     *     if every close succeeded
     */
    Throwable closeAll() {
        List<Entry> newestFirst = new ArrayList<>(open);
        Throwable first = null;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            try {
                newestFirst.get(i).close();
            } catch (Exception | Error e) {
                if (first == null) {
                    first = e;
                } else if (first != e) {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }

    /** One owned resource; identity is what tells two apart. */
    private final class Entry implements Owned {
        private final AutoCloseable resource;
        private boolean closed;

        Entry(AutoCloseable resource) {
            this.resource = resource;
        }

        @Override
        public void close() throws Exception {
            if (closed) {
                return;
            }
            closed = true;
            open.remove(this);
            resource.close();
        }
    }
}
