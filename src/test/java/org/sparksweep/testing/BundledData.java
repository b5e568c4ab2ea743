package org.sparksweep.testing;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sparksweep.data.Examples;
import org.sparksweep.data.TrainingData;

/**
 * The bundled data sets ({@code src/main/resources/datasets}) as {@link Examples} for trainer tests,
 * read directly so those tests need no data source; the first {@code rows} rows only, to stay fast.
 */
public final class BundledData {
    private BundledData() {}

    /** 8x8 digit images, 10 classes, each example shaped as given ({@code [1, 8, 8]}, {@code [8, 8]} or {@code [64]}). */
    public static TrainingData digits(int rows, int... shape) {
        return TrainingData.split(read("digits", rows, 10, shape, null), 0.3, 42);
    }

    /** Disease progression from ten baseline measurements: regression. */
    public static TrainingData diabetes(int rows) {
        return TrainingData.split(read("diabetes", rows, 0, new int[] {10}, null), 0.3, 42);
    }

    /** Benign (0) or malignant (1) tumours from 30 measurements: binary classification. */
    public static TrainingData breastCancer(int rows) {
        return TrainingData.split(read("breast_cancer", rows, 2, new int[] {30}, List.of("benign", "malignant")), 0.3, 42);
    }

    private static Examples read(String name, int rows, int classes, int[] shape, List<String> labelNames) {
        String resource = "/datasets/" + name + ".csv";
        try (InputStream in = BundledData.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split(",");
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null && x.size() < rows) {
                String[] f = line.split(",");
                double[] row = new double[f.length - 1];
                for (int j = 0; j < row.length; j++) row[j] = Double.parseDouble(f[j]);
                x.add(row);
                String label = f[f.length - 1];
                y.add(labelNames == null ? Double.parseDouble(label) : labelNames.indexOf(label));
            }
            return new Examples(name, Arrays.copyOf(header, header.length - 1), x.toArray(new double[0][]),
                    y.stream().mapToDouble(Double::doubleValue).toArray(), classes, shape);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
