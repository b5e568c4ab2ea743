package org.sparksweep.trainer;

import java.util.Map;
import org.sparksweep.data.TrainingData;
import org.sparksweep.trial.Objective;

/**
 * Everything one training run gets: its settings (the model's fixed settings, the trial's
 * hyperparameters and the knobs' defaults, merged and typed), the data, the seed, and how many
 * cores the trial may use.
 *
 * @param data      the train/validation split, or null for trainers that need no data
 * @param objective the sweep's objective, so a trainer can stop early on it; null when there is none
 * @param cpus      cores reserved for this trial (the spec's resources.cpus on a cluster): size thread pools to it
 * @param context   where intermediate metrics go and checkpoints live; {@link TrialContext#NONE} when nobody watches
 */
public record TrainingRun(Map<String, Object> settings, TrainingData data, long seed, Objective objective, int cpus,
        TrialContext context) {

    public TrainingRun {
        context = context == null ? TrialContext.NONE : context;
    }

    /** A run nobody watches (no intermediate reports, no checkpoints). */
    public TrainingRun(Map<String, Object> settings, TrainingData data, long seed, Objective objective, int cpus) {
        this(settings, data, seed, objective, cpus, TrialContext.NONE);
    }

    /** A run on one core. */
    public TrainingRun(Map<String, Object> settings, TrainingData data, long seed, Objective objective) {
        this(settings, data, seed, objective, 1, TrialContext.NONE);
    }

    /** A run on one core with no objective to stop early on. */
    public TrainingRun(Map<String, Object> settings, TrainingData data, long seed) {
        this(settings, data, seed, null, 1, TrialContext.NONE);
    }

    public long getLong(String name) {
        return ((Number) require(name)).longValue();
    }

    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public String getString(String name) {
        return String.valueOf(require(name));
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public boolean has(String name) {
        return settings.get(name) != null;
    }

    private Object require(String name) {
        Object v = settings.get(name);
        if (v == null) throw new IllegalArgumentException("no value for setting '" + name + "'");
        return v;
    }
}
