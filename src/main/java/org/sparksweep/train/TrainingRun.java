package org.sparksweep.train;

import java.util.Map;
import org.sparksweep.data.TrainingData;
import org.sparksweep.spec.Objective;

/**
 * Everything one training run gets: its settings (the model's fixed settings, the trial's
 * hyperparameters and the knobs' defaults, merged and typed), the data and the seed.
 *
 * @param data      the train/validation split, or null for trainers that need no data
 * @param objective the sweep's objective, so a trainer can stop early on it; null when there is none
 */
public record TrainingRun(Map<String, Object> settings, TrainingData data, long seed, Objective objective) {

    public TrainingRun(Map<String, Object> settings, TrainingData data, long seed) {
        this(settings, data, seed, null);
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
