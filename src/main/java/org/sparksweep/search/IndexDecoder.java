package org.sparksweep.search;

import java.io.Serializable;
import java.util.Map;
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

    /**
     * A decoder of an adaptive strategy's proposals in flight: a copy of them, taken when the engine
     * asks for it after a proposal; an index it does not hold is a bug in the dispatch, said loudly.
     */
    static IndexDecoder snapshot(Map<Long, TrialConfig> proposals, String strategy) {
        Map<Long, ScheduledTrials.Scheduled> scheduled = new java.util.LinkedHashMap<>();
        proposals.forEach((index, config) -> scheduled.put(index, new ScheduledTrials.Scheduled(config, TrialSchedule.FULL)));
        return new ScheduledTrials(strategy, scheduled);
    }
}
