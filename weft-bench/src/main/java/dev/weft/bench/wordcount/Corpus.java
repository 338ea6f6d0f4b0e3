package dev.weft.bench.wordcount;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The word count's input: a deterministic text corpus, generated once from a seed and kept in a
 * cache directory, split into a few files of about equal size so that engines can read them in
 * parallel (each file is one partition or split).
 *
 * <p><b>What it holds.</b> A vocabulary of {@code vocabulary} distinct words of lower-case ASCII
 * letters (frequent words shorter, as in natural language: rank r gets 2 to 4 letters plus about
 * log4(r)), drawn with a Zipf distribution of exponent 1 (the word of rank r with probability
 * proportional to 1/r), in lines of 5 to 15 words separated by single spaces, each line ending in
 * {@code \n}. Lines are written until the corpus has at least {@code kilobytes} KiB, filling the
 * files in order, each to about an equal share.
 *
 * <p><b>Where.</b> {@code <cache>/corpus-s<seed>-<kilobytes>k-<files>f-v<vocabulary>/part-NN.txt},
 * with {@code corpus.properties} beside the parts holding its size and its expected
 * {@link WordCounts} (counted while generating, so independent of every engine). A corpus is
 * written to a temporary directory and moved into place, so a half-written one is never read;
 * once there it is reused.
 *
 * @param dir      the directory of the parts
 * @param files    the parts, in order
 * @param bytes    the total size
 * @param lines    the number of lines
 * @param expected the right result of counting its words
 */
public record Corpus(Path dir, List<Path> files, long bytes, long lines, WordCounts expected) {

    private static final String MANIFEST = "corpus.properties";
    private static final double ZIPF_EXPONENT = 1.0;

    /**
     * Checks and copies the components.
     *
     * @param dir      the directory of the parts
     * @param files    the parts, in order
     * @param bytes    the total size
     * @param lines    the number of lines
     * @param expected the right result of counting its words
     */
    public Corpus {
        files = List.copyOf(files);
    }

    /** {@return the number of words} */
    public long words() {
        return expected.total();
    }

    /**
     * The corpus for these parameters, generated into {@code cache} if it is not there yet.
     *
     * @param cache      the cache directory (created if missing)
     * @param kilobytes  the least size, in KiB
     * @param seed       the random seed
     * @param files      how many parts, at least 1
     * @param vocabulary how many distinct words to draw from, at least 1
     * @return the corpus
     * @throws UncheckedIOException if it cannot be written or read
     */
    public static Corpus prepare(Path cache, long kilobytes, long seed, int files, int vocabulary) {
        if (kilobytes < 1 || files < 1 || vocabulary < 1) {
            throw new IllegalArgumentException("need kilobytes, files and vocabulary >= 1, got " + kilobytes + ", "
                    + files + ", " + vocabulary);
        }
        Path dir = cache.resolve(String.format(Locale.ROOT, "corpus-s%d-%dk-%df-v%d", seed, kilobytes, files,
                vocabulary));
        try {
            if (!Files.exists(dir.resolve(MANIFEST))) {
                Files.createDirectories(cache);
                Path temp = Files.createTempDirectory(cache, "corpus-writing-");
                try {
                    generate(temp, kilobytes * 1024, seed, files, vocabulary);
                    Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                    if (!Files.exists(dir.resolve(MANIFEST))) {
                        throw e;
                    }
                    // Another process wrote the same corpus meanwhile: use theirs.
                } finally {
                    deleteTree(temp);
                }
            }
            return load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("word count corpus in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Corpus load(Path dir) throws IOException {
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            manifest.load(in);
        }
        int count = Integer.parseInt(manifest.getProperty("files"));
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(dir.resolve(partName(i)));
        }
        WordCounts expected = new WordCounts(Long.parseLong(manifest.getProperty("distinct")),
                Long.parseLong(manifest.getProperty("words")),
                Long.parseUnsignedLong(manifest.getProperty("checksum"), 16));
        return new Corpus(dir, parts, Long.parseLong(manifest.getProperty("bytes")),
                Long.parseLong(manifest.getProperty("lines")), expected);
    }

    private static String partName(int index) {
        return String.format(Locale.ROOT, "part-%02d.txt", index);
    }

    private static void generate(Path dir, long targetBytes, long seed, int files, int vocabulary) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] words = vocabulary(random, vocabulary);
        double[] cumulative = new double[vocabulary];
        double sum = 0;
        for (int rank = 0; rank < vocabulary; rank++) {
            sum += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
            cumulative[rank] = sum;
        }
        long[] counts = new long[vocabulary];
        long bytes = 0;
        long lines = 0;
        for (int part = 0; part < files; part++) {
            long partTarget = targetBytes * (part + 1) / files;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(partName(part))),
                    1 << 20)) {
                while (bytes < partTarget) {
                    int n = 5 + random.nextInt(11);
                    for (int w = 0; w < n; w++) {
                        int rank = draw(cumulative, random.nextDouble() * sum);
                        counts[rank]++;
                        if (w > 0) {
                            out.write(' ');
                        }
                        out.write(words[rank]);
                        bytes += words[rank].length + 1;
                    }
                    out.write('\n');
                    lines++;
                }
            }
        }
        WordCounts expected = new WordCounts();
        for (int rank = 0; rank < vocabulary; rank++) {
            if (counts[rank] > 0) {
                expected.add(new String(words[rank], StandardCharsets.US_ASCII), counts[rank]);
            }
        }
        Properties manifest = new Properties();
        manifest.setProperty("files", Integer.toString(files));
        manifest.setProperty("bytes", Long.toString(bytes));
        manifest.setProperty("lines", Long.toString(lines));
        manifest.setProperty("words", Long.toString(expected.total()));
        manifest.setProperty("distinct", Long.toString(expected.distinct()));
        manifest.setProperty("checksum", Long.toHexString(expected.checksum()));
        try (Writer out = Files.newBufferedWriter(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            manifest.store(out, "word count corpus: seed " + seed + ", vocabulary " + vocabulary);
        }
    }

    /** Distinct words, shorter for lower ranks. */
    private static byte[][] vocabulary(SplittableRandom random, int size) {
        Set<String> seen = new HashSet<>();
        byte[][] words = new byte[size][];
        for (int rank = 0; rank < size; rank++) {
            String word;
            do {
                int length = 2 + random.nextInt(3) + (int) (Math.log(rank + 1) / Math.log(4));
                StringBuilder text = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                word = text.toString();
            } while (!seen.add(word));
            words[rank] = word.getBytes(StandardCharsets.US_ASCII);
        }
        return words;
    }

    /** The first rank whose cumulative weight exceeds {@code u}. */
    private static int draw(double[] cumulative, double u) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > u) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
