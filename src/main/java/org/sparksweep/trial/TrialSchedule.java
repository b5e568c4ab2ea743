package org.sparksweep.trial;

import java.io.Serializable;

/**
 * What a trial runs under besides its config, as its strategy decided on the driver: its rung and
 * budget in successive halving, the trial whose checkpoint it continues from, whether it keeps a
 * checkpoint of its own for a later promotion, and a rule that may stop it early. Most strategies
 * run every trial in full: {@link #FULL}.
 *
 * @param rung          the successive-halving rung (0 = the smallest budget); null outside successive halving
 * @param budget        the budget the trainer trains up to (its budget setting, e.g. epochs); null when the trainer's own
 * @param parentTrialId the trial (one rung lower) whose checkpoint this one continues from; null to start from scratch
 * @param checkpoint    whether the trial writes a checkpoint of its model to the sweep's storage when it ends
 * @param stoppingRule  may stop the trial after a step; null when it runs to its budget
 */
public record TrialSchedule(Integer rung, Long budget, String parentTrialId, boolean checkpoint, StoppingRule stoppingRule)
        implements Serializable {

    /** A trial that runs in full, from scratch, without a checkpoint or a stopping rule. */
    public static final TrialSchedule FULL = new TrialSchedule(null, null, null, false, null);

    /** A full trial that may be stopped early by a rule. */
    public static TrialSchedule stoppable(StoppingRule rule) {
        return new TrialSchedule(null, null, null, false, rule);
    }
}
