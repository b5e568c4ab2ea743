package org.sparksweep.data;

import java.io.Serializable;

/**
 * A data set's labelled examples, one per row: numeric features and one target, a class index for
 * classification ({@code classes > 0}) or a real value for regression ({@code classes == 0}).
 *
 * @param shape      the shape of one example's features, row-major: {@code [columns]} for a table,
 *                   {@code [channels, height, width]} for images, {@code [timeSteps, featuresPerStep]} for
 *                   sequences; its product is always the number of columns
 * @param classNames the label each class index stands for (e.g. {@code benign}, {@code malignant}),
 *                   {@code classes} of them; empty for regression
 */
public record Examples(String name, String[] featureNames, double[][] features, double[] targets, int classes, int[] shape,
        String[] classNames) implements Serializable {

    public Examples {
        long product = 1;
        for (int d : shape) product *= d;
        if (product != featureNames.length) {
            throw new IllegalArgumentException("data set '" + name + "': shape " + java.util.Arrays.toString(shape)
                    + " holds " + product + " values per example but there are " + featureNames.length + " feature columns");
        }
        if (classNames == null) classNames = defaultClassNames(classes);
        if (classNames.length != classes) {
            throw new IllegalArgumentException("data set '" + name + "': " + classes + " classes but " + classNames.length + " class names");
        }
    }

    /** Classes named by their index. */
    public Examples(String name, String[] featureNames, double[][] features, double[] targets, int classes, int[] shape) {
        this(name, featureNames, features, targets, classes, shape, null);
    }

    /** A flat table: each example is a vector of the feature columns. */
    public Examples(String name, String[] featureNames, double[][] features, double[] targets, int classes) {
        this(name, featureNames, features, targets, classes, new int[] {featureNames.length});
    }

    private static String[] defaultClassNames(int classes) {
        String[] names = new String[classes];
        for (int i = 0; i < classes; i++) names[i] = Integer.toString(i);
        return names;
    }

    public int rows() {
        return features.length;
    }

    public int columns() {
        return featureNames.length;
    }

    /** The rows at these positions, in this order. */
    public Examples select(int[] rows) {
        double[][] x = new double[rows.length][];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]].clone();
            y[i] = targets[rows[i]];
        }
        return withRows(x, y);
    }

    /** The same columns, classes and shape over other rows. */
    Examples withRows(double[][] x, double[] y) {
        return new Examples(name, featureNames, x, y, classes, shape, classNames);
    }
}
