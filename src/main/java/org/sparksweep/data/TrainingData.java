package org.sparksweep.data;

/**
 * A data set split for training and scoring, with features standardised by statistics of the
 * training split only (so nothing about the validation rows leaks into training).
 */
public record TrainingData(Dataset train, Dataset validation) {

    /**
     * Splits by a seeded shuffle and standardises.
     *
     * @param validationFraction share of rows held out for validation, in (0, 1)
     */
    public static TrainingData split(Dataset all, double validationFraction, long seed) {
        int n = all.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int validationRows = (int) Math.round(n * validationFraction);
        if (validationRows < 1 || validationRows >= n) {
            throw new IllegalArgumentException("validationFraction " + validationFraction + " of " + n
                    + " rows leaves an empty training or validation split");
        }
        Dataset validation = all.select(java.util.Arrays.copyOfRange(order, 0, validationRows));
        Dataset train = all.select(java.util.Arrays.copyOfRange(order, validationRows, n));
        Standardizer s = Standardizer.fit(train);
        return new TrainingData(s.apply(train), s.apply(validation));
    }

    /** Per-column mean and standard deviation of a training split. */
    record Standardizer(double[] mean, double[] std) {
        static Standardizer fit(Dataset d) {
            int c = d.columns();
            double[] mean = new double[c], std = new double[c];
            for (double[] row : d.features()) for (int j = 0; j < c; j++) mean[j] += row[j];
            for (int j = 0; j < c; j++) mean[j] /= d.rows();
            for (double[] row : d.features()) for (int j = 0; j < c; j++) std[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            for (int j = 0; j < c; j++) {
                std[j] = Math.sqrt(std[j] / d.rows());
                if (std[j] == 0) std[j] = 1; // a constant column stays constant (0) instead of NaN
            }
            return new Standardizer(mean, std);
        }

        Dataset apply(Dataset d) {
            double[][] x = new double[d.rows()][];
            for (int i = 0; i < d.rows(); i++) {
                double[] row = d.features()[i];
                double[] out = new double[row.length];
                for (int j = 0; j < row.length; j++) out[j] = (row[j] - mean[j]) / std[j];
                x[i] = out;
            }
            return new Dataset(d.name(), d.featureNames(), x, d.targets(), d.classes(), d.shape());
        }
    }
}
