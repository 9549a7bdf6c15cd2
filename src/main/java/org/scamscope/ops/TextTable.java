package org.scamscope.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Plain-text tables for the terminal: aligned columns, or boxed as Spark's show() draws them. */
public final class TextTable {
    private final List<String> headers;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param right which columns are right-aligned (numbers); missing entries are left-aligned */
    public TextTable(List<String> headers, boolean... right) {
        this.headers = List.copyOf(headers);
        this.right = Arrays.copyOf(right, headers.size());
    }

    public TextTable add(List<String> cells) {
        if (cells.size() != headers.size()) throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        rows.add(cells.stream().map(c -> c == null ? "" : Printable.escaped(c)).toList());
        return this;
    }

    public int size() {
        return rows.size();
    }

    private int[] widths() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) w[i] = headers.get(i).length();
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], r.get(i).length());
        }
        return w;
    }

    private String pad(String s, int width, boolean toRight) {
        String fill = " ".repeat(width - s.length());
        return toRight ? fill + s : s + fill;
    }

    /** Columns two spaces apart, one line each for the header and every row, no trailing spaces. */
    public String aligned() {
        int[] w = widths();
        StringBuilder b = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                if (i > 0) line.append("  ");
                line.append(pad(r.get(i), w[i], right[i]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** Boxed in +---+ and | as Spark's show() does. */
    public String boxed() {
        int[] w = widths();
        StringBuilder sep = new StringBuilder("+");
        for (int x : w) sep.append("-".repeat(x)).append('+');
        StringBuilder b = new StringBuilder().append(sep).append('\n');
        b.append(boxedLine(headers, w)).append(sep).append('\n');
        for (List<String> r : rows) b.append(boxedLine(r, w));
        if (!rows.isEmpty()) b.append(sep).append('\n');
        return b.toString();
    }

    private String boxedLine(List<String> cells, int[] w) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < w.length; i++) b.append(pad(cells.get(i), w[i], right[i])).append('|');
        return b.append('\n').toString();
    }
}
