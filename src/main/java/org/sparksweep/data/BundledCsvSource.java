package org.sparksweep.data;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.sparksweep.plugin.Knob;

/**
 * A small public data set shipped inside the jar ({@code /datasets/NAME.csv}), so it is usable by
 * name offline and on every executor of a cluster; read with the same parser as the {@code csv}
 * source. See {@code datasets/README.md} for sources and licences.
 */
abstract class BundledCsvSource implements DataSource {
    private final String name;
    private final CsvTable.Layout layout;

    BundledCsvSource(String name, CsvTable.Layout layout) {
        this.name = name;
        this.layout = layout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Knob> knobs() {
        return List.of();
    }

    /** The layout for these options (a source with options, such as a shape, overrides this). */
    CsvTable.Layout layout(Map<String, Object> options) {
        return layout;
    }

    @Override
    public Examples load(Map<String, Object> options) throws Exception {
        String resource = "/datasets/" + name + ".csv";
        InputStream in = BundledCsvSource.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException(resource + " is not on the classpath (it ships inside the sparksweep jar)");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return CsvTable.read(name, "bundled " + resource, r, layout(options));
        }
    }
}
