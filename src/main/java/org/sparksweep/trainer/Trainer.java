package org.sparksweep.trainer;

import org.sparksweep.data.DataShape;
import org.sparksweep.plugin.Knob;
import java.util.List;
import java.util.Map;

/**
 * Trains and scores one model for one trial. Implementations are found with
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/org.sparksweep.trainer.Trainer});
 * the built-in ones register the same way, and the spec names a trainer only by {@link #name()}.
 * A trainer is created once per JVM and may be called from several task threads at once.
 */
public interface Trainer {

    /** The name a spec uses in {@code model.trainer}. */
    String name();

    /** Every setting and hyperparameter it reads. */
    List<Knob> knobs();

    /** Names of the metrics {@link #train} reports, any of which can be the objective. */
    List<String> metrics();

    /** Whether the spec must name a data set. */
    boolean needsData();

    /**
     * Trains and scores. Throwing marks the trial FAILED with the message; throwing
     * {@link DivergedException}, or reporting a NaN/infinite objective, marks it DIVERGED.
     */
    Map<String, Double> train(TrainingRun run) throws Exception;

    /**
     * The metrics {@link #predict} computes from a config alone, without training (e.g. a network's
     * {@code param_count}); constraints on them are checked on the driver before a trial is dispatched.
     */
    default List<String> predicted() {
        return List.of();
    }

    /**
     * Predicts the {@link #predicted()} metrics for these settings (the model's settings and the trial's
     * hyperparameters, merged) and data of this shape (null when the trainer needs no data), cheaply and
     * on the driver: no training, no parameter initialisation. Throwing means "cannot tell": the trial runs.
     */
    default Map<String, Double> predict(Map<String, Object> settings, DataShape shape) throws Exception {
        return Map.of();
    }
}
