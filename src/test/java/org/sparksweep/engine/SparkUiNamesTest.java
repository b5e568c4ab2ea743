package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.testing.SharedSpark;

/** What the Spark UI and History Server show of a sweep: its job group, and which trials of how many each job runs. */
class SparkUiNamesTest {
    @TempDir
    Path output;

    @Test
    void jobsAreGroupedBySweepAndDescribeTheirTrialsOfThePlannedTotal() throws Exception {
        SparkSession spark = SharedSpark.get();
        SparkContext sc = spark.sparkContext();
        List<String[]> jobs = new CopyOnWriteArrayList<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobs.add(new String[] {start.properties().getProperty("spark.jobGroup.id"), start.properties().getProperty("spark.job.description")});
            }
        };
        sc.addSparkListener(listener);
        try {
            new SweepRunner(spark).run(SpecReader.parse("""
                    name: ui-names
                    model: {trainer: function, function: sphere, dimensions: 1}
                    objective: {metric: value, direction: minimize}
                    search: {strategy: random, trials: 20, seed: 3}
                    space:
                      x1: {uniform: [-1.0, 1.0]}
                    output: %s
                    """.formatted(output.toUri()), "test spec", false), SweepListener.NONE);
            sc.listenerBus().waitUntilEmpty();
        } finally {
            sc.removeSparkListener(listener);
        }
        List<String> trialJobs = jobs.stream().filter(j -> "sweep ui-names".equals(j[0])).map(j -> j[1]).filter(d -> d.contains("trial")).toList();
        assertEquals(List.of("sweep ui-names, trials 0–15 of 20", "sweep ui-names, trials 16–19 of 20"), trialJobs, jobs.toString());
        assertTrue(jobs.stream().anyMatch(j -> "sweep ui-names".equals(j[0]) && "sweep ui-names: leaderboard".equals(j[1])), "the reduce is named too");
    }
}
