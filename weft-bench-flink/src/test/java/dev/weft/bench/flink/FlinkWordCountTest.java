package dev.weft.bench.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bench.harness.Params;
import dev.weft.bench.harness.Workload;
import dev.weft.bench.wordcount.Corpus;
import dev.weft.bench.wordcount.FlinkVariants;
import dev.weft.bench.wordcount.WordCountSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlinkWordCountTest {

    /** A corpus of 64 KiB in 3 files: each job then takes well under a second past Flink's start-up. */
    private static final Params TINY = new Params(Map.of(WordCountSetup.KILOBYTES, 64L, WordCountSetup.FILES, 3L,
            WordCountSetup.SEED, 7L, WordCountSetup.VOCABULARY, 2_000L, WordCountSetup.EPOCH_MILLIS, 5L));

    @Test
    void shouldCountTheCorpusInStreamingModeWithFinalCountsOnly() throws Exception {
        assertCountsRight(FlinkVariants.load(TINY, "streaming", 2));
    }

    @Test
    void shouldCountTheCorpusInBatchMode() throws Exception {
        assertCountsRight(FlinkVariants.load(TINY, "batch", 1));
    }

    private static void assertCountsRight(Workload workload) throws Exception {
        Corpus corpus = WordCountSetup.corpus(TINY);
        try (workload) {
            workload.setup();
            // Twice: each run is a job on a mini cluster of its own, and must start from nothing.
            for (int run = 0; run < 2; run++) {
                assertThat(workload.run()).isEqualTo(corpus.words());
                assertThat(workload.lastRunNanos()).isPositive();
                assertThat(workload.detail()).isEqualTo(corpus.expected().toString());
            }
        }
    }
}
