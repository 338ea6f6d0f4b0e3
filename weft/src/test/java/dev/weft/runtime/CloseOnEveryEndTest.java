package dev.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.StepException;
import dev.weft.Stream;
import dev.weft.io.AbortExecution;
import dev.weft.io.DynamicSink;
import dev.weft.io.DynamicSource;
import dev.weft.io.PartitionedSink;
import dev.weft.io.PartitionedSource;
import dev.weft.io.SinkPartition;
import dev.weft.io.SourcePartition;
import dev.weft.io.StatelessSinkPartition;
import dev.weft.io.StatelessSourcePartition;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever ends a run, every source partition, dynamic reader, sink partition and dynamic writer it
 * opened is closed exactly once, and the wake-ups handed to the readers go quiet: on success, on a
 * failure on one worker, on a cancel, on an abort. A close that fails during a successful run fails
 * it with a {@link StepException} naming the step, after everything else was closed; after another
 * failure it is suppressed onto that one.
 */
@Timeout(60)
class CloseOnEveryEndTest {

    private static final int WORKERS = 4;

    private final Ledger ledger = new Ledger();

    @Test
    void shouldCloseEverythingOnceWhenTheRunSucceeds() {
        Runner.run(flow(5, true, item -> false), RunConfig.defaults(WORKERS));

        ledger.assertEverythingClosedOnce();
        assertThat(ledger.opened).containsKeys("source p0", "source p3", "reader 0", "reader 3", "sink q0", "sink q2",
                "writer 0", "writer 3");
    }

    @Test
    void shouldCloseEverythingOnceWhenOneWorkerFails() {
        StepException failure = catchThrowableOfType(StepException.class,
                () -> Runner.run(flow(5, false, item -> item.equals("p2:3")), RunConfig.defaults(WORKERS)));

        assertThat(failure.stepId()).isEqualTo("flow.check");
        ledger.assertEverythingClosedOnce();
        assertThat(ledger.opened).containsKeys("source p0", "source p3", "reader 0", "reader 3", "writer 0", "writer 3");
        ledger.assertWakeUpsAreQuiet();
    }

    @Test
    void shouldCloseEverythingOnceWhenTheRunIsCancelled() throws Exception {
        Runner runner = new Runner(flow(5, false, item -> false), RunConfig.defaults(WORKERS));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread running = new Thread(() -> {
            try {
                runner.run();
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        running.start();
        assertThat(ledger.everyReaderRead.await(30, TimeUnit.SECONDS)).as("every reader read").isTrue();

        runner.cancel("the test is done");
        running.join();

        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        ledger.assertEverythingClosedOnce();
        ledger.assertWakeUpsAreQuiet();
    }

    @Test
    void shouldCloseEverythingOnceWhenASourceAborts() {
        ledger.abortAt = "p1:3";

        Runner.run(flow(5, false, item -> false), RunConfig.defaults(WORKERS));

        ledger.assertEverythingClosedOnce();
        assertThat(ledger.opened).containsKeys("source p1", "writer 0");
    }

    @Test
    void shouldFailTheRunNamingTheStepWhenASourcePartitionFailsToCloseAfterClosingTheRest() {
        ledger.failingClose.add("source p1");

        StepException failure = catchThrowableOfType(StepException.class,
                () -> Runner.run(flow(5, true, item -> false), RunConfig.defaults(WORKERS)));

        assertThat(failure.stepId()).isEqualTo("flow.partitioned");
        assertThat(failure.worker()).isBetween(0, WORKERS - 1);
        assertThat(failure).hasMessageContaining("close of partition 'p1'").hasMessageContaining("cannot close source p1");
        ledger.assertEverythingClosedOnce();
    }

    @Test
    void shouldFailTheRunNamingTheStepWhenASinkWriterFailsToClose() {
        ledger.failingClose.add("writer 2");

        StepException failure = catchThrowableOfType(StepException.class,
                () -> Runner.run(flow(5, true, item -> false), RunConfig.defaults(WORKERS)));

        assertThat(failure.stepId()).isEqualTo("flow.dynamic-out");
        assertThat(failure.worker()).isEqualTo(2);
        assertThat(failure).hasMessageContaining("cannot close writer 2");
        ledger.assertEverythingClosedOnce();
    }

    @Test
    void shouldSuppressACloseFailureOntoTheFailureThatEndedTheRun() {
        ledger.failingClose.add("writer 1");
        ledger.failingClose.add("reader 3");

        StepException failure = catchThrowableOfType(StepException.class,
                () -> Runner.run(flow(5, false, item -> item.equals("p2:3")), RunConfig.defaults(WORKERS)));

        assertThat(failure.stepId()).isEqualTo("flow.check");
        assertThat(failure.getSuppressed()).hasSize(2).allSatisfy(s -> assertThat(s).isInstanceOf(StepException.class));
        assertThat(List.of(failure.getSuppressed()).stream().map(Throwable::getMessage))
                .anySatisfy(m -> assertThat(m).contains("'flow.dynamic-out' on worker 1").contains("cannot close writer 1"))
                .anySatisfy(m -> assertThat(m).contains("'flow.dynamic' on worker 3").contains("cannot close reader 3"));
        ledger.assertEverythingClosedOnce();
    }

    /**
     * Four source partitions and a reader per worker, each emitting "name:index" for {@code items}
     * items and then ending or (if not {@code ends}) reporting nothing forever; a map that fails on
     * the items {@code failOn} accepts; a partitioned sink with three partitions and a dynamic sink.
     */
    private Dataflow flow(int items, boolean ends, Predicate<String> failOn) {
        Dataflow flow = new Dataflow("flow");
        Stream<String> partitioned = flow.input("partitioned", ledger.partitionedSource(items, ends));
        Stream<String> dynamic = flow.input("dynamic", ledger.dynamicSource(items, ends));
        Stream<String> all = partitioned.merge("merge", dynamic).map("check", item -> {
            if (failOn.test(item)) {
                ledger.awaitEveryReaderRead(); // so that every worker has opened everything it reads
                throw new IllegalArgumentException("bad item " + item);
            }
            return item;
        });
        all.keyOn("key", item -> item).output("partitioned-out", ledger.partitionedSink());
        all.output("dynamic-out", ledger.dynamicSink());
        return flow;
    }

    /** Counts what the connectors opened and closed, by name ("source p0", "writer 3"...). */
    private static final class Ledger {
        final Map<String, Integer> opened = new ConcurrentHashMap<>();
        final Map<String, Integer> closed = new ConcurrentHashMap<>();
        final Set<String> failingClose = ConcurrentHashMap.newKeySet();
        final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();
        final CountDownLatch everyReaderRead = new CountDownLatch(4 + WORKERS);
        volatile String abortAt;

        void awaitEveryReaderRead() {
            try {
                assertThat(everyReaderRead.await(30, TimeUnit.SECONDS)).as("every reader read").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void open(String name) {
            opened.merge(name, 1, Integer::sum);
        }

        void close(String name) throws IOException {
            closed.merge(name, 1, Integer::sum);
            if (failingClose.contains(name)) {
                throw new IOException("cannot close " + name);
            }
        }

        void assertEverythingClosedOnce() {
            assertThat(new TreeMap<>(closed)).as("closes by name").isEqualTo(new TreeMap<>(opened));
            assertThat(opened.values()).as("opens by name").allMatch(n -> n == 1);
        }

        void assertWakeUpsAreQuiet() {
            assertThat(wakeUps).isNotEmpty();
            for (Runnable wakeUp : wakeUps) {
                assertThatCode(wakeUp::run).as("a wake-up after the run").doesNotThrowAnyException();
            }
        }

        /** Emits "name:0" to "name:items-1", one per call, then ends or reports nothing forever. */
        private final class Reader {
            private final String name;
            private final int items;
            private final boolean ends;
            private int next;

            Reader(String name, int items, boolean ends) {
                this.name = name;
                this.items = items;
                this.ends = ends;
            }

            List<String> nextBatch() {
                if (next == 0) {
                    everyReaderRead.countDown();
                }
                if (next < items) {
                    String item = name + ":" + next++;
                    if (item.equals(abortAt)) {
                        throw new AbortExecution("the test aborts at " + item);
                    }
                    return List.of(item);
                }
                return ends ? null : List.of();
            }
        }

        PartitionedSource<String, Long> partitionedSource(int items, boolean ends) {
            return new PartitionedSource<>() {
                @Override
                public List<String> listPartitions() {
                    return List.of("p0", "p1", "p2", "p3");
                }

                @Override
                public SourcePartition<String, Long> buildPartition(String partition, Long resumeState) {
                    open("source " + partition);
                    Reader reader = new Reader(partition, items, ends);
                    return new SourcePartition<>() {
                        @Override
                        public List<String> nextBatch() {
                            return reader.nextBatch();
                        }

                        @Override
                        public Long snapshot() {
                            return (long) reader.next;
                        }

                        @Override
                        public void setWakeUp(Runnable wakeUp) {
                            wakeUps.add(wakeUp);
                        }

                        @Override
                        public void close() throws IOException {
                            Ledger.this.close("source " + partition);
                        }
                    };
                }
            };
        }

        DynamicSource<String> dynamicSource(int items, boolean ends) {
            return (worker, workers) -> {
                open("reader " + worker);
                Reader reader = new Reader("w" + worker, items, ends);
                return new StatelessSourcePartition<>() {
                    @Override
                    public List<String> nextBatch() {
                        return reader.nextBatch();
                    }

                    @Override
                    public void setWakeUp(Runnable wakeUp) {
                        wakeUps.add(wakeUp);
                    }

                    @Override
                    public void close() throws IOException {
                        Ledger.this.close("reader " + worker);
                    }
                };
            };
        }

        PartitionedSink<String, String, Long> partitionedSink() {
            return new PartitionedSink<>() {
                @Override
                public List<String> listPartitions() {
                    return List.of("q0", "q1", "q2");
                }

                @Override
                public SinkPartition<KeyValue<String, String>, Long> buildPartition(String partition, Long resumeState) {
                    open("sink " + partition);
                    return new SinkPartition<>() {
                        @Override
                        public void writeBatch(List<KeyValue<String, String>> items) {
                        }

                        @Override
                        public Long snapshot() {
                            return 0L;
                        }

                        @Override
                        public void close() throws IOException {
                            Ledger.this.close("sink " + partition);
                        }
                    };
                }
            };
        }

        DynamicSink<String> dynamicSink() {
            return (worker, workers) -> {
                open("writer " + worker);
                return new StatelessSinkPartition<>() {
                    @Override
                    public void writeBatch(List<String> items) {
                    }

                    @Override
                    public void close() throws IOException {
                        Ledger.this.close("writer " + worker);
                    }
                };
            };
        }
    }
}
