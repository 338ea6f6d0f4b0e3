package dev.weft.bench.wordcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.bench.harness.Params;
import dev.weft.bench.harness.Workload;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountTest {

    /** A corpus of 64 KiB in 3 files: fast enough for every build. */
    static final Params TINY = new Params(Map.of(WordCountSetup.KILOBYTES, 64L, WordCountSetup.FILES, 3L,
            WordCountSetup.SEED, 7L, WordCountSetup.VOCABULARY, 2_000L, WordCountSetup.EPOCH_MILLIS, 5L));

    @TempDir
    Path cache;

    @Test
    void shouldGenerateTheSameCorpusFromTheSameSeedAndCountItsWords() throws Exception {
        Corpus first = Corpus.prepare(cache.resolve("a"), 64, 7, 3, 2_000);
        Corpus second = Corpus.prepare(cache.resolve("b"), 64, 7, 3, 2_000);
        Corpus other = Corpus.prepare(cache.resolve("c"), 64, 8, 3, 2_000);

        assertThat(first.files()).hasSize(3);
        assertThat(first.bytes()).isGreaterThanOrEqualTo(64 * 1024).isEqualTo(sizeOf(first.files()));
        for (int i = 0; i < 3; i++) {
            assertThat(Files.readAllBytes(first.files().get(i))).isEqualTo(Files.readAllBytes(second.files().get(i)));
        }
        assertThat(second.expected()).isEqualTo(first.expected());
        assertThat(other.expected()).isNotEqualTo(first.expected());
        // The manifest's figures are those of counting the files themselves.
        assertThat(count(first.files())).isEqualTo(first.expected());
        assertThat(first.lines()).isEqualTo(lines(first.files()));
        assertThat(first.expected().distinct()).isGreaterThan(100).isLessThanOrEqualTo(2_000);
    }

    @Test
    void shouldReuseACachedCorpus() throws Exception {
        Corpus written = Corpus.prepare(cache, 64, 7, 3, 2_000);
        long modified = Files.getLastModifiedTime(written.files().get(0)).toMillis();

        Corpus again = Corpus.prepare(cache, 64, 7, 3, 2_000);

        assertThat(again).isEqualTo(written);
        assertThat(Files.getLastModifiedTime(again.files().get(0)).toMillis()).isEqualTo(modified);
        try (var entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly(
                    written.dir().getFileName().toString());
        }
    }

    @Test
    void shouldCountTheCorpusInTheHandLoopAndInWeftOnOneAndTwoWorkers() throws Exception {
        Corpus corpus = WordCountSetup.corpus(TINY);
        for (Workload workload : List.of(new HandLoopWordCount(TINY), new HandLoopWordCount(TINY, 2),
                new WeftWordCount(TINY, 1),
                new WeftWordCount(TINY, 2))) {
            try (workload) {
                workload.setup();
                assertThat(workload.run()).isEqualTo(corpus.words());
                assertThat(workload.lastRunNanos()).isPositive();
                assertThat(workload.detail()).isEqualTo(corpus.expected().toString());
            }
        }
    }

    @Test
    void shouldRefuseWrongCounts() {
        WordCounts right = new WordCounts();
        right.add("a", 2);
        right.add("b", 1);
        WordCounts wrong = new WordCounts();
        wrong.add("a", 1);
        wrong.add("b", 2);

        assertThat(wrong.total()).isEqualTo(right.total());
        assertThatThrownBy(() -> wrong.require("engine", right))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("engine: wrong word counts");
    }

    @Test
    void shouldSayHowToRunTheFlinkVariantsWithoutFlinkOnTheClassPath() {
        assertThatThrownBy(() -> FlinkVariants.load(TINY, "streaming", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bench/run");
    }

    private static WordCounts count(List<Path> files) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                for (String word : line.split(" +")) {
                    counts.merge(word, 1L, Long::sum);
                }
            }
        }
        WordCounts result = new WordCounts();
        counts.forEach(result::add);
        return result;
    }

    private static long lines(List<Path> files) throws Exception {
        long lines = 0;
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                lines += reader.lines().count();
            }
        }
        return lines;
    }

    private static long sizeOf(List<Path> files) throws Exception {
        long size = 0;
        for (Path file : files) {
            size += Files.size(file);
        }
        return size;
    }
}
