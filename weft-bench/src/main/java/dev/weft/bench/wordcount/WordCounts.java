package dev.weft.bench.wordcount;

import java.util.Locale;

/**
 * A summary of a word count's result that every engine can compute from its output, in any order
 * and in parts, and that differs if any word's count differs: the number of distinct words, the
 * sum of all counts (the number of words read), and an order-independent checksum (the sum over
 * words of a 64-bit mix of the word's characters and its count). Partial summaries (one per worker
 * or per subtask) are {@link #merge merged}. Not thread-safe.
 */
public final class WordCounts {

    private long distinct;
    private long total;
    private long checksum;

    /** An empty summary. */
    public WordCounts() {
    }

    /**
     * A summary with these figures.
     *
     * @param distinct the number of distinct words
     * @param total    the sum of the counts
     * @param checksum the checksum
     */
    public WordCounts(long distinct, long total, long checksum) {
        this.distinct = distinct;
        this.total = total;
        this.checksum = checksum;
    }

    /**
     * Adds one word's final count.
     *
     * @param word  the word
     * @param count how often it occurs, at least 1
     */
    public void add(String word, long count) {
        distinct++;
        total += count;
        checksum += entryHash(word, count);
    }

    /**
     * Adds the figures of another summary (a disjoint set of words).
     *
     * @param other the other summary
     */
    public void merge(WordCounts other) {
        distinct += other.distinct;
        total += other.total;
        checksum += other.checksum;
    }

    /** {@return the number of distinct words} */
    public long distinct() {
        return distinct;
    }

    /** {@return the sum of the counts: the number of words} */
    public long total() {
        return total;
    }

    /** {@return the order-independent checksum} */
    public long checksum() {
        return checksum;
    }

    /**
     * Throws unless this summary equals {@code expected}.
     *
     * @param who      the engine, for the message
     * @param expected the right figures
     * @throws IllegalStateException naming both summaries if they differ
     */
    public void require(String who, WordCounts expected) {
        if (!equals(expected)) {
            throw new IllegalStateException(who + ": wrong word counts: got " + this + ", expected " + expected);
        }
    }

    /**
     * A 64-bit mix of a word's characters and its count, the same in every JVM.
     *
     * @param word  the word
     * @param count its count
     * @return the hash
     */
    static long entryHash(String word, long count) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < word.length(); i++) {
            h = (h ^ word.charAt(i)) * 0x100000001B3L;
        }
        return mix(h ^ mix(count + 0x632BE59BD9B4E019L));
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WordCounts that
                && that.distinct == distinct && that.total == total && that.checksum == checksum;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(distinct * 31 + total) ^ Long.hashCode(checksum);
    }

    /** The figures as the report's detail prints them: {@code distinct=…, words=…, checksum=…}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "distinct=%d, words=%d, checksum=%016x", distinct, total, checksum);
    }
}
