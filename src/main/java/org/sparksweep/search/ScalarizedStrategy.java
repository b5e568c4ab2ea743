package org.sparksweep.search;

import java.util.List;
import java.util.OptionalLong;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * A single-objective strategy in a sweep with several objectives or constraints: every result it
 * is told carries the goals' primary value (the first objective, or the scalarization's combined
 * loss) as its objective, and a trial that breaks a constraint is told as not completed, so a model
 * of the objective never learns from an infeasible trial as if it were a good one.
 */
final class ScalarizedStrategy implements Strategy {
    private final Strategy inner;
    private final Goals goals;

    ScalarizedStrategy(Strategy inner, Goals goals) {
        this.inner = inner;
        this.goals = goals;
    }

    @Override
    public Proposal ask(int max) {
        return inner.ask(max);
    }

    @Override
    public void tell(TrialResult r) {
        inner.tell(scalarized(r));
    }

    @Override
    public void learn(TrialResult r) {
        inner.learn(scalarized(r));
    }

    @Override
    public void resume(List<TrialResult> recorded) {
        inner.resume(recorded.stream().map(this::scalarized).toList());
    }

    private TrialResult scalarized(TrialResult r) {
        if (r.status() != TrialStatus.COMPLETED) return r;
        Double value = goals.primaryValue(r.metrics());
        boolean usable = value != null && Double.isFinite(value) && goals.feasible(r);
        return new TrialResult(r.trialId(), r.index(), r.config(), r.seed(), usable ? TrialStatus.COMPLETED : TrialStatus.FAILED,
                r.metrics(), usable ? value : null, usable ? null : "infeasible or without every objective", r.startedAt(),
                r.finishedAt(), r.trainSeconds(), r.executorHost(), r.executorId(), r.folds(), r.executorPid());
    }

    @Override
    public OptionalLong plannedTrials() {
        return inner.plannedTrials();
    }

    @Override
    public boolean adaptive() {
        return inner.adaptive();
    }

    @Override
    public IndexDecoder decoder() {
        return inner.decoder();
    }
}
