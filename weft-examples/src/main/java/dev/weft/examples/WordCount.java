package dev.weft.examples;

import dev.weft.Dataflow;
import dev.weft.io.DynamicSink;
import dev.weft.io.file.FileSource;
import dev.weft.io.stdio.StdOutSink;
import dev.weft.runtime.RunConfig;
import dev.weft.runtime.Runner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Counts the words of a text file and prints each word with its count, as {@code river 12}, once
 * the whole file has been read.
 *
 * <p>One worker reads the file (a {@link FileSource} has one partition per file); the words are
 * split and lower-cased there, then {@code countFinal} sends each word to the worker that owns it
 * by its stable hash and counts it there. Each worker prints the counts it owns, so lines come in
 * no particular order.
 *
 * <pre>
 * bin/weft -cp weft-examples/target/classes run dev.weft.examples.WordCount::flow -w 3
 * bin/weft -cp weft-examples/target/classes run dev.weft.examples.WordCount::flow my-notes.txt
 * </pre>
 *
 * <p>Without a file it counts {@code river.txt}, a short text bundled with the examples.
 */
public final class WordCount {

    private WordCount() {
    }

    /**
     * The dataflow {@code weft run dev.weft.examples.WordCount::flow [FILE]} runs: counts the words of
     * {@code FILE}, or of the bundled text, and prints them on standard output.
     *
     * @param args nothing, or the path of a UTF-8 text file
     * @return the dataflow
     * @throws IllegalArgumentException if more than one argument is given
     */
    public static Dataflow flow(String... args) {
        if (args.length > 1) {
            throw new IllegalArgumentException("expected at most one argument, a text file; got " + List.of(args));
        }
        Path text = args.length == 1 ? Path.of(args[0]) : bundledText();
        return build(text, new StdOutSink<>());
    }

    /**
     * Counts the words of {@code text} into {@code out}, one {@code "word count"} line per word.
     *
     * @param text a UTF-8 text file
     * @param out where the lines go
     * @return the dataflow
     */
    public static Dataflow build(Path text, DynamicSink<? super String> out) {
        Dataflow flow = new Dataflow("word_count");
        flow.input("lines", new FileSource(text))
                .flatMap("split", WordCount::words)
                .countFinal("count", word -> word)
                .asStream()
                .map("format", wordCount -> wordCount.key() + " " + wordCount.value())
                .output("out", out);
        return flow;
    }

    /** The lower-cased words of {@code line}: its runs of the letters a to z. */
    static List<String> words(String line) {
        return Arrays.stream(line.toLowerCase(Locale.ROOT).split("[^a-z]+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    /** The path of {@code river.txt}, the text bundled with the examples. */
    public static Path bundledText() {
        return BundledFiles.path("river.txt");
    }

    /**
     * Counts the words of a file, or of the bundled text, on three workers and prints them.
     *
     * @param args nothing, or the path of a UTF-8 text file
     */
    public static void main(String... args) {
        Runner.run(flow(args), RunConfig.defaults(3));
    }
}
