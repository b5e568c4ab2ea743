package org.sparksweep.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** Scores of predicted class probabilities against true classes, in plain Java so they can be checked by hand. */
public final class ClassificationMetrics {
    private static final double EPS = 1e-15;

    private ClassificationMetrics() {}

    /**
     * @param probabilities one row per example, one column per class
     * @param labels        the true class index of each example
     * @return accuracy, f1_macro (mean over classes of per-class F1; a class with no true and no predicted
     *         examples is left out) and log_loss (mean negative log-probability of the true class, clipped at 1e-15)
     */
    public static Map<String, Double> score(double[][] probabilities, int[] labels, int classes) {
        int n = labels.length;
        int[] tp = new int[classes], fp = new int[classes], fn = new int[classes];
        int correct = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            int predicted = argmax(probabilities[i]);
            int actual = labels[i];
            if (predicted == actual) {
                correct++;
                tp[actual]++;
            } else {
                fp[predicted]++;
                fn[actual]++;
            }
            double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i][actual]));
            logLoss -= Math.log(p);
        }
        double f1Sum = 0;
        int f1Classes = 0;
        for (int c = 0; c < classes; c++) {
            int denominator = 2 * tp[c] + fp[c] + fn[c];
            if (denominator == 0) continue;
            f1Sum += 2.0 * tp[c] / denominator;
            f1Classes++;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", (double) correct / n);
        m.put("f1_macro", f1Classes == 0 ? 0.0 : f1Sum / f1Classes);
        m.put("log_loss", logLoss / n);
        return m;
    }

    static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
        return best;
    }
}
