package org.sparksweep.data;

import java.util.List;

/**
 * {@code diabetes}: 442 patients, ten baseline measurements ({@code sex} one-hot encoded as
 * {@code sex=1}, {@code sex=2}), and disease progression after a year as the regression target.
 */
public final class DiabetesDataSource extends BundledCsvSource {
    public DiabetesDataSource() {
        super("diabetes", new CsvTable.Layout("progression", List.of("sex"), ',', null, LabelKind.REGRESSION));
    }
}
