package org.sparksweep.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of a cross-validated trial summarised across its folds: the mean of each metric
 * (what the leaderboard's {@code metric_*} columns and the objective hold), its population standard
 * deviation (as scikit-learn's {@code std_test_score}), and the per-fold values in fold order.
 * A metric counts only when every fold reported it.
 */
public final class FoldScores {
    private FoldScores() {}

    /** The mean of every metric all folds reported; empty without folds. */
    public static Map<String, Double> mean(List<Map<String, Double>> folds) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (folds.isEmpty()) return out;
        for (String m : folds.get(0).keySet()) {
            double[] v = values(folds, m);
            if (v != null) out.put(m, mean(v));
        }
        return out;
    }

    /** The population standard deviation of a metric across folds; null when a fold lacks it or there are no folds. */
    public static Double std(List<Map<String, Double>> folds, String metric) {
        double[] v = values(folds, metric);
        if (v == null) return null;
        double mean = mean(v), sum = 0;
        for (double x : v) sum += (x - mean) * (x - mean);
        return Math.sqrt(sum / v.length);
    }

    /** A metric's value in each fold, in fold order; null when a fold lacks it or there are no folds. */
    public static double[] values(List<Map<String, Double>> folds, String metric) {
        if (folds.isEmpty()) return null;
        double[] v = new double[folds.size()];
        for (int i = 0; i < v.length; i++) {
            Double x = folds.get(i).get(metric);
            if (x == null) return null;
            v[i] = x;
        }
        return v;
    }

    /** {@link #values} as a list (null when absent), the form a leaderboard array column takes. */
    public static List<Double> list(List<Map<String, Double>> folds, String metric) {
        double[] v = values(folds, metric);
        if (v == null) return null;
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) out.add(x);
        return out;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) sum += x;
        return sum / v.length;
    }
}
