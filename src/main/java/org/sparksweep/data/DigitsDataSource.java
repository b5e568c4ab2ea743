package org.sparksweep.data;

import java.util.List;
import java.util.Map;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.ValueType;

/**
 * {@code digits}: 1,797 handwritten digits as 8x8 images of 0–16 grey levels (UCI optdigits), ten
 * classes; each example has shape {@code [1, 8, 8]} (one channel), or {@code shape: [8, 8]} to read
 * it as 8 time steps of 8 values.
 */
public final class DigitsDataSource extends BundledCsvSource {
    static final Knob SHAPE = new Knob("shape", ValueType.LONG, "shape of one example: [1, 8, 8] (an image) or [8, 8] (a sequence)",
            List.of(), List.of(1L, 8L, 8L), true);

    public DigitsDataSource() {
        super("digits", null);
    }

    @Override
    public List<Knob> knobs() {
        return List.of(SHAPE);
    }

    @Override
    CsvTable.Layout layout(Map<String, Object> options) {
        int[] shape = Options.ints(options, SHAPE.name());
        return new CsvTable.Layout("digit", List.of(), ',', shape == null ? new int[] {1, 8, 8} : shape, LabelKind.CLASSIFICATION);
    }
}
