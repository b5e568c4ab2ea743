package org.sparksweep.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;

/**
 * What one Spark task does for its trials: run them, and make each result durable in the sweep's
 * journal before the task reports it. A task that cannot write the record fails (Spark retries it):
 * a result that only lives in the driver's memory would be lost with the driver.
 */
final class TrialTask {
    private TrialTask() {}

    static TrialResult run(TrialPlan plan, long index, int cpus) {
        return runAll(plan, java.util.List.of(index).iterator(), cpus).get(0);
    }

    /**
     * Runs a task's trials one after another. Each trial's record is written to the journal as soon
     * as the trial ends, on a writer thread, while the next trial trains; the task returns (and so
     * reports) only once every record is written.
     */
    static ArrayList<TrialResult> runAll(TrialPlan plan, Iterator<Long> indices, int cpus) {
        ArrayList<TrialResult> out = new ArrayList<>(1);
        List<Future<?>> writes = new ArrayList<>(1);
        try {
            while (indices.hasNext()) {
                long index = indices.next();
                TrialResult earlier = recordedByEarlierAttempt(plan, index);
                if (earlier != null) {
                    out.add(earlier);
                    continue;
                }
                TrialResult result = TrialRunner.run(plan, index, cpus);
                out.add(result);
                if (plan.journal() != null) writes.add(WRITER.submit(() -> record(plan, index, result)));
            }
            for (Future<?> w : writes) w.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the task was killed while its trials' records were being written", e);
        }
        return out;
    }

    private static void record(TrialPlan plan, long index, TrialResult result) {
        try {
            plan.journal().write(index, plan.records().toRow(result), plan.records().recordType(), HadoopConf.get());
        } catch (IOException e) {
            throw new UncheckedIOException("could not record trial " + result.trialId() + " (index " + index + ") in "
                    + plan.journal().dir() + ": " + e.getMessage(), e);
        }
    }

    /** Writes journal records beside the training threads of this JVM. */
    private static final ExecutorService WRITER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sparksweep-journal");
        t.setDaemon(true);
        return t;
    });

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
