package org.sparksweep.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;

/**
 * What one Spark task does for its trial: run it, then make its result durable in the sweep's
 * journal before the task reports it. A task that cannot write the record fails (Spark retries it):
 * a result that only lives in the driver's memory would be lost with the driver.
 */
final class TrialTask {
    private TrialTask() {}

    static TrialResult run(TrialPlan plan, long index, int cpus) {
        TrialResult earlier = recordedByEarlierAttempt(plan, index);
        if (earlier != null) return earlier;
        TrialResult result = TrialRunner.run(plan, index, cpus);
        if (plan.journal() != null) {
            try {
                plan.journal().write(index, plan.records().toRow(result), plan.records().recordType(), HadoopConf.get());
            } catch (IOException e) {
                throw new UncheckedIOException("could not record trial " + result.trialId() + " (index " + index + ") in "
                        + plan.journal().dir() + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    /**
     * A retried or speculative attempt first looks for the record of an earlier attempt (one whose
     * executor died after recording the trial, before the driver heard of it): a finished trial is
     * not trained again. First attempts do not look, so a sweep pays nothing for this.
     */
    private static TrialResult recordedByEarlierAttempt(TrialPlan plan, long index) {
        TaskContext task = TaskContext.get();
        if (plan.journal() == null || task == null || task.attemptNumber() == 0) return null;
        try {
            var record = plan.journal().recorded(index, HadoopConf.get());
            if (record.isEmpty()) return null;
            TrialConfig config;
            try {
                config = plan.decoder().decode(index);
            } catch (RuntimeException e) {
                config = new TrialConfig(java.util.Map.of());
            }
            return plan.records().fromRecord(record.get(), config);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: train the trial again, its new record replaces the old one
        }
    }

    /** The executor's Hadoop configuration (with the application's spark.hadoop.* settings), made once per JVM. */
    private static final class HadoopConf {
        private static volatile Configuration conf;

        static Configuration get() {
            if (conf == null) {
                synchronized (HadoopConf.class) {
                    if (conf == null) conf = SparkHadoopUtil.get().conf();
                }
            }
            return conf;
        }
    }
}
