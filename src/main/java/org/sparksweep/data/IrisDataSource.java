package org.sparksweep.data;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sparksweep.plugin.Knob;

/**
 * Fisher's Iris (150 flowers, 4 measurements, 3 species; UCI Machine Learning Repository), read
 * offline from the copy bundled inside deeplearning4j-core ({@code /iris.dat}).
 */
public final class IrisDataSource implements DataSource {
    static final String RESOURCE = "/iris.dat";

    @Override
    public String name() {
        return "iris";
    }

    @Override
    public List<Knob> knobs() {
        return List.of();
    }

    @Override
    public Examples load(Map<String, Object> options) throws Exception {
        InputStream in = IrisDataSource.class.getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException(RESOURCE + " is not on the classpath (it ships in deeplearning4j-core)");
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                x.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
                y.add(Double.parseDouble(f[4]));
            }
        }
        double[] targets = y.stream().mapToDouble(Double::doubleValue).toArray();
        return new Examples("iris", new String[] {"sepal_length", "sepal_width", "petal_length", "petal_width"},
                x.toArray(new double[0][]), targets, 3);
    }
}
