package org.sparksweep.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fold aggregation against values worked out by hand. */
class FoldScoresTest {

    @Test
    void meanAndPopulationStdAcrossFolds() {
        // accuracy 0.8, 0.9, 1.0: mean 0.9; deviations -0.1, 0, 0.1 -> variance 0.02 / 3 -> std 0.0816497
        // rmse 2, 4, 9: mean 5; deviations -3, -1, 4 -> variance 26 / 3 -> std 2.9439203
        List<Map<String, Double>> folds = List.of(
                Map.of("accuracy", 0.8, "rmse", 2.0, "only_first", 1.0),
                Map.of("accuracy", 0.9, "rmse", 4.0),
                Map.of("accuracy", 1.0, "rmse", 9.0));
        Map<String, Double> mean = FoldScores.mean(folds);
        assertEquals(0.9, mean.get("accuracy"), 1e-12);
        assertEquals(5.0, mean.get("rmse"), 1e-12);
        assertEquals(2, mean.size(), "a metric some fold did not report has no mean");
        assertEquals(Math.sqrt(0.02 / 3), FoldScores.std(folds, "accuracy"), 1e-12);
        assertEquals(0.0816496580927726, FoldScores.std(folds, "accuracy"), 1e-12);
        assertEquals(2.943920288775949, FoldScores.std(folds, "rmse"), 1e-12);
        assertEquals(List.of(2.0, 4.0, 9.0), FoldScores.list(folds, "rmse"));
        assertNull(FoldScores.std(folds, "only_first"));
        assertNull(FoldScores.list(List.of(), "rmse"));
        assertEquals(Map.of(), FoldScores.mean(List.of()));
    }
}
