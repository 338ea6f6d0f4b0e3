package dev.weft.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The results table: one aligned row per variant, with its median rate, the spread of its runs
 * and its ratio to its benchmark's baseline (the hand loop). The table is Markdown, so it can be
 * pasted as it is.
 *
 * <pre>
 * | benchmark | variant   |      median |         min |         max | unit  | ratio | notes |
 * |-----------|-----------|------------:|------------:|------------:|-------|------:|-------|
 * | maps      | hand loop | 101,234,567 |  99,000,000 | 104,000,000 | rec/s |  1.00 |       |
 * </pre>
 *
 * <p>A ratio is the variant's median over the baseline's median in the same table, so it is only
 * printed when the baseline ran in the same process; otherwise it reads "-". Not thread-safe.
 */
public final class Report {

    private static final String[] HEADER = {
        "benchmark", "variant", "median", "min", "max", "unit", "ratio", "runs", "notes"};
    private static final boolean[] RIGHT = {false, false, true, true, true, false, true, true, false};

    private final List<Result> results = new ArrayList<>();

    /** An empty report. */
    public Report() {
    }

    /**
     * Adds a row.
     *
     * @param result a variant's result
     */
    public void add(Result result) {
        results.add(Objects.requireNonNull(result, "result"));
    }

    /**
     * The table, one row per result in the order added, each line ending in a newline.
     *
     * @return the aligned Markdown table
     */
    public String format() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Result result : results) {
            rows.add(new String[] {
                result.benchmark(), result.variant(), formatRate(result.median()), formatRate(result.min()),
                formatRate(result.max()), result.unit(), ratio(result), Integer.toString(result.runs()),
                result.detail()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder table = new StringBuilder();
        appendRow(table, rows.get(0), widths);
        table.append('|');
        for (int column = 0; column < widths.length; column++) {
            table.append('-').append("-".repeat(widths[column])).append(RIGHT[column] ? ':' : '-').append('|');
        }
        table.append('\n');
        for (String[] row : rows.subList(1, rows.size())) {
            appendRow(table, row, widths);
        }
        return table.toString();
    }

    /**
     * A rate as printed: whole units with thousands separators, or two decimals below 100.
     *
     * @param perSecond a rate
     * @return its text
     */
    public static String formatRate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f" : "%,.2f", perSecond);
    }

    /**
     * A ratio as printed: two decimals, or two significant digits below 0.1.
     *
     * @param ratio a ratio
     * @return its text
     */
    public static String formatRatio(double ratio) {
        return String.format(Locale.ROOT, ratio >= 0.1 ? "%.2f" : "%.2g", ratio);
    }

    private String ratio(Result result) {
        for (Result candidate : results) {
            if (candidate.baseline() && candidate.benchmark().equals(result.benchmark())) {
                return formatRatio(result.median() / candidate.median());
            }
        }
        return "-";
    }

    private static void appendRow(StringBuilder table, String[] row, int[] widths) {
        table.append('|');
        for (int column = 0; column < row.length; column++) {
            String pad = " ".repeat(widths[column] - row[column].length());
            table.append(' ');
            table.append(RIGHT[column] ? pad + row[column] : row[column] + pad);
            table.append(" |");
        }
        table.append('\n');
    }
}
