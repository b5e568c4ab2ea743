package org.sparksweep.engine;

import java.util.Map;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * How a sweep went, as seen by the driver.
 *
 * @param best          the best COMPLETED trial, or null when none completed
 * @param wallSeconds   from start to the leaderboard written
 * @param trialSeconds  from start to the last trial's result recorded
 * @param reduceSeconds the leaderboard reduce step
 * @param trainSeconds  sum of the trials' training seconds
 * @param slots         task slots the sweep ran on
 * @param resumed       trials recorded by earlier runs of the sweep, not run again
 * @param stopReason    why the sweep stopped before its search was exhausted; null when it was not stopped
 */
public record SweepSummary(String sweep, long trials, Map<TrialStatus, Long> byStatus, TrialResult best,
                          double wallSeconds, double trialSeconds, double reduceSeconds, double trainSeconds, int slots, String leaderboardPath,
                          long resumed, String stopReason) {

    public long failed() {
        // a trial skipped for a predicted constraint did what the spec asked: it is not a failure
        return trials - byStatus.getOrDefault(TrialStatus.COMPLETED, 0L) - byStatus.getOrDefault(TrialStatus.SKIPPED_CONSTRAINT, 0L);
    }

    /** Σ training seconds / (wall seconds × slots): 1.0 means every slot trained all the time. */
    public double efficiency() {
        return wallSeconds <= 0 ? 0 : trainSeconds / (wallSeconds * slots);
    }
}
