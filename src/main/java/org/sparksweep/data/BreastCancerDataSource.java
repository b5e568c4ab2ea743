package org.sparksweep.data;

import java.util.List;

/**
 * {@code breast_cancer}: 569 tumours, 30 measurements of cell nuclei, diagnosis {@code benign}
 * (class 0) or {@code malignant} (class 1): binary classification.
 */
public final class BreastCancerDataSource extends BundledCsvSource {
    public BreastCancerDataSource() {
        super("breast_cancer", new CsvTable.Layout("diagnosis", List.of(), ',', null, LabelKind.CLASSIFICATION));
    }
}
