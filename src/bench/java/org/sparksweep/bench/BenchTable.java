package org.sparksweep.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One scenario's figures as printed: a title, aligned columns, and notes that say how to read them. */
public final class BenchTable {
    private final String title;
    private final String[] columns;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchTable(String title, String... columns) {
        this.title = title;
        this.columns = columns;
    }

    /** Adds a row; numbers are formatted with {@link #number}. */
    public void row(Object... cells) {
        if (cells.length != columns.length) throw new IllegalArgumentException(columns.length + " columns, " + cells.length + " cells");
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) text[i] = cells[i] instanceof Double d ? number(d) : String.valueOf(cells[i]);
        rows.add(text);
    }

    public void note(String note) {
        notes.add(note);
    }

    public List<String[]> rows() {
        return List.copyOf(rows);
    }

    /** Three significant figures, at least two decimals below 10. */
    public static String number(double d) {
        if (Double.isNaN(d)) return "-";
        double a = Math.abs(d);
        if (a >= 1000) return String.format(Locale.ROOT, "%.0f", d);
        if (a >= 100) return String.format(Locale.ROOT, "%.1f", d);
        if (a >= 1 || a == 0) return String.format(Locale.ROOT, "%.2f", d);
        return String.format(Locale.ROOT, "%.3f", d);
    }

    public void print(PrintWriter out) {
        int[] width = new int[columns.length];
        for (int i = 0; i < columns.length; i++) width[i] = columns[i].length();
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        out.println(title);
        out.println(line(columns, width));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        out.println(rule);
        for (String[] r : rows) out.println(line(r, width));
        for (String n : notes) out.println("  " + n);
        out.println();
        out.flush();
    }

    /** The first column left-aligned (a label), the others right-aligned (figures). */
    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append("  ");
            String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(i == 0 ? cells[i] + pad : pad + cells[i]);
        }
        return sb.toString().stripTrailing();
    }
}
