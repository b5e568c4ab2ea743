package org.sparksweep.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.sparksweep.trial.TrialResult;

/**
 * What one Spark task does for its trial: run it, then make its result durable in the sweep's
 * journal before the task reports it. A task that cannot write the record fails (Spark retries it):
 * a result that only lives in the driver's memory would be lost with the driver.
 */
final class TrialTask {
    private TrialTask() {}

    static TrialResult run(TrialPlan plan, long index) {
        TrialResult result = TrialRunner.run(plan, index);
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
