package org.sparksweep.engine;

import java.io.Serializable;
import java.util.Map;
import org.sparksweep.data.DataSpec;
import org.sparksweep.search.IndexDecoder;
import org.sparksweep.trial.Objective;
import org.sparksweep.spec.Resources;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.LeaderboardSchema;
import org.sparksweep.store.RowProvenance;
import org.sparksweep.store.SweepStore;
import org.sparksweep.store.TrialJournal;
import org.sparksweep.trainer.Trainers;

/**
 * What every trial task of a sweep needs, shipped once with each task: small and free of the
 * search space's points (trials are decoded from their index on the executor), plus where and in
 * which columns a task records its trial, and where trials keep the checkpoints successive halving continues from
 * ({@code checkpoints}: a trial's is {@code checkpoints/trial=ID}).
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
        TrialJournal journal,
        String checkpoints) implements Serializable {

    /** The same plan with another decoder (an adaptive strategy's snapshot of its latest proposals). */
    public TrialPlan withDecoder(IndexDecoder other) {
        return new TrialPlan(sweep, seed, other, trainer, settings, data, objective, resources, trialTimeoutSeconds, records, journal, checkpoints);
    }

    /** The columns of a sweep's trial records: its trainer's metrics, its space's parameters and how its trials were made. */
    public static LeaderboardSchema recordSchema(SweepSpec spec) {
        return new LeaderboardSchema(Trainers.get(spec.model().trainer()).metrics(), spec.space().parameters(),
                spec.data() != null && spec.data().crossValidated(),
                new RowProvenance(spec.model().trainer(), spec.search().strategy(), spec.objective(), spec.specHash()));
    }

    public static TrialPlan of(SweepSpec spec, IndexDecoder decoder) {
        return of(spec, decoder, null);
    }

    /** @param journal where each task records its trial before reporting it; null for none */
    public static TrialPlan of(SweepSpec spec, IndexDecoder decoder, TrialJournal journal) {
        return new TrialPlan(spec.name(), spec.search().seed(), decoder, spec.model().trainer(),
                spec.model().settings(), spec.data(), spec.objective(), spec.resources(), spec.limits().trialTimeoutSeconds(),
                journal == null ? null : recordSchema(spec), journal, SweepStore.at(spec.output()).checkpoints(spec.name()));
    }
}
