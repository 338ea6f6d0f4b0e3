package dev.weft.bench.wordcount;

import dev.weft.bench.harness.Params;
import java.nio.file.Path;
import java.util.Map;

/**
 * The word count's parameters, and the corpus they name: what every variant (and the driver,
 * before it starts them) reads, so that all of them count the same files.
 */
public final class WordCountSetup {

    /** The benchmark's name. */
    public static final String BENCHMARK = "wordcount";

    /** The least size of the corpus in KiB. */
    public static final String KILOBYTES = "wordcount.kilobytes";

    /** How many files the corpus is split into. */
    public static final String FILES = "wordcount.files";

    /** The corpus's random seed. */
    public static final String SEED = "wordcount.seed";

    /** How many distinct words the corpus draws from. */
    public static final String VOCABULARY = "wordcount.vocabulary";

    /** Weft's epoch interval in milliseconds. */
    public static final String EPOCH_MILLIS = "wordcount.epochMillis";

    /**
     * The system property naming the directory the corpus is cached in; {@code target} (relative
     * to the working directory) when unset. {@code bench/run} sets it to {@code weft-bench/target}.
     */
    public static final String CACHE_PROPERTY = "weft.bench.dir";

    private WordCountSetup() {
    }

    /** {@return the parameters and their defaults: a 64 MiB corpus in 8 files, 50,000 words, 1 s epochs} */
    public static Map<String, Long> defaults() {
        return Map.of(KILOBYTES, 64L * 1024, FILES, 8L, SEED, 1L, VOCABULARY, 50_000L, EPOCH_MILLIS, 1_000L);
    }

    /**
     * The corpus that {@code params} name, generated if it is not cached yet.
     *
     * @param params the run's parameters
     * @return the corpus
     */
    public static Corpus corpus(Params params) {
        Path cache = Path.of(System.getProperty(CACHE_PROPERTY, "target"));
        return Corpus.prepare(cache, params.get(KILOBYTES), params.get(SEED), params.getInt(FILES),
                params.getInt(VOCABULARY));
    }
}
