package org.sparksweep.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/** Prints query results for people (an aligned table) or for scripts (CSV, JSON). */
final class TableWriter {
    enum Format { table, csv, json }

    private TableWriter() {}

    static void print(Dataset<Row> rows, Format format, PrintWriter out) {
        String[] columns = rows.columns();
        List<Row> collected = rows.collectAsList();
        List<String[]> cells = new ArrayList<>();
        for (Row r : collected) {
            String[] line = new String[columns.length];
            for (int i = 0; i < columns.length; i++) line[i] = text(r.isNullAt(i) ? null : r.get(i));
            cells.add(line);
        }
        switch (format) {
            case table -> table(columns, cells, out);
            case csv -> csv(columns, cells, out);
            case json -> json(columns, collected, out);
        }
    }

    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15
                ? String.format(Locale.ROOT, "%.1f", d) : formatDouble(d);
        if (v instanceof scala.collection.Seq<?> seq) { // an array column, e.g. per-fold metric values
            List<String> items = new ArrayList<>();
            for (Object item : CollectionConverters.asJava(seq)) items.add(text(item));
            return "[" + String.join(", ", items) + "]";
        }
        return String.valueOf(v);
    }

    private static String formatDouble(double d) {
        if (!Double.isFinite(d)) return String.valueOf(d);
        double a = Math.abs(d);
        if (a != 0 && (a < 1e-3 || a >= 1e7)) return String.format(Locale.ROOT, "%.4e", d);
        return String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }

    /**
     * An aligned table. A column that is empty in every row is left out (the footer says how many),
     * so a sweep's table shows what it measured; csv and json keep every column.
     */
    private static void table(String[] allColumns, List<String[]> allCells, PrintWriter out) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < allColumns.length; i++) {
            final int column = i;
            if (allCells.isEmpty() || allCells.stream().anyMatch(line -> !line[column].isEmpty())) shown.add(i);
        }
        String[] columns = shown.stream().map(i -> allColumns[i]).toArray(String[]::new);
        List<String[]> cells = new ArrayList<>();
        for (String[] line : allCells) cells.add(shown.stream().map(i -> line[i]).toArray(String[]::new));
        int hidden = allColumns.length - columns.length;
        int[] width = new int[columns.length];
        for (int i = 0; i < columns.length; i++) width[i] = columns[i].length();
        for (String[] line : cells) for (int i = 0; i < line.length; i++) width[i] = Math.max(width[i], Math.min(60, line[i].length()));
        StringBuilder header = new StringBuilder(), rule = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                header.append("  ");
                rule.append("  ");
            }
            header.append(pad(columns[i], width[i]));
            rule.append("-".repeat(width[i]));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule);
        for (String[] line : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                if (i > 0) sb.append("  ");
                String c = line[i].length() > 60 ? line[i].substring(0, 59) + "…" : line[i];
                sb.append(pad(c.replace('\n', ' '), width[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.println("(" + cells.size() + (cells.size() == 1 ? " row" : " rows")
                + (hidden == 0 ? ")" : "; " + hidden + (hidden == 1 ? " column" : " columns") + " empty in every row not shown)"));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static void csv(String[] columns, List<String[]> cells, PrintWriter out) {
        out.println(csvLine(columns));
        for (String[] line : cells) out.println(csvLine(line));
    }

    private static String csvLine(String[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(',');
            String v = values[i];
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = '"' + v.replace("\"", "\"\"") + '"';
            sb.append(v);
        }
        return sb.toString();
    }

    private static void json(String[] columns, List<Row> rows, PrintWriter out) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(jsonRows(columns, rows)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows as JSON-ready maps: timestamps as ISO text, NaN and infinities as text, arrays as lists. */
    static List<Map<String, Object>> jsonRows(String[] columns, List<Row> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                Object v = r.isNullAt(i) ? null : r.get(i);
                if (v instanceof java.sql.Timestamp t) v = t.toInstant().toString();
                else if (v instanceof java.time.Instant t) v = t.toString();
                else if (v instanceof Double d && !Double.isFinite(d)) v = String.valueOf(d);
                else if (v instanceof scala.collection.Seq<?> seq) v = new ArrayList<>(CollectionConverters.asJava(seq));
                else if (v != null && !(v instanceof Number || v instanceof Boolean || v instanceof String)) v = String.valueOf(v);
                m.put(columns[i], v);
            }
            list.add(m);
        }
        return list;
    }
}
