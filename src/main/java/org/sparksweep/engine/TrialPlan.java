package org.sparksweep.engine;

import java.io.Serializable;
import java.util.Map;
import org.sparksweep.data.DataSpec;
import org.sparksweep.search.IndexDecoder;
import org.sparksweep.trial.Objective;
import org.sparksweep.spec.Resources;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.LeaderboardSchema;
import org.sparksweep.store.TrialJournal;

/**
 * What every trial task of a sweep needs, shipped once with each task: small and free of the
 * search space's points (trials are decoded from their index on the executor), plus where and in
 * which columns a task records its trial.
 */
public record TrialPlan(
        String sweep,
        long seed,
        IndexDecoder decoder,
        String trainer,
        Map<String, Object> settings,
        DataSpec data,
        Objective objective,
        Resources resources,
        Double trialTimeoutSeconds,
        LeaderboardSchema records,
        TrialJournal journal) implements Serializable {

    /** The same plan with another decoder (an adaptive strategy's snapshot of its latest proposals). */
    public TrialPlan withDecoder(IndexDecoder other) {
        return new TrialPlan(sweep, seed, other, trainer, settings, data, objective, resources, trialTimeoutSeconds, records, journal);
    }

    public static TrialPlan of(SweepSpec spec, IndexDecoder decoder) {
        return of(spec, decoder, null);
    }

    /** @param journal where each task records its trial before reporting it; null for none */
    public static TrialPlan of(SweepSpec spec, IndexDecoder decoder, TrialJournal journal) {
        return new TrialPlan(spec.name(), spec.search().seed(), decoder, spec.model().trainer(),
                spec.model().settings(), spec.data(), spec.objective(), spec.resources(), spec.limits().trialTimeoutSeconds(),
                journal == null ? null : new LeaderboardSchema(spec), journal);
    }
}
