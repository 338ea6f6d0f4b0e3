package dev.weft.bench.wordcount;

import dev.weft.bench.harness.Params;
import dev.weft.bench.harness.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;

/**
 * The word count's baseline: one thread reads the corpus's files in order with a
 * {@link BufferedReader}, splits each line with {@link Words#split}, counts in a
 * {@code HashMap<String, long[]>}, and folds the final counts into a {@link WordCounts} (the work
 * the engines' sinks do). Its time runs from opening the first file to the last count folded.
 *
 * <p>With {@code threads > 1} (a reference for how far this machine lets two workers scale, not
 * the baseline), each thread counts every {@code threads}-th file into a map of its own, and the
 * maps are then merged into the first on the calling thread.
 */
public final class HandLoopWordCount implements Workload {

    private final Params params;
    private final int threads;
    private Corpus corpus;
    private WordCounts last;
    private long lastNanos = -1;

    /**
     * A word count over the corpus that {@code params} name, on one thread.
     *
     * @param params the run's parameters
     */
    public HandLoopWordCount(Params params) {
        this(params, 1);
    }

    /**
     * A word count over the corpus that {@code params} name, on {@code threads} threads.
     *
     * @param params  the run's parameters
     * @param threads how many threads count, each its share of the files
     */
    public HandLoopWordCount(Params params, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.params = params;
        this.threads = threads;
    }

    @Override
    public void setup() {
        corpus = WordCountSetup.corpus(params);
    }

    @Override
    public long run() throws Exception {
        long start = System.nanoTime();
        Map<String, long[]> counts;
        if (threads == 1) {
            counts = count(corpus.files(), 0, 1);
        } else {
            List<FutureTask<Map<String, long[]>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                FutureTask<Map<String, long[]>> task = new FutureTask<>(() -> count(corpus.files(), first, threads));
                tasks.add(task);
                new Thread(task, "hand loop " + t).start();
            }
            counts = tasks.get(0).get();
            for (FutureTask<Map<String, long[]>> task : tasks.subList(1, threads)) {
                for (Map.Entry<String, long[]> entry : task.get().entrySet()) {
                    long[] count = counts.get(entry.getKey());
                    if (count == null) {
                        counts.put(entry.getKey(), entry.getValue());
                    } else {
                        count[0] += entry.getValue()[0];
                    }
                }
            }
        }
        WordCounts result = new WordCounts();
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            result.add(entry.getKey(), entry.getValue()[0]);
        }
        lastNanos = System.nanoTime() - start;
        result.require("hand loop", corpus.expected());
        last = result;
        return result.total();
    }

    /** Counts the words of files {@code first}, {@code first + step}, ... */
    private static Map<String, long[]> count(List<Path> files, int first, int step) throws IOException {
        Map<String, long[]> counts = new HashMap<>(1 << 17);
        for (int f = first; f < files.size(); f += step) {
            try (BufferedReader reader = Files.newBufferedReader(files.get(f), StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    for (String word : Words.split(line)) {
                        long[] count = counts.get(word);
                        if (count == null) {
                            counts.put(word, new long[] {1});
                        } else {
                            count[0]++;
                        }
                    }
                }
            }
        }
        return counts;
    }

    @Override
    public long lastRunNanos() {
        return lastNanos;
    }

    @Override
    public String detail() {
        return String.valueOf(last);
    }
}
