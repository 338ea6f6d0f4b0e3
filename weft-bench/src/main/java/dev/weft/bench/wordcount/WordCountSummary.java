package dev.weft.bench.wordcount;

import dev.weft.bench.harness.Report;
import dev.weft.bench.harness.Result;
import dev.weft.bench.harness.Variant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The word count's own table, printed after the results table: each variant's median in lines/s
 * and words/s (one corpus, so one is the other times the corpus's lines per word), its ratio to the
 * hand loop and to Flink at the same parallelism, and the targets with whether they are
 * met. It also checks that every variant reported the hand loop's word counts.
 */
public final class WordCountSummary {

    private WordCountSummary() {
    }

    /**
     * The summary of {@code results}.
     *
     * @param corpus  the corpus counted
     * @param results the word count's results, in the order they ran
     * @return Markdown text ending in a line break
     * @throws IllegalStateException if a variant's counts differ from the hand loop's
     */
    public static String format(Corpus corpus, List<Result> results) {
        StringBuilder text = new StringBuilder();
        double linesPerWord = (double) corpus.lines() / corpus.words();
        text.append(String.format(Locale.ROOT, "%nWord count: corpus of %.1f MiB in %d files, %,d lines, %,d words"
                        + " (%.2f per line), %,d distinct; %s%n%n",
                corpus.bytes() / 1048576.0, corpus.files().size(), corpus.lines(), corpus.words(),
                1 / linesPerWord, corpus.expected().distinct(), corpus.dir()));
        Optional<Result> hand = find(results, Variant.HAND_LOOP);
        for (Result result : results) {
            if (hand.isPresent() && !result.detail().equals(hand.get().detail())) {
                throw new IllegalStateException("word count: " + result.variant() + " reported " + result.detail()
                        + ", the hand loop " + hand.get().detail());
            }
        }
        text.append("| variant | lines/s | words/s | × hand loop | × flink streaming, same parallelism"
                + " | × flink batch, same parallelism |\n");
        text.append("|---|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            int parallelism = parallelism(result.variant());
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", result.variant(),
                    Report.formatRate(result.median() * linesPerWord), Report.formatRate(result.median()),
                    ratio(result, hand), ratio(result, find(results, FlinkVariants.name("streaming", parallelism))),
                    ratio(result, find(results, FlinkVariants.name("batch", parallelism)))));
        }
        text.append('\n');
        for (int workers = 1; workers <= 2; workers++) {
            aim(text, results, weft(workers), FlinkVariants.name("streaming", workers), 3.0);
            aim(text, results, weft(workers), FlinkVariants.name("batch", workers), 3.0);
        }
        aim(text, results, weft(1), Variant.HAND_LOOP, 0.5);
        aim(text, results, weft(2), weft(1), 1.7);
        Optional<Result> twoThreads = find(results, "hand loop, 2 threads");
        if (hand.isPresent() && twoThreads.isPresent()) {
            text.append(String.format(Locale.ROOT, "- for reference, what 2 threads gain on this machine: hand loop,"
                    + " 2 threads / hand loop = %s%n", Report.formatRatio(twoThreads.get().median() / hand.get().median())));
        }
        return text.toString();
    }

    private static String weft(int workers) {
        return workers == 1 ? "weft, 1 worker" : "weft, " + workers + " workers";
    }

    private static void aim(StringBuilder text, List<Result> results, String variant, String over, double target) {
        Optional<Result> top = find(results, variant);
        Optional<Result> bottom = find(results, over);
        if (top.isEmpty() || bottom.isEmpty()) {
            return;
        }
        double ratio = top.get().median() / bottom.get().median();
        text.append(String.format(Locale.ROOT, "- %s / %s = %s (target >= %s): %s%n", variant, over,
                Report.formatRatio(ratio), target, ratio >= target ? "met" : "NOT met"));
    }

    private static String ratio(Result result, Optional<Result> over) {
        return over.map(o -> Report.formatRatio(result.median() / o.median())).orElse("");
    }

    private static Optional<Result> find(List<Result> results, String variant) {
        return results.stream().filter(r -> r.variant().equals(variant)).findFirst();
    }

    /** The parallelism a variant's name states ({@code "…, 2 workers"}, {@code "…, parallelism 2"}), else 1. */
    private static int parallelism(String variant) {
        String[] words = variant.replace(",", "").split(" ");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("parallelism") && i + 1 < words.length) {
                return Integer.parseInt(words[i + 1]);
            }
            if ((words[i].equals("workers") || words[i].equals("worker") || words[i].equals("threads")) && i > 0) {
                return Integer.parseInt(words[i - 1]);
            }
        }
        return 1;
    }
}
