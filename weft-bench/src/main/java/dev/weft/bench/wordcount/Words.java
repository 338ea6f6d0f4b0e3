package dev.weft.bench.wordcount;

/**
 * How every variant of the word count splits a line into words: at each single space, as the
 * corpus is written ({@link Corpus}: lower-case ASCII words, one space between them, no leading or
 * trailing space). {@code String.split} with a one-character pattern that is not a regular
 * expression metacharacter takes its fast path (no regex), so this is what a hand-written program
 * would call too.
 */
public final class Words {

    private Words() {
    }

    /**
     * The words of {@code line}.
     *
     * @param line a line of the corpus, without its terminator
     * @return its words, in order
     */
    public static String[] split(String line) {
        return line.split(" ");
    }
}
