package org.sparksweep.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw label values of a data set as they are read, turned into targets once all are known:
 * class indices in sorted order of the labels (numerically when every label is a number,
 * alphabetically otherwise), keeping each class's name, or real values for regression.
 */
final class LabelColumn {
    private final String file;
    private final String column;
    private final List<String> values = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();

    /**
     * @param file   named in messages
     * @param column the label column's name, named in messages
     */
    LabelColumn(String file, String column) {
        this.file = file;
        this.column = column;
    }

    void add(String value, long line) {
        if (value == null || value.isBlank()) {
            throw new DataException(file + ", line " + line + ", column '" + column + "': the label is empty; every row needs a label");
        }
        values.add(value.trim());
        lines.add(line);
    }

    int size() {
        return values.size();
    }

    /** The targets and classes for this kind of label. */
    Resolved resolve(LabelKind kind) {
        Double[] numbers = new Double[values.size()];
        boolean allNumeric = true, allIntegral = true;
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = number(values.get(i));
            if (numbers[i] == null) allNumeric = false;
            else if (numbers[i] != Math.rint(numbers[i])) allIntegral = false;
        }
        if (kind == LabelKind.AUTO) {
            if (!allNumeric) kind = LabelKind.CLASSIFICATION;
            else {
                long distinct = java.util.Arrays.stream(numbers).distinct().count();
                kind = allIntegral && distinct <= LabelKind.AUTO_MAX_CLASSES ? LabelKind.CLASSIFICATION : LabelKind.REGRESSION;
            }
        }
        double[] targets = new double[values.size()];
        if (kind == LabelKind.REGRESSION) {
            for (int i = 0; i < numbers.length; i++) {
                if (numbers[i] == null) {
                    throw new DataException(file + ", line " + lines.get(i) + ", column '" + column + "': label '" + values.get(i)
                            + "' is not a number, but the task is regression; fix the value or set task: classification");
                }
                targets[i] = numbers[i];
            }
            return new Resolved(targets, 0, new String[0]);
        }
        // classes in sorted order: numerically when every label is a number, by text otherwise
        Map<Object, String> classes = new TreeMap<>();
        for (int i = 0; i < numbers.length; i++) classes.putIfAbsent(allNumeric ? (Object) numbers[i] : values.get(i), values.get(i));
        if (classes.size() < 2) {
            throw new DataException(file + ", column '" + column + "': every row has the label '" + values.get(0)
                    + "'; a classifier needs at least two classes (or set task: regression)");
        }
        Map<Object, Integer> index = new TreeMap<>();
        for (Object k : classes.keySet()) index.put(k, index.size());
        for (int i = 0; i < numbers.length; i++) targets[i] = index.get(allNumeric ? (Object) numbers[i] : values.get(i));
        return new Resolved(targets, classes.size(), classes.values().toArray(new String[0]));
    }

    record Resolved(double[] targets, int classes, String[] classNames) {}

    static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
