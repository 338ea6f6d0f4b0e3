package dev.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Dataflow;
import dev.weft.KeyValue;
import dev.weft.StepException;
import dev.weft.io.batching.QueueSource;
import dev.weft.io.file.FileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever ends a run, it leaves nothing open: after 100 runs that fail (a map throws on worker 2
 * of 4) and 100 runs that are cancelled, each with a queue source whose client reads on a thread
 * of its own and a file sink, the JVM has as many live threads and open file descriptors as
 * before (issue 15, defect 2).
 */
@Timeout(180)
class ResourceLeakTest {

    private static final int RUNS = 100;
    private static final String READER = "leak-test-reader-";

    @TempDir
    Path dir;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "leak-test-runner"));

    @AfterEach
    void stopRunnerThread() throws InterruptedException {
        runner.shutdownNow();
        runner.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldCloseEveryReaderAndFileWhenAWorkerFails() throws Exception {
        failedRun(dir.resolve("warm-up.txt")); // loads every class (and opens every jar) a run needs
        int threadsBefore = liveThreads();
        List<String> descriptorsBefore = openDescriptors();

        for (int run = 0; run < RUNS; run++) {
            failedRun(dir.resolve("failed-" + run + ".txt"));
        }

        assertBackToStart(threadsBefore, descriptorsBefore);
    }

    @Test
    void shouldCloseEveryReaderAndFileWhenARunIsCancelled() throws Exception {
        cancelledRun(dir.resolve("warm-up.txt")); // also starts the runner's own thread
        int threadsBefore = liveThreads();
        List<String> descriptorsBefore = openDescriptors();

        for (int run = 0; run < RUNS; run++) {
            cancelledRun(dir.resolve("cancelled-" + run + ".txt"));
        }

        assertBackToStart(threadsBefore, descriptorsBefore);
    }

    private static void failedRun(Path file) {
        Dataflow flow = flow(file, item -> {
            if (item.startsWith("2:")) {
                throw new IllegalArgumentException("worker 2 cannot take " + item);
            }
        });
        assertThatThrownBy(() -> Runner.run(flow, RunConfig.defaults(4)))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("worker 2 cannot take");
    }

    private void cancelledRun(Path file) throws InterruptedException {
        CountDownLatch flowing = new CountDownLatch(4);
        Dataflow flow = flow(file, item -> {
            if (item.endsWith(":0")) {
                flowing.countDown();
            }
        });
        Runner cancellable = new Runner(flow, RunConfig.defaults(4));
        Future<?> running = runner.submit(() -> cancellable.run());
        assertThat(flowing.await(60, TimeUnit.SECONDS)).as("every worker's first item").isTrue();
        cancellable.cancel("the test is done");
        assertThatThrownBy(() -> {
            try {
                running.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause();
            }
        }).isInstanceOf(CancellationException.class);
    }

    /** What the map does with each item ("worker:index"), on the worker that read it. */
    private interface Check {
        void accept(String item);
    }

    /**
     * A queue source whose client reads on a thread of its own, as the source's Javadoc shows (each
     * worker's reader puts "worker:index" until it is stopped), through a map into a file sink.
     */
    private static Dataflow flow(Path file, Check check) {
        Dataflow flow = new Dataflow("leak");
        flow.input("in", new QueueSource<String>(64, 16, Duration.ofMillis(10), (worker, workers, feed) -> {
            Thread reader = new Thread(() -> readForever(worker, feed), READER + worker);
            reader.setDaemon(true);
            reader.start();
            return reader::interrupt;
        }))
                .map("check", item -> {
                    check.accept(item);
                    return item;
                })
                .keyOn("key", item -> "all")
                .output("out", new FileSink<String, String>(file));
        return flow;
    }

    private static void readForever(int worker, QueueSource.Feed<String> feed) {
        try {
            for (long i = 0; !feed.isClosed(); i++) {
                feed.put(worker + ":" + i);
            }
        } catch (InterruptedException | CancellationException stopped) {
            // The reader was closed: stop.
        }
    }

    private static void assertBackToStart(int threadsBefore, List<String> descriptorsBefore) throws Exception {
        // A stopped thread takes a moment to exit: wait for it, boundedly, but never assert on time.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Thread thread : runThreads()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            thread.join(left);
        }
        List<String> descriptorsAfter = openDescriptors();
        System.out.printf("live threads %d -> %d, open file descriptors %d -> %d%n", threadsBefore, liveThreads(),
                descriptorsBefore.size(), descriptorsAfter.size());
        assertThat(runThreads()).as("reader and worker threads still alive").isEmpty();
        assertThat(liveThreads()).as("live threads").isLessThanOrEqualTo(threadsBefore);
        List<String> added = new ArrayList<>(descriptorsAfter);
        descriptorsBefore.forEach(added::remove);
        assertThat(added).as("file descriptors opened by the runs and still open").isEmpty();
    }

    private static int liveThreads() {
        return Thread.getAllStackTraces().size();
    }

    /** The threads the runs started: their clients' readers and their workers. */
    private static List<Thread> runThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(READER) || t.getName().startsWith("weft-worker-"))
                .toList();
    }

    /** What every open file descriptor of this JVM points to. */
    private static List<String> openDescriptors() throws IOException {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException closedMeanwhile) {
                    // the directory listing's own descriptor, gone once listed
                }
            }
        }
        return targets;
    }
}
