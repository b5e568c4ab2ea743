package org.sparksweep.engine;

import java.io.Serializable;
import java.util.Map;
import org.sparksweep.data.DataSpec;
import org.sparksweep.search.IndexDecoder;
import org.sparksweep.spec.Objective;
import org.sparksweep.spec.Resources;
import org.sparksweep.spec.SweepSpec;

/**
 * What every trial task of a sweep needs, shipped once with each task: small and free of the
 * search space's points (trials are decoded from their index on the executor).
 */
public record TrialPlan(
        String sweep,
        long seed,
        IndexDecoder decoder,
        String trainer,
        Map<String, Object> settings,
        DataSpec data,
        Objective objective,
        Resources resources) implements Serializable {

    public static TrialPlan of(SweepSpec spec, IndexDecoder decoder) {
        return new TrialPlan(spec.name(), spec.search().seed(), decoder, spec.model().trainer(),
                spec.model().settings(), spec.data(), spec.objective(), spec.resources());
    }
}
