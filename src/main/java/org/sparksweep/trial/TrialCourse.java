package org.sparksweep.trial;

import java.io.Serializable;
import java.util.List;

/**
 * How far a trial went: its rung and budget under successive halving, the trial it continued from,
 * the learning curve its trainer reported step by step, and why it stopped before its budget.
 *
 * @param rung          successive-halving rung, null outside successive halving
 * @param budget        the budget it trained up to (e.g. epochs), null when the trainer's own setting decided
 * @param parentTrialId the trial whose checkpoint it continued from; null when it started from scratch
 * @param curve         the intermediate reports in step order; empty when the trainer reports none
 * @param stopReason    why it stopped early (a stopping rule's reason); null when it ran to its end
 */
public record TrialCourse(Integer rung, Long budget, String parentTrialId, List<CurvePoint> curve, String stopReason)
        implements Serializable {

    public static final TrialCourse NONE = new TrialCourse(null, null, null, List.of(), null);

    public TrialCourse {
        curve = curve == null ? List.of() : List.copyOf(curve);
    }

    /** The course a trial begins with under its schedule, before it reports. */
    public static TrialCourse of(TrialSchedule schedule) {
        return new TrialCourse(schedule.rung(), schedule.budget(), schedule.parentTrialId(), List.of(), null);
    }

    public TrialCourse with(List<CurvePoint> curve, String stopReason) {
        return new TrialCourse(rung, budget, parentTrialId, curve, stopReason);
    }
}
