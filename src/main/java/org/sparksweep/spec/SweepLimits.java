package org.sparksweep.spec;

import org.sparksweep.trial.Direction;

import java.io.Serializable;

/**
 * When a sweep stops before its search is exhausted, and how long one trial may run: the spec's
 * {@code stop:} and {@code budget:} blocks. Every limit is optional (null = none). None of them
 * changes which trials a sweep has, so a sweep may be resumed with different limits.
 *
 * @param stopObjective       stop as soon as a COMPLETED trial's objective is at least this good
 * @param wallClockSeconds    stop dispatching after this long (this run; a stopped sweep is resumable)
 * @param maxFailedTrials     abort when more trials than this fail (FAILED, DIVERGED or TIMEOUT) in this run
 * @param trialTimeoutSeconds a trial still training after this long is stopped and recorded TIMEOUT
 */
public record SweepLimits(Double stopObjective, Double wallClockSeconds, Long maxFailedTrials, Double trialTimeoutSeconds)
        implements Serializable {

    public static final SweepLimits NONE = new SweepLimits(null, null, null, null);

    /** Whether an objective value meets the stop target in the given direction. */
    public boolean goodEnough(double objective, Direction direction) {
        if (stopObjective == null) return false;
        return direction == Direction.MAXIMIZE ? objective >= stopObjective : objective <= stopObjective;
    }
}
