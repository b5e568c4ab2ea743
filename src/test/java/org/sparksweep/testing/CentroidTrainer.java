package org.sparksweep.testing;

import java.util.List;
import java.util.Map;
import org.sparksweep.data.Examples;
import org.sparksweep.plugin.Knob;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trainer.TrainingRun;

/**
 * A nearest-centroid classifier: deterministic, instant, and it reads real data, so sweeps over
 * data sources, splits and folds can be tested end to end without a neural network. Reports
 * validation {@code accuracy} and the sizes of the splits it was given.
 */
public final class CentroidTrainer implements Trainer {

    @Override
    public String name() {
        return "test-centroid";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(Knob.oneOf("distance", List.of("euclidean", "manhattan"), "euclidean", "distance to the class centroids"));
    }

    @Override
    public List<String> metrics() {
        return List.of("accuracy", "train_rows", "validation_rows");
    }

    @Override
    public boolean needsData() {
        return true;
    }

    @Override
    public Map<String, Double> train(TrainingRun run) {
        Examples train = run.data().train();
        Examples validation = run.data().validation();
        int k = train.classes(), c = train.columns();
        double[][] centroids = new double[k][c];
        int[] counts = new int[k];
        for (int i = 0; i < train.rows(); i++) {
            int y = (int) train.targets()[i];
            counts[y]++;
            for (int j = 0; j < c; j++) centroids[y][j] += train.features()[i][j];
        }
        for (int y = 0; y < k; y++) for (int j = 0; j < c; j++) centroids[y][j] /= counts[y];
        boolean manhattan = run.getString("distance").equals("manhattan");
        int correct = 0;
        for (int i = 0; i < validation.rows(); i++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int y = 0; y < k; y++) {
                double d = 0;
                for (int j = 0; j < c; j++) {
                    double diff = validation.features()[i][j] - centroids[y][j];
                    d += manhattan ? Math.abs(diff) : diff * diff;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = y;
                }
            }
            if (best == (int) validation.targets()[i]) correct++;
        }
        return Map.of("accuracy", (double) correct / validation.rows(), "train_rows", (double) train.rows(),
                "validation_rows", (double) validation.rows());
    }
}
