package org.sparksweep.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialSchedule;

/**
 * A decoder that is a snapshot of the trials an adaptive strategy has proposed and not yet been told
 * about, each with its config and schedule (see {@link IndexDecoder#snapshot} for proposals that all
 * run in full); taken after every ask and shipped with that job.
 */
final class ScheduledTrials implements IndexDecoder {
    /** One proposed trial. */
    record Scheduled(TrialConfig config, TrialSchedule schedule) implements java.io.Serializable {}

    private final String strategy;
    private final LinkedHashMap<Long, Scheduled> trials;

    ScheduledTrials(String strategy, Map<Long, Scheduled> trials) {
        this.strategy = strategy;
        this.trials = new LinkedHashMap<>(trials);
    }

    private Scheduled get(long index) {
        Scheduled s = trials.get(index);
        if (s == null) throw new IllegalStateException(strategy + " trial " + index + " is not in this dispatch");
        return s;
    }

    @Override
    public TrialConfig decode(long index) {
        return get(index).config();
    }

    @Override
    public TrialSchedule schedule(long index) {
        return get(index).schedule();
    }
}
