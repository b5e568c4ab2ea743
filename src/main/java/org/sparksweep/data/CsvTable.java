package org.sparksweep.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads delimited text with a header row into {@link Examples}: the label column by name,
 * categorical columns one-hot encoded ({@code sex=1}, {@code sex=2}, categories in sorted order),
 * every other column a number. Fields may be quoted ({@code "a,b"}, {@code ""} for a quote).
 * Problems are reported with the file, the line and the column.
 */
final class CsvTable {

    /** How to read one file. */
    record Layout(String label, List<String> categorical, char delimiter, int[] shape, LabelKind labelKind) {}

    private CsvTable() {}

    /** The header's column names; fails on an empty file. */
    static List<String> header(String file, BufferedReader in, char delimiter) throws IOException {
        return header(file, in, delimiter, new long[1]);
    }

    /** The header's column names, counting the lines read (blank lines before it included) in {@code lines[0]}. */
    private static List<String> header(String file, BufferedReader in, char delimiter, long[] lines) throws IOException {
        String line = in.readLine();
        lines[0]++;
        while (line != null && line.isBlank()) {
            line = in.readLine();
            lines[0]++;
        }
        if (line == null) throw new DataException(file + " is empty: expected a header row naming the columns");
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
        List<String> names = new ArrayList<>();
        for (String n : split(line, delimiter, file, 1)) names.add(n.trim());
        return names;
    }

    /** Checks that the label and categorical columns are in the header. */
    static void checkColumns(String file, List<String> header, Layout layout) {
        if (!header.contains(layout.label())) {
            throw new DataException(file + ": no label column '" + layout.label() + "'" + nearest(layout.label(), header)
                    + "; the columns are " + header + " (set data.label to one of them)");
        }
        for (String c : layout.categorical()) {
            if (!header.contains(c)) {
                throw new DataException(file + ": no categorical column '" + c + "'" + nearest(c, header) + "; the columns are " + header);
            }
            if (c.equals(layout.label())) throw new DataException(file + ": column '" + c + "' is the label; remove it from data.categorical");
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.indexOf(header.get(i)) != i) throw new DataException(file + ": column '" + header.get(i) + "' appears twice in the header");
        }
    }

    static Examples read(String name, String file, BufferedReader in, Layout layout) throws IOException {
        long[] headerLines = new long[1];
        List<String> header = header(file, in, layout.delimiter(), headerLines);
        checkColumns(file, header, layout);
        int labelAt = header.indexOf(layout.label());
        int columns = header.size();
        boolean[] categorical = new boolean[columns];
        for (String c : layout.categorical()) categorical[header.indexOf(c)] = true;

        LabelColumn labels = new LabelColumn(file, layout.label());
        List<double[]> numeric = new ArrayList<>();
        List<String[]> categories = new ArrayList<>();
        long lineNumber = headerLines[0];
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) continue;
            List<String> cells = split(line, layout.delimiter(), file, lineNumber);
            if (cells.size() != columns) {
                throw new DataException(file + ", line " + lineNumber + ": " + cells.size() + " fields but the header has " + columns
                        + " columns " + header + (layout.delimiter() == ',' ? "" : " (delimiter '" + layout.delimiter() + "')"));
            }
            double[] x = new double[columns];
            String[] cat = new String[columns];
            for (int j = 0; j < columns; j++) {
                String cell = cells.get(j).trim();
                if (j == labelAt) {
                    if (cell.isEmpty()) throw new DataException(file + ", line " + lineNumber + ", column '" + header.get(j) + "': the label is empty");
                    labels.add(cell, lineNumber);
                } else if (categorical[j]) {
                    if (cell.isEmpty()) throw new DataException(file + ", line " + lineNumber + ", column '" + header.get(j) + "': empty category");
                    cat[j] = cell;
                } else {
                    Double v = LabelColumn.number(cell);
                    if (v == null) {
                        throw new DataException(file + ", line " + lineNumber + ", column '" + header.get(j) + "': '" + cell
                                + "' is not a number; fix the value, or list the column under data.categorical to one-hot encode it");
                    }
                    x[j] = v;
                }
            }
            numeric.add(x);
            categories.add(cat);
        }
        if (numeric.isEmpty()) throw new DataException(file + " has a header but no data rows");

        // one-hot columns: each categorical column's categories, sorted (numerically when all are numbers, so 1 and 1.0 are one category)
        Map<Integer, Map<Object, Integer>> levels = new LinkedHashMap<>();
        List<String> featureNames = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            if (j == labelAt) continue;
            if (!categorical[j]) {
                featureNames.add(header.get(j));
                continue;
            }
            int col = j;
            boolean allNumbers = categories.stream().allMatch(r -> LabelColumn.number(r[col]) != null);
            TreeMap<Object, String> sorted = new TreeMap<>();
            for (String[] r : categories) sorted.putIfAbsent(categoryKey(r[col], allNumbers), r[col]);
            Map<Object, Integer> position = new LinkedHashMap<>();
            for (Map.Entry<Object, String> level : sorted.entrySet()) {
                position.put(level.getKey(), position.size());
                featureNames.add(header.get(j) + "=" + level.getValue());
            }
            levels.put(j, position);
        }
        double[][] features = new double[numeric.size()][];
        for (int i = 0; i < features.length; i++) {
            double[] out = new double[featureNames.size()];
            int k = 0;
            for (int j = 0; j < columns; j++) {
                if (j == labelAt) continue;
                if (categorical[j]) {
                    Map<Object, Integer> position = levels.get(j);
                    boolean allNumbers = position.keySet().iterator().next() instanceof Double;
                    out[k + position.get(categoryKey(categories.get(i)[j], allNumbers))] = 1;
                    k += position.size();
                } else {
                    out[k++] = numeric.get(i)[j];
                }
            }
            features[i] = out;
        }
        LabelColumn.Resolved y = labels.resolve(layout.labelKind());
        String[] names = featureNames.toArray(new String[0]);
        return new Examples(name, names, features, y.targets(), y.classes(), shape(file, layout.shape(), names.length), y.classNames());
    }

    private static Object categoryKey(String value, boolean numeric) {
        return numeric ? (Object) LabelColumn.number(value) : value;
    }

    /** The example shape: as given (its product must be the feature count), or flat. */
    static int[] shape(String file, int[] shape, int columns) {
        if (shape == null || shape.length == 0) return new int[] {columns};
        long product = 1;
        for (int d : shape) {
            if (d < 1) throw new DataException(file + ": data.shape " + Arrays.toString(shape) + " has a dimension < 1");
            product *= d;
        }
        if (product != columns) {
            throw new DataException(file + ": data.shape " + Arrays.toString(shape) + " holds " + product + " values per example but there are "
                    + columns + " feature columns (one-hot columns included)");
        }
        return shape.clone();
    }

    /** Splits one line at the delimiter, honouring double quotes. */
    static List<String> split(String line, char delimiter, String file, long lineNumber) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == delimiter) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new DataException(file + ", line " + lineNumber + ": a quoted field is not closed");
        out.add(cell.toString());
        return out;
    }

    private static String nearest(String given, List<String> names) {
        for (String n : names) if (n.equalsIgnoreCase(given)) return "; did you mean '" + n + "'?";
        return "";
    }
}
