package org.sparksweep.cli;

import java.lang.reflect.Method;

/**
 * How a driver run by the cluster manager (spark-submit {@code --deploy-mode cluster}) ends. Its
 * exit code is not seen by anyone: the cluster manager reads a normal return as success and an
 * exception as a crash, and YARN reruns a crashed application ({@code spark.yarn.maxAppAttempts},
 * default 2). That rerun is what should happen after a crash (the new attempt resumes the sweep,
 * running only the trials without a record), and is what must not happen when the sweep failed for
 * a reason a rerun would meet again (a bad spec, a changed spec, too many failed trials, another
 * driver holding the sweep): then the driver tells YARN's application master to end the
 * application as FAILED for good before it throws.
 */
final class ClusterExit {
    private ClusterExit() {}

    /** The decision for one command's outcome: return (success), rerun (crash), or fail for good. */
    enum Action { RETURN, RERUN, FAIL_FINAL }

    static Action of(int code, boolean unexpected) {
        if (code == Main.OK || code == Main.TRIALS_FAILED) return Action.RETURN; // a sweep with failed trials is a finished application
        return unexpected ? Action.RERUN : Action.FAIL_FINAL;
    }

    /** True when this driver runs inside a YARN application master (cluster deploy mode on YARN). */
    static boolean onYarn() {
        return System.getProperty("spark.yarn.app.id") != null;
    }

    /**
     * Unregisters this YARN application attempt as FAILED with the given diagnostics, so that the
     * ResourceManager does not start another attempt. Returns false (and changes nothing) when the
     * driver does not run in Spark's YARN application master or it cannot be reached.
     */
    static boolean failYarnApplicationForGood(String diagnostics) {
        try {
            // The application master registers with YARN (and so can unregister) only once the driver's
            // SparkContext exists; a sweep refused before it started one (a bad spec) starts it now.
            // (A second SparkContext after the first one stopped would fail: the master has seen one already.)
            if (!Sessions.started()) org.apache.spark.SparkContext.getOrCreate(new org.apache.spark.SparkConf());
            Class<?> companion = Class.forName("org.apache.spark.deploy.yarn.ApplicationMaster$");
            Object module = companion.getField("MODULE$").get(null);
            Object master = companion.getMethod("org$apache$spark$deploy$yarn$ApplicationMaster$$master").invoke(module);
            if (master == null) return false;
            Class<?> status = Class.forName("org.apache.hadoop.yarn.api.records.FinalApplicationStatus");
            Object failed = status.getMethod("valueOf", String.class).invoke(null, "FAILED");
            Method unregister = master.getClass().getMethod("unregister", status, String.class);
            unregister.invoke(master, failed, diagnostics);
            return true;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
