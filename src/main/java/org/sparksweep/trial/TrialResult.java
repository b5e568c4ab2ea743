package org.sparksweep.trial;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sparksweep.space.TrialConfig;

/**
 * What one trial produced, successful or not. It becomes exactly one leaderboard row.
 *
 * @param objective the objective metric's value; null unless the trial COMPLETED
 * @param error     the failure message (exception class and message, or why it diverged); null when COMPLETED
 * @param folds     with k-fold cross-validation, each fold's metrics in fold order ({@code metrics} holds
 *                  their means, see {@link FoldScores}); empty otherwise
 * @param executorPid the process id of the JVM that ran the trial; null when it did not run
 * @param course    rung, budget and parent under successive halving, the learning curve and why it stopped early
 */
public record TrialResult(
        String trialId,
        long index,
        TrialConfig config,
        long seed,
        TrialStatus status,
        Map<String, Double> metrics,
        Double objective,
        String error,
        Instant startedAt,
        Instant finishedAt,
        double trainSeconds,
        String executorHost,
        String executorId,
        List<Map<String, Double>> folds,
        Long executorPid,
        TrialCourse course) implements Serializable {

    public TrialResult {
        metrics = Map.copyOf(metrics);
        folds = folds == null ? List.of() : folds.stream().map(Map::copyOf).toList();
        course = course == null ? TrialCourse.NONE : course;
    }

    /** A trial without intermediate reports, run in full. */
    public TrialResult(String trialId, long index, TrialConfig config, long seed, TrialStatus status, Map<String, Double> metrics,
            Double objective, String error, Instant startedAt, Instant finishedAt, double trainSeconds, String executorHost,
            String executorId, List<Map<String, Double>> folds, Long executorPid) {
        this(trialId, index, config, seed, status, metrics, objective, error, startedAt, finishedAt, trainSeconds, executorHost,
                executorId, folds, executorPid, TrialCourse.NONE);
    }

    /** A result without cross-validation folds or the executor's process id. */
    public TrialResult(String trialId, long index, TrialConfig config, long seed, TrialStatus status, Map<String, Double> metrics,
                       Double objective, String error, Instant startedAt, Instant finishedAt, double trainSeconds,
                       String executorHost, String executorId) {
        this(trialId, index, config, seed, status, metrics, objective, error, startedAt, finishedAt, trainSeconds, executorHost,
                executorId, List.of(), null, TrialCourse.NONE);
    }

    /** The same result under another index (a strategy wrapper numbering the trials of the strategy it wraps). */
    public TrialResult withIndex(long newIndex) {
        return new TrialResult(trialId, newIndex, config, seed, status, metrics, objective, error, startedAt, finishedAt, trainSeconds,
                executorHost, executorId, folds, executorPid, course);
    }
}
