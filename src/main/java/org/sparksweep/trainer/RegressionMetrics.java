package org.sparksweep.trainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores of real-valued predictions against true targets, on the validation split, in plain Java. */
public final class RegressionMetrics {
    /** Every metric {@link #score} may report; {@code r2} is absent when the targets are all equal. */
    public static final List<String> NAMES = List.of("rmse", "mae", "r2");

    private RegressionMetrics() {}

    /**
     * @return rmse (root of the mean squared error), mae (mean absolute error) and r2 (1 - residual sum of
     *         squares / total sum of squares about the targets' mean; 0 for always predicting that mean)
     */
    public static Map<String, Double> score(double[] predictions, double[] targets) {
        int n = targets.length;
        if (n == 0) throw new IllegalArgumentException("no examples to score");
        if (predictions.length != n) throw new IllegalArgumentException(predictions.length + " predictions for " + n + " targets");
        double mean = 0;
        for (double t : targets) mean += t;
        mean /= n;
        double squared = 0, absolute = 0, total = 0;
        for (int i = 0; i < n; i++) {
            double e = predictions[i] - targets[i];
            squared += e * e;
            absolute += Math.abs(e);
            total += (targets[i] - mean) * (targets[i] - mean);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", Math.sqrt(squared / n));
        m.put("mae", absolute / n);
        if (total > 0) m.put("r2", 1 - squared / total);
        return m;
    }
}
