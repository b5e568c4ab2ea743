package org.sparksweep.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression scores rank regression sweeps, so they are checked against values worked out by hand. */
class RegressionMetricsTest {

    /*
     * targets 1, 5, 6 (mean 4); predictions 2, 4, 7; errors +1, -1, +1
     * rmse = sqrt(3/3) = 1; mae = 3/3 = 1
     * total sum of squares = 9 + 1 + 4 = 14; residual = 3; r2 = 1 - 3/14 = 11/14
     */
    @Test
    void smallExampleMatchesHandComputation() {
        Map<String, Double> m = RegressionMetrics.score(new double[] {2, 4, 7}, new double[] {1, 5, 6});
        assertEquals(1.0, m.get("rmse"), 1e-15);
        assertEquals(1.0, m.get("mae"), 1e-15);
        assertEquals(11.0 / 14, m.get("r2"), 1e-15);
    }

    /* errors 0, 0, -3, 1: rmse = sqrt(10/4); mae = 4/4 = 1 */
    @Test
    void rmseWeighsLargeErrorsMoreThanMae() {
        Map<String, Double> m = RegressionMetrics.score(new double[] {0, 0, 0, 4}, new double[] {0, 0, 3, 3});
        assertEquals(Math.sqrt(2.5), m.get("rmse"), 1e-15);
        assertEquals(1.0, m.get("mae"), 1e-15);
        // mean 1.5, total = 2.25 * 4 = 9, residual 10: worse than the mean predictor
        assertEquals(1 - 10.0 / 9, m.get("r2"), 1e-15);
    }

    @Test
    void predictingTheMeanScoresR2OfZeroAndPerfectPredictionsOne() {
        double[] targets = {3, -1, 4, 1, 5};
        double mean = 12.0 / 5;
        Map<String, Double> meanPredictor = RegressionMetrics.score(new double[] {mean, mean, mean, mean, mean}, targets);
        assertEquals(0.0, meanPredictor.get("r2"), 1e-15);
        Map<String, Double> perfect = RegressionMetrics.score(targets.clone(), targets);
        assertEquals(1.0, perfect.get("r2"), 0.0);
        assertEquals(0.0, perfect.get("rmse"), 0.0);
        assertEquals(0.0, perfect.get("mae"), 0.0);
    }

    @Test
    void r2IsAbsentWhenTheTargetsDoNotVary() {
        Map<String, Double> m = RegressionMetrics.score(new double[] {1, 3}, new double[] {2, 2});
        assertFalse(m.containsKey("r2"), "R² is undefined without variance in the targets");
        assertEquals(1.0, m.get("rmse"), 1e-15);
    }
}
