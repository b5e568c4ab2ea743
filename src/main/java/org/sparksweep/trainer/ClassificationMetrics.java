package org.sparksweep.trainer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of predicted class probabilities against true classes, on the validation split, in plain
 * Java so each can be checked by hand. Macro averages are taken over the classes that occur in the
 * true or the predicted labels (as scikit-learn does); a class that is never predicted has precision 0.
 */
public final class ClassificationMetrics {
    /** Every metric {@link #score} may report; {@code roc_auc} only for two classes with both present. */
    public static final List<String> NAMES = List.of("accuracy", "f1_macro", "precision_macro", "recall_macro", "roc_auc", "log_loss");

    private static final double EPS = 1e-15;

    private ClassificationMetrics() {}

    /**
     * @param probabilities one row per example, one column per class
     * @param labels        the true class index of each example
     * @return accuracy; f1_macro, precision_macro, recall_macro (unweighted means over the classes that
     *         occur in the true or predicted labels); log_loss (mean negative log-probability of the true
     *         class, clipped at 1e-15); roc_auc for two classes when both occur (rank-based, ties count half)
     */
    public static Map<String, Double> score(double[][] probabilities, int[] labels, int classes) {
        int n = labels.length;
        if (n == 0) throw new IllegalArgumentException("no examples to score");
        if (probabilities.length != n) {
            throw new IllegalArgumentException(probabilities.length + " predictions for " + n + " labels");
        }
        int[] tp = new int[classes], fp = new int[classes], fn = new int[classes];
        int correct = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            int predicted = argmax(probabilities[i]);
            int actual = labels[i];
            if (actual < 0 || actual >= classes) {
                throw new IllegalArgumentException("label " + actual + " of example " + i + " is not a class in [0, " + classes + ")");
            }
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
        double f1Sum = 0, precisionSum = 0, recallSum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            int denominator = 2 * tp[c] + fp[c] + fn[c];
            if (denominator == 0) continue; // neither true nor predicted anywhere
            present++;
            f1Sum += 2.0 * tp[c] / denominator;
            precisionSum += tp[c] + fp[c] == 0 ? 0 : (double) tp[c] / (tp[c] + fp[c]);
            recallSum += tp[c] + fn[c] == 0 ? 0 : (double) tp[c] / (tp[c] + fn[c]);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", (double) correct / n);
        m.put("f1_macro", f1Sum / present);
        m.put("precision_macro", precisionSum / present);
        m.put("recall_macro", recallSum / present);
        if (classes == 2) {
            double[] positiveScores = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                positiveScores[i] = probabilities[i][1];
                positive[i] = labels[i] == 1;
            }
            Double auc = rocAuc(positiveScores, positive);
            if (auc != null) m.put("roc_auc", auc);
        }
        m.put("log_loss", logLoss / n);
        return m;
    }

    /**
     * Area under the ROC curve as the Mann-Whitney statistic: the probability that a random positive
     * scores above a random negative, a tie counting one half (tied scores share their mean rank).
     *
     * @return null when all examples are of one class (the area is then undefined)
     */
    public static Double rocAuc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) end++;
            double meanRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += meanRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return null;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
        return best;
    }
}
