package org.sparksweep.search;

import java.io.Serializable;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialSchedule;

/** Turns an index of a strategy's index space into a config; shipped to and run on the executors. */
@FunctionalInterface
public interface IndexDecoder extends Serializable {
    TrialConfig decode(long index);

    /**
     * What the trial of this index runs under besides its config: rung, budget, the checkpoint it continues
     * from, a stopping rule. Strategies that run every trial in full from scratch need not say.
     */
    default TrialSchedule schedule(long index) {
        return TrialSchedule.FULL;
    }
}
