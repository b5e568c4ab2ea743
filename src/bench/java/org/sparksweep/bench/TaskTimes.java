package org.sparksweep.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * Where the time of a sweep's trial tasks goes, from Spark's own task metrics: how long each task
 * waited to be launched and deserialised, how long its body ran, and the span from the first task
 * launched to the last task ended. Only the jobs of the sweep being measured count (its job group),
 * not its leaderboard reduce.
 */
final class TaskTimes extends SparkListener {
    private final String jobGroup;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private long tasks;
    private long firstLaunch = Long.MAX_VALUE;
    private long lastEnd;
    private long durationMillis;
    private long runMillis;
    private long deserializeMillis;
    private long resultSerializeMillis;

    TaskTimes(String jobGroup) {
        this.jobGroup = jobGroup;
    }

    @Override
    public void onJobStart(SparkListenerJobStart job) {
        var p = job.properties();
        if (p == null || !jobGroup.equals(p.getProperty("spark.jobGroup.id"))) return;
        String description = p.getProperty("spark.job.description", "");
        if (description.endsWith(": leaderboard")) return;
        for (StageInfo s : scala.jdk.javaapi.CollectionConverters.asJava(job.stageInfos())) stages.add(s.stageId());
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (!stages.contains(end.stageId()) || end.taskInfo() == null) return;
        tasks++;
        firstLaunch = Math.min(firstLaunch, end.taskInfo().launchTime());
        lastEnd = Math.max(lastEnd, end.taskInfo().finishTime());
        durationMillis += end.taskInfo().duration();
        if (end.taskMetrics() != null) {
            runMillis += end.taskMetrics().executorRunTime();
            deserializeMillis += end.taskMetrics().executorDeserializeTime();
            resultSerializeMillis += end.taskMetrics().resultSerializationTime();
        }
    }

    /** A snapshot: the sums in seconds, and the launch/end span in epoch milliseconds. */
    synchronized Totals totals() {
        return new Totals(tasks, firstLaunch, lastEnd, durationMillis / 1e3, runMillis / 1e3, deserializeMillis / 1e3, resultSerializeMillis / 1e3);
    }

    /**
     * @param duration    Σ task durations as the driver saw them (launch to result back)
     * @param run         Σ time the task bodies ran on executors
     * @param deserialize Σ time spent deserialising the tasks on executors
     */
    record Totals(long tasks, long firstLaunchMillis, long lastEndMillis, double duration, double run, double deserialize, double resultSerialize) {}
}
