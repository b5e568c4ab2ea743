package org.sparksweep.data;

import java.io.Serializable;

/**
 * What a data set looks like without its rows: feature names, the shape of one example and the
 * classes. Enough to build a model's configuration (and so predict its size) on the driver before
 * any trial is trained.
 */
public record DataShape(String name, String[] featureNames, int[] shape, int classes, String[] classNames) implements Serializable {

    public static DataShape of(Examples data) {
        return new DataShape(data.name(), data.featureNames(), data.shape(), data.classes(), data.classNames());
    }

    /** A data set of this shape with no rows, for code that takes {@link Examples} only to read its shape. */
    public Examples emptyDataset() {
        return new Examples(name, featureNames, new double[0][], new double[0], classes, shape, classNames);
    }
}
