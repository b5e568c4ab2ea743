package org.sparksweep.train;

import org.sparksweep.plugin.Knob;
import java.util.List;
import java.util.Map;

/**
 * Trains and scores one model for one trial. Implementations are found with
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/org.sparksweep.train.Trainer});
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
}
