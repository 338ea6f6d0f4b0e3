package dev.weft.examples;

import dev.weft.codec.StableHash;
import dev.weft.engine.dataflow.BatchStage;
import dev.weft.engine.dataflow.Capability;
import dev.weft.engine.dataflow.Notificator;
import dev.weft.engine.dataflow.Operators;
import dev.weft.engine.dataflow.Pact;
import dev.weft.engine.dataflow.Scope;
import dev.weft.engine.dataflow.Stream;
import dev.weft.engine.worker.Execution;
import dev.weft.engine.worker.ExecutionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Word count written directly on the engine, on several workers: each worker reads every n-th
 * line of a bundled text (ten lines per epoch), splits lines into words in a fused chain,
 * exchanges words by their stable hash so each word is counted on one worker, and emits each
 * word's count for an epoch once the epoch is complete (a frontier notification).
 *
 * <p>Run it with {@code java dev.weft.examples.EngineWordCount [workers]}; it prints the most
 * frequent words. The user API (issue 12) will express the same flow in a few lines.
 */
public final class EngineWordCount {

    private static final int LINES_PER_EPOCH = 10;

    private EngineWordCount() {
    }

    /**
     * Counts the words of {@code lines} on {@code workers} workers.
     *
     * @return every word with its count
     */
    public static Map<String, Long> count(List<String> lines, int workers) {
        Map<String, Long> totals = new ConcurrentHashMap<>();
        new Execution(ExecutionConfig.defaults(workers)).run(worker -> worker.dataflow("wordcount",
                scope -> build(scope, lines, totals)));
        return new TreeMap<>(totals);
    }

    private static void build(Scope scope, List<String> lines, Map<String, Long> totals) {
        int me = scope.worker().index();
        int peers = scope.worker().peers();
        Stream<String> myLines = Operators.epochSource(scope, "lines", epoch -> {
            int from = (int) (epoch * LINES_PER_EPOCH);
            if (from >= lines.size()) {
                return null;
            }
            List<String> chunk = lines.subList(from, Math.min(lines.size(), from + LINES_PER_EPOCH));
            return chunk.stream().filter(line -> Math.floorMod(line.hashCode(), peers) == me).toList();
        });
        Stream<String> words = Operators.chain(myLines, "split", Pact.pipeline(),
                BatchStage.<String, String>flatMap(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("[^a-z]+")))
                        .then(BatchStage.filter(word -> !word.isEmpty())));
        Stream<Map.Entry<String, Long>> counts = Operators.<String, Map.Entry<String, Long>>unary(words, "count",
                Pact.exchange(StableHash::hash), initial -> {
                    initial.drop();
                    Map<Long, Map<String, Long>> perEpoch = new HashMap<>();
                    Notificator notificator = new Notificator(scope.domain());
                    return (input, output) -> {
                        input.forEach(batch -> {
                            Map<String, Long> epochCounts = perEpoch.get(batch.time());
                            if (epochCounts == null) {
                                epochCounts = new HashMap<>();
                                perEpoch.put(batch.time(), epochCounts);
                                notificator.notifyAt(input.retain(batch.time(), output));
                            }
                            for (int i = 0; i < batch.size(); i++) {
                                epochCounts.merge(batch.get(i), 1L, Long::sum);
                            }
                        });
                        notificator.forEachReady(List.of(input), (Capability done) -> {
                            for (Map.Entry<String, Long> e : perEpoch.remove(done.time()).entrySet()) {
                                output.give(done, e);
                            }
                        });
                    };
                });
        Operators.sink(counts, "totals", Pact.pipeline(), batch -> {
            for (int i = 0; i < batch.size(); i++) {
                totals.merge(batch.get(i).getKey(), batch.get(i).getValue(), Long::sum);
            }
        });
    }

    /** The bundled text, one element per line. */
    public static List<String> bundledText() {
        try (InputStream in = EngineWordCount.class.getResourceAsStream("river.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Counts the bundled text's words and prints the ten most frequent.
     *
     * @param args optionally the number of workers (default 3)
     */
    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> lines = bundledText();
        Map<String, Long> counts = count(lines, workers);
        System.out.printf("Counted %d words (%d distinct) in %d lines on %d workers. Most frequent:%n",
                counts.values().stream().mapToLong(Long::longValue).sum(), counts.size(), lines.size(), workers);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .forEach(e -> System.out.printf("  %-8s %3d%n", e.getKey(), e.getValue()));
    }
}
