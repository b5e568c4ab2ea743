package org.sparksweep.cli;

import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.sparksweep.engine.SweepRunner;

/**
 * How many of a sweep's trials are running right now, as Spark's status tracker sees them: one
 * trial is one task, so it is the active tasks of the running jobs in the sweep's job group.
 */
final class SweepJobs {
    private SweepJobs() {}

    static int runningTrials(SparkContext sc, String sweep) {
        if (sc.isStopped()) return 0;
        JavaSparkStatusTracker tracker = JavaSparkContext.fromSparkContext(sc).statusTracker();
        int running = 0;
        for (int jobId : tracker.getJobIdsForGroup(SweepRunner.jobGroup(sweep))) {
            SparkJobInfo job = tracker.getJobInfo(jobId);
            if (job == null || job.status() != JobExecutionStatus.RUNNING) continue;
            for (int stageId : job.stageIds()) {
                SparkStageInfo stage = tracker.getStageInfo(stageId);
                if (stage != null) running += stage.numActiveTasks();
            }
        }
        // the tracker learns of task ends a moment late; a trial holds one slot, so there are never more running than slots
        return Math.min(running, Math.max(1, sc.defaultParallelism()));
    }
}
