package org.sparksweep.trainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sparksweep.data.TrainingData;
import org.sparksweep.trial.FoldScores;

/**
 * Trains one trial's configuration on its splits: once on the training/validation split, or, with
 * {@code data.folds: k}, once per fold (each validating on its own fold, with features standardised
 * on the other folds), the trial's metrics then being the means across folds.
 */
public final class CrossValidation {
    private CrossValidation() {}

    /**
     * @param metrics the trial's metrics (the fold means when cross-validated)
     * @param folds   each fold's metrics in fold order; empty without cross-validation
     */
    public record Outcome(Map<String, Double> metrics, List<Map<String, Double>> folds) {}

    /**
     * @param splits the data's splits (one, or one per fold), or null for a trainer that reads no data
     * @param run    the training run on one split (the same settings and seed for every fold)
     */
    public static Outcome train(Trainer trainer, List<TrainingData> splits, Function<TrainingData, TrainingRun> run) throws Exception {
        if (splits == null || splits.size() == 1) {
            return new Outcome(reported(trainer.train(run.apply(splits == null ? null : splits.get(0)))), List.of());
        }
        List<Map<String, Double>> folds = new ArrayList<>();
        for (TrainingData fold : splits) folds.add(reported(trainer.train(run.apply(fold))));
        return new Outcome(FoldScores.mean(folds), folds);
    }

    /** The metrics with a value; a trainer may report null for one it could not compute. */
    private static Map<String, Double> reported(Map<String, Double> metrics) {
        Map<String, Double> out = new HashMap<>();
        if (metrics != null) metrics.forEach((k, v) -> {
            if (k != null && v != null) out.put(k, v);
        });
        return out;
    }
}
