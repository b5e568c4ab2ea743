package org.sparksweep.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics become objectives that sweeps rank by, so they are checked against values worked out by hand. */
class ClassificationMetricsTest {

    /*
     * Six examples, three classes; class 2 is never predicted.
     *
     *   true  probabilities        argmax  p(true class)
     *   0     0.8   0.1   0.1      0       0.8
     *   0     0.5   0.25  0.25     0       0.5
     *   0     0.25  0.5   0.25     1       0.25
     *   1     0.2   0.7   0.1      1       0.7
     *   1     0.6   0.4   0.0      0       0.4
     *   2     0.0   1.0   0.0      1       0 -> clipped to 1e-15
     *
     * Confusion matrix (rows true, columns predicted):
     *   [2 1 0]
     *   [1 1 0]
     *   [0 1 0]
     * accuracy = 3/6 = 0.5
     * class 0: tp 2, fp 1, fn 1 -> F1 = 4/6 = 2/3
     * class 1: tp 1, fp 2, fn 1 -> F1 = 2/5
     * class 2: tp 0, fp 0, fn 1 -> F1 = 0
     * macro F1 = (2/3 + 2/5 + 0) / 3 = 16/45 = 0.355556
     * precision: class 0 2/3, class 1 1/3, class 2 0 (never predicted) -> macro 1/3
     * recall:    class 0 2/3, class 1 1/2, class 2 0                    -> macro (2/3 + 1/2) / 3 = 7/18
     * log loss = (-ln 0.8 - ln 0.5 - ln 0.25 - ln 0.7 - ln 0.4 + 15 ln 10) / 6
     *          = (-ln 0.028 + 34.538776) / 6 = (3.575551 + 34.538776) / 6 = 6.352388
     */
    private static final double[][] PROBABILITIES = {
            {0.8, 0.1, 0.1},
            {0.5, 0.25, 0.25},
            {0.25, 0.5, 0.25},
            {0.2, 0.7, 0.1},
            {0.6, 0.4, 0.0},
            {0.0, 1.0, 0.0},
    };
    private static final int[] LABELS = {0, 0, 0, 1, 1, 2};

    @Test
    void threeClassExampleMatchesHandComputation() {
        Map<String, Double> m = ClassificationMetrics.score(PROBABILITIES, LABELS, 3);
        assertEquals(0.5, m.get("accuracy"), 1e-15);
        assertEquals(16.0 / 45, m.get("f1_macro"), 1e-12);
        assertEquals(0.355556, m.get("f1_macro"), 1e-6);
        assertEquals(1.0 / 3, m.get("precision_macro"), 1e-12);
        assertEquals(7.0 / 18, m.get("recall_macro"), 1e-12);
        assertFalse(m.containsKey("roc_auc"), "ROC AUC is reported for two classes only");
        double expectedLogLoss = (-Math.log(0.8) - Math.log(0.5) - Math.log(0.25) - Math.log(0.7) - Math.log(0.4)
                - Math.log(1e-15)) / 6;
        assertEquals(expectedLogLoss, m.get("log_loss"), 1e-12);
        assertEquals(6.352388, m.get("log_loss"), 1e-6);
    }

    @Test
    void classWithNoTrueAndNoPredictedExamplesIsLeftOutOfMacroF1() {
        double[][] fourColumns = new double[PROBABILITIES.length][];
        for (int i = 0; i < PROBABILITIES.length; i++) fourColumns[i] = java.util.Arrays.copyOf(PROBABILITIES[i], 4);
        Map<String, Double> m = ClassificationMetrics.score(fourColumns, LABELS, 4);
        // class 3 has tp = fp = fn = 0, so the mean is still over classes 0..2
        assertEquals(16.0 / 45, m.get("f1_macro"), 1e-12);
        assertEquals(0.5, m.get("accuracy"), 1e-15);
    }

    @Test
    void confidentCorrectPredictionsScorePerfectly() {
        double[][] p = {{1, 0}, {0, 1}, {1, 0}};
        Map<String, Double> m = ClassificationMetrics.score(p, new int[] {0, 1, 0}, 2);
        assertEquals(1.0, m.get("accuracy"), 0.0);
        assertEquals(1.0, m.get("f1_macro"), 0.0);
        // p = 1 is clipped to 1 - 1e-15, so the loss is about 1e-15 rather than exactly 0
        assertEquals(0.0, m.get("log_loss"), 1e-14);
    }

    @Test
    void confidentWrongPredictionCostsTheClippedLogLoss() {
        Map<String, Double> m = ClassificationMetrics.score(new double[][] {{0, 1}}, new int[] {0}, 2);
        assertEquals(0.0, m.get("accuracy"), 0.0);
        assertEquals(0.0, m.get("f1_macro"), 0.0);
        assertEquals(15 * Math.log(10), m.get("log_loss"), 1e-9);
    }

    /*
     * Binary, with tied scores. Positives score 0.35, 0.8, 0.4; negatives 0.1, 0.4.
     * Pairs (positive, negative): (0.35, 0.1) 1, (0.35, 0.4) 0, (0.8, 0.1) 1, (0.8, 0.4) 1,
     * (0.4, 0.1) 1, (0.4, 0.4) a tie, 1/2  -> AUC = 4.5 / 6 = 0.75
     */
    @Test
    void rocAucCountsTiedPairsAsOneHalf() {
        double[][] p = {{0.9, 0.1}, {0.6, 0.4}, {0.65, 0.35}, {0.2, 0.8}, {0.6, 0.4}};
        int[] labels = {0, 0, 1, 1, 1};
        Map<String, Double> m = ClassificationMetrics.score(p, labels, 2);
        assertEquals(0.75, m.get("roc_auc"), 1e-15);
        // thresholded at 0.5 only 0.8 is called positive: class 1 precision 1, recall 1/3; class 0 precision 2/4, recall 1
        assertEquals((0.5 + 1) / 2, m.get("precision_macro"), 1e-15);
        assertEquals((1 + 1.0 / 3) / 2, m.get("recall_macro"), 1e-15);
    }

    @Test
    void rocAucIsOneForAPerfectRankingZeroForAnInvertedOneAndOneHalfForConstantScores() {
        boolean[] positive = {false, true, false, true};
        assertEquals(1.0, ClassificationMetrics.rocAuc(new double[] {0.1, 0.9, 0.2, 0.7}, positive), 0.0);
        assertEquals(0.0, ClassificationMetrics.rocAuc(new double[] {0.9, 0.1, 0.7, 0.2}, positive), 0.0);
        assertEquals(0.5, ClassificationMetrics.rocAuc(new double[] {0.3, 0.3, 0.3, 0.3}, positive), 0.0);
    }

    @Test
    void rocAucIsAbsentWhenTheValidationSplitHasOneClass() {
        assertNull(ClassificationMetrics.rocAuc(new double[] {0.2, 0.8}, new boolean[] {true, true}));
        Map<String, Double> m = ClassificationMetrics.score(new double[][] {{0.3, 0.7}, {0.4, 0.6}}, new int[] {1, 1}, 2);
        assertFalse(m.containsKey("roc_auc"));
        assertEquals(1.0, m.get("accuracy"), 0.0);
    }
}
