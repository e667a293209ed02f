package io.haderos.shipping.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table, built row by row; also printable as aligned plain text. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException when it does not have one cell per column
     */
    public MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** The table in markdown, one line per row, ending with a newline. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            rule.add("---");
        }
        line(out, rule);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    /** The table as aligned columns for a terminal. */
    public String text() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        padded(out, header, widths);
        rows.forEach(row -> padded(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }

    private static void padded(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(String.format("%-" + widths[i] + "s", cells.get(i)));
            out.append(i + 1 < cells.size() ? "  " : "\n");
        }
    }
}
