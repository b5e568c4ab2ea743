package org.sparksweep.trainer.dl4j;

import java.util.HashMap;
import java.util.Map;
import org.sparksweep.data.TrainingData;
import org.sparksweep.plugin.Knob;
import org.sparksweep.trial.Objective;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trainer.TrainingRun;

/** A trainer's defaults with some settings overridden, as the spec reader would merge them. */
final class Settings {
    private Settings() {}

    static Map<String, Object> of(Trainer trainer, Object... overrides) {
        Map<String, Object> s = new HashMap<>();
        for (Knob k : trainer.knobs()) s.put(k.name(), k.defaultValue());
        for (int i = 0; i < overrides.length; i += 2) {
            if (!s.containsKey((String) overrides[i])) throw new IllegalArgumentException(trainer.name() + " has no knob " + overrides[i]);
            s.put((String) overrides[i], overrides[i + 1]);
        }
        return s;
    }

    static TrainingRun run(Trainer trainer, TrainingData data, Objective objective, Object... overrides) {
        return new TrainingRun(of(trainer, overrides), data, 7L, objective);
    }
}
