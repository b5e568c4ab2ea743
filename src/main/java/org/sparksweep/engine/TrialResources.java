package org.sparksweep.engine;

import org.apache.spark.SparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;
import org.sparksweep.spec.Resources;

/**
 * Turns a sweep's {@code resources:} into a Spark stage-level resource profile for its trial tasks.
 * It asks only for task resources (a task resource profile), which Spark schedules on the
 * executors already running, without dynamic allocation, on standalone, YARN and Kubernetes
 * masters; the application's other stages (the leaderboard) keep the defaults.
 */
public final class TrialResources {
    private TrialResources() {}

    /** The profile for the trial tasks, or null when the defaults already fit or the master cannot honour one. */
    static ResourceProfile profile(SparkContext sc, Resources resources) {
        if (resources.isDefault() || !appliesTo(sc.master())) return null;
        TaskResourceRequests task = new TaskResourceRequests().cpus(resources.cpus());
        if (resources.gpus() > 0) task.resource("gpu", resources.gpus());
        return new ResourceProfileBuilder().require(task).build();
    }

    /**
     * Whether a master schedules by task resource profiles: a cluster does; an embedded
     * {@code local[N]} runs one task per slot whatever a task asks for.
     */
    public static boolean appliesTo(String master) {
        return master.startsWith("spark://") || master.startsWith("local-cluster") || master.equals("yarn")
                || master.startsWith("k8s://");
    }
}
