package org.sparksweep.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sparksweep.store.SweepStore;
import org.sparksweep.trainer.TrialContext;
import org.sparksweep.trial.CurvePoint;
import org.sparksweep.trial.TrialCourse;
import org.sparksweep.trial.TrialSchedule;

/**
 * A running trial's side of its schedule, in its task: keeps the learning curve the trainer reports,
 * asks the schedule's stopping rule after each step whether to go on (remembering why not), and
 * names the checkpoint directories on the sweep's storage (its own, and its parent's to continue from).
 */
final class TrialWatch implements TrialContext {
    private final TrialPlan plan;
    private final TrialSchedule schedule;
    private final String trialId;
    private final List<CurvePoint> curve = new ArrayList<>();
    private double best = Double.NaN;
    private String stopReason;

    TrialWatch(TrialPlan plan, String trialId, TrialSchedule schedule) {
        this.plan = plan;
        this.trialId = trialId;
        this.schedule = schedule;
    }

    @Override
    public boolean report(long step, Map<String, Double> metrics) {
        curve.add(new CurvePoint(step, metrics));
        Double value = metrics.get(plan.objective().metric());
        if (value == null || !Double.isFinite(value)) return true; // divergence is the trainer's and the runner's to judge
        if (Double.isNaN(best) || plan.objective().direction().better(value, best)) best = value;
        if (schedule.stoppingRule() == null || stopReason != null) return stopReason == null;
        stopReason = schedule.stoppingRule().stop(step, value, best);
        return stopReason == null;
    }

    @Override
    public boolean everyStep() {
        return schedule.stoppingRule() != null;
    }

    @Override
    public String checkpoint() {
        return schedule.checkpoint() ? directory(trialId) : null;
    }

    @Override
    public String resumeFrom() {
        return schedule.parentTrialId() == null ? null : directory(schedule.parentTrialId());
    }

    private String directory(String trial) {
        return SweepStore.trialCheckpoint(plan.checkpoints(), trial);
    }

    TrialCourse course() {
        return TrialCourse.of(schedule).with(curve, stopReason);
    }
}
