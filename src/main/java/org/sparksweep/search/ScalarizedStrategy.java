package org.sparksweep.search;

import java.util.List;
import java.util.OptionalLong;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * A single-objective strategy in a sweep with several objectives or constraints: every result it
 * is told carries the goals' primary value (the first objective, or the scalarization's combined
 * loss) as its objective, and a trial that breaks a constraint is told as SKIPPED_CONSTRAINT (with
 * the value it reached, when it has one), so a model of the objective never learns from an infeasible
 * trial as if it were a good one, and a strategy can learn where the constraints bite.
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
        boolean measured = value != null && Double.isFinite(value);
        if (!goals.feasible(r)) return retold(r, TrialStatus.SKIPPED_CONSTRAINT, measured ? value : null, "breaks a constraint");
        if (!measured) return retold(r, TrialStatus.FAILED, null, "without every objective");
        return retold(r, TrialStatus.COMPLETED, value, null);
    }

    private static TrialResult retold(TrialResult r, TrialStatus status, Double objective, String error) {
        return new TrialResult(r.trialId(), r.index(), r.config(), r.seed(), status, r.metrics(), objective, error, r.startedAt(),
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
