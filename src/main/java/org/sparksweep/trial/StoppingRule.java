package org.sparksweep.trial;

import java.io.Serializable;

/**
 * Decides inside a running trial's task whether it should stop early, from the objective the trainer
 * reports after each step. Shipped with the trial's job, so it can only use what the driver knew when the
 * trial was dispatched (e.g. the medians of the curves of trials that had finished by then).
 */
@FunctionalInterface
public interface StoppingRule extends Serializable {

    /**
     * @param step      the step just finished (an epoch for the network trainers), from 1
     * @param objective the objective's value after that step
     * @param best      the best objective value of this trial so far, this step included
     * @return why the trial stops now, or null to let it go on
     */
    String stop(long step, double objective, double best);
}
