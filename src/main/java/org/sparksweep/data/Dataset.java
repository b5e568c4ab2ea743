package org.sparksweep.data;

import java.io.Serializable;

/**
 * A table of numeric features with one target per row: a class index for classification
 * ({@code classes > 0}) or a real value for regression ({@code classes == 0}).
 */
public record Dataset(String name, String[] featureNames, double[][] features, double[] targets, int classes)
        implements Serializable {

    public int rows() {
        return features.length;
    }

    public int columns() {
        return featureNames.length;
    }

    /** The rows at these positions, in this order. */
    public Dataset select(int[] rows) {
        double[][] x = new double[rows.length][];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]].clone();
            y[i] = targets[rows[i]];
        }
        return new Dataset(name, featureNames, x, y, classes);
    }
}
