package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.holdenkarau.spark.testing.JavaRDDComparisons;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.data.DataCache;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.SweepStore;
import org.sparksweep.testing.FaultyTrainer;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.testing.SweepRoot;
import org.sparksweep.trainer.function.TestFunction;
import org.sparksweep.trial.TrialId;
import org.sparksweep.trial.TrialStatus;
import scala.Tuple2;

/** Real sweeps on local[2]: trials run as Spark tasks, and the Parquet leaderboard is checked through Spark SQL. */
class SweepRunnerTest {
    static SparkSession spark;

    @TempDir
    Path output;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.get();
    }

    private SweepSpec spec(String yaml) throws Exception {
        return new SweepRoot(output).spec(yaml);
    }

    private List<Row> sql(String query) throws Exception {
        return new SweepRoot(output).sql(query);
    }

    @Test
    void veryShortTrialsShareTasksOnceMeasuredAndEveryTrialIsRecordedOnce() throws Exception {
        SweepSpec spec = spec("""
                name: tiny-trials
                model: {trainer: function, function: sphere, dimensions: 1}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: 400, seed: 2}
                space:
                  x1: {uniform: [-1, 1]}
                """);
        java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
        org.apache.spark.scheduler.SparkListener counter = new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
                tasks.incrementAndGet();
            }
        };
        spark.sparkContext().addSparkListener(counter);
        try {
            assertEquals(400, new SweepRunner(spark).run(spec, SweepListener.NONE).trials());
        } finally {
            spark.sparkContext().listenerBus().waitUntilEmpty();
            spark.sparkContext().removeSparkListener(counter);
        }
        List<Row> rows = sql("SELECT count(*), count(DISTINCT trial_index), min(trial_index), max(trial_index) FROM trials WHERE sweep = 'tiny-trials'");
        assertEquals(List.of(400L, 400L, 0L, 399L), List.of(rows.get(0).getLong(0), rows.get(0).getLong(1), rows.get(0).getLong(2), rows.get(0).getLong(3)));
        // the first trials run one per task; once they show a trial takes microseconds, up to 16 share a task
        // (the leaderboard's own Spark jobs add a few tasks of their own)
        assertTrue(tasks.get() < 200, "400 trials in " + tasks.get() + " tasks");
    }

    @Test
    void gridSweepWritesOneRankedRowPerGridPoint() throws Exception {
        SweepSpec spec = spec("""
                name: branin-grid
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid, seed: 3}
                space:
                  x1: {choice: [-3.0, 0.0, 3.14159, 9.42478]}
                  x2: {uniform: [0, 15], points: 4}
                """);
        List<TrialIdAndValue> seen = new ArrayList<>();
        SweepSummary summary = new SweepRunner(spark).run(spec,
                (r, finished, planned) -> seen.add(new TrialIdAndValue(r.trialId(), r.objective(), planned)));

        assertEquals(16, summary.trials());
        assertEquals(16, seen.size(), "the listener hears every trial");
        assertTrue(seen.stream().allMatch(s -> s.planned == 16));
        assertEquals(Map.of(TrialStatus.COMPLETED, 16L), summary.byStatus());

        List<Row> rows = sql("SELECT trial_id, trial_index, objective, rank, param_x1, param_x2, config_json, status, sweep, "
                + "spec_hash, engine_version, seed, train_seconds, executor_host, error FROM trials ORDER BY rank, trial_index");
        assertEquals(16, rows.size());
        assertEquals(16, new HashSet<>(rows.stream().map(r -> r.getString(0)).toList()).size(), "one row per trial id");
        double previous = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            double x1 = r.getDouble(4), x2 = r.getDouble(5);
            assertEquals(TestFunction.BRANIN.value(x1, x2), r.getDouble(2), 1e-12, "objective is Branin at the row's parameters");
            assertTrue(r.getDouble(2) >= previous, "rank orders by objective, best (smallest) first");
            previous = r.getDouble(2);
            assertEquals("COMPLETED", r.getString(7));
            assertEquals("branin-grid", r.getString(8));
            assertEquals(spec.specHash(), r.getString(9));
            assertFalse(r.getString(10).isBlank());
            assertEquals(3L, r.getLong(11));
            assertTrue(r.getDouble(12) >= 0);
            assertNotNull(r.getString(13));
            assertTrue(r.isNullAt(14));
            assertEquals(TrialId.of("branin-grid", spec.space().gridConfig(r.getLong(1)), 3), r.getString(0), "ids are deterministic");
        }
        assertEquals(1, rows.get(0).getInt(3));
        assertEquals(summary.best().trialId(), rows.get(0).getString(0));
        double gridMinimum = Double.POSITIVE_INFINITY;
        for (double x1 : new double[] {-3.0, 0.0, 3.14159, 9.42478}) {
            for (double x2 : new double[] {0, 5, 10, 15}) gridMinimum = Math.min(gridMinimum, TestFunction.BRANIN.value(x1, x2));
        }
        assertEquals(gridMinimum, rows.get(0).getDouble(2), 1e-12, "rank 1 is the grid's minimum");
    }

    @Test
    void executorsDecodeTheSameConfigsAsTheDriver() throws Exception {
        SweepSpec spec = spec("""
                name: decode-check
                model: {trainer: function, function: sphere, dimensions: 3}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: 24, seed: 11}
                space:
                  x1: {uniform: [-1, 1]}
                  x2: {logUniform: [0.01, 10]}
                  x3: {range: [-4, 4], step: 2}
                """);
        new SweepRunner(spark).run(spec, SweepListener.NONE);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Tuple2<Long, String>> expected = new ArrayList<>();
        for (long i = 0; i < 24; i++) expected.add(new Tuple2<>(i, spec.space().sample(11, i).canonicalJson()));
        JavaRDD<Tuple2<Long, String>> fromLeaderboard = sqlRdd("SELECT trial_index, config_json FROM trials WHERE sweep = 'decode-check'");
        JavaRDDComparisons.assertRDDEquals(jsc.parallelize(expected, 2), fromLeaderboard);
    }

    private JavaRDD<Tuple2<Long, String>> sqlRdd(String query) throws Exception {
        Leaderboard.registerView(spark, SweepStore.at(output.toUri().toString()));
        return spark.sql(query).javaRDD().map(r -> new Tuple2<>(r.getLong(0), r.getString(1)));
    }

    @Test
    void failingTrialsAreRowsAndTheSweepGoesOn() throws Exception {
        SweepSpec spec = spec("""
                name: faults
                model: {trainer: test-faulty}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid}
                space:
                  mode: {choice: [ok, throw, nan, diverge, missing]}
                  x: {choice: [1.0, 2.0], when: {mode: [ok, throw]}}
                  label: {choice: ["<script>alert(1)</script>", "a,b \\"quoted\\""]}
                """);
        SweepSummary summary = new SweepRunner(spark).run(spec, SweepListener.NONE);
        assertEquals(2 * (2 + 2 + 1 + 1 + 1), summary.trials());
        assertEquals(Map.of(TrialStatus.COMPLETED, 4L, TrialStatus.FAILED, 6L, TrialStatus.DIVERGED, 4L), summary.byStatus());
        assertEquals(10, summary.failed());

        Map<String, List<Row>> byMode = new HashMap<>();
        for (Row r : sql("SELECT param_mode, status, error, rank, objective, param_x, param_label, metric_other FROM trials")) {
            byMode.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        for (Row r : byMode.get("ok")) {
            assertEquals("COMPLETED", r.getString(1));
            assertNull(r.get(2));
            assertEquals(r.getDouble(5), r.getDouble(4));
        }
        Set<Integer> okRanks = new HashSet<>();
        byMode.get("ok").forEach(r -> okRanks.add(r.getInt(3)));
        assertEquals(Set.of(1, 3), okRanks, "x=2.0 (twice, tied) ranks 1, x=1.0 ranks 3");
        for (Row r : byMode.get("throw")) {
            assertEquals("FAILED", r.getString(1));
            assertTrue(r.getString(2).contains("IllegalStateException: " + FaultyTrainer.FAILURE_MESSAGE + r.getDouble(5)), r.getString(2));
            assertTrue(r.isNullAt(3), "failed trials have no rank");
            assertTrue(r.isNullAt(4), "failed trials have no objective");
        }
        for (Row r : byMode.get("nan")) {
            assertEquals("DIVERGED", r.getString(1));
            assertTrue(r.getString(2).contains("NaN"), r.getString(2));
            assertTrue(r.isNullAt(5), "x is inactive for mode nan, so its column is null");
        }
        for (Row r : byMode.get("diverge")) {
            assertEquals("DIVERGED", r.getString(1));
            assertTrue(r.getString(2).contains("loss exploded"), r.getString(2));
        }
        for (Row r : byMode.get("missing")) {
            assertEquals("FAILED", r.getString(1));
            assertTrue(r.getString(2).contains("did not report the objective metric 'score'"), r.getString(2));
            assertEquals(1.0, r.getDouble(7), "the metrics it did report are kept");
        }
        Set<String> labels = new HashSet<>();
        byMode.values().forEach(rs -> rs.forEach(r -> labels.add(r.getString(6))));
        assertEquals(Set.of("<script>alert(1)</script>", "a,b \"quoted\""), labels, "string values are stored verbatim");
    }

    @Test
    void aTaskThatFailsOutsideItsTrialIsAFailedRowAndTheRestOfItsJobStillRuns() throws Exception {
        SweepSpec spec = spec("""
                name: task-failure
                model: {trainer: test-faulty}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid}
                space:
                  x: {choice: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]}
                  mode: {choice: [ok, ok2], when: {x: [1.0]}}
                """.replace("ok2", "kill"));
        SweepSummary summary = new SweepRunner(spark).run(spec, SweepListener.NONE);
        assertEquals(8, summary.trials());
        assertEquals(Map.of(TrialStatus.COMPLETED, 7L, TrialStatus.FAILED, 1L), summary.byStatus());
        List<Row> failed = sql("SELECT param_mode, error, config_json FROM trials WHERE sweep = 'task-failure' AND status = 'FAILED'");
        assertEquals(1, failed.size());
        assertEquals("kill", failed.get(0).getString(0), "the row keeps its hyperparameters");
        assertTrue(failed.get(0).getString(1).contains("failed outside the trial")
                && failed.get(0).getString(1).contains("simulated kill"), failed.get(0).getString(1));
        assertEquals(7L, sql("SELECT count(*) FROM trials WHERE sweep = 'task-failure' AND status = 'COMPLETED'").get(0).getLong(0));
    }

    @Test
    void repeatedRandomSamplesBecomeOneRowPerTrialId() throws Exception {
        SweepSpec spec = spec("""
                name: repeats
                model: {trainer: function, function: sphere, dimensions: 1}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: 12, seed: 5}
                space:
                  x1: {choice: [0.5, 1.5]}
                """);
        SweepSummary summary = new SweepRunner(spark).run(spec, SweepListener.NONE);
        assertEquals(12, summary.trials());
        List<Row> rows = sql("SELECT param_x1, rank, trial_index FROM trials WHERE sweep = 'repeats' ORDER BY rank");
        assertEquals(2, rows.size());
        assertEquals(0.5, rows.get(0).getDouble(0));
        assertEquals(1, rows.get(0).getInt(1));
        assertEquals(2, rows.get(1).getInt(1));
        long firstHalf = java.util.stream.LongStream.range(0, 12).filter(i -> spec.space().sample(5, i).get("x1").equals(0.5)).min().orElseThrow();
        assertEquals(firstHalf, rows.get(0).getLong(2), "a repeated config keeps its first index");
    }

    @Test
    void runningASweepAgainResumesItAndKeepsOtherSweeps() throws Exception {
        String yaml = """
                name: again-%s
                model: {trainer: function, function: sphere, dimensions: 1}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {range: [0, 4]}
                """;
        new SweepRunner(spark).run(spec(yaml.formatted("a")), SweepListener.NONE);
        new SweepRunner(spark).run(spec(yaml.formatted("b")), SweepListener.NONE);
        SweepSummary again = new SweepRunner(spark).run(spec(yaml.formatted("a")), SweepListener.NONE);
        assertEquals(0, again.trials(), "every trial is recorded: nothing runs again");
        assertEquals(5, again.resumed());
        List<Row> counts = sql("SELECT sweep, count(*), count(DISTINCT trial_id) FROM trials GROUP BY sweep ORDER BY sweep");
        assertEquals(2, counts.size());
        for (Row r : counts) {
            assertEquals(5L, r.getLong(1), r.getString(0));
            assertEquals(5L, r.getLong(2), r.getString(0));
        }
    }

    @Test
    void dl4jTrialsShareOneDataLoadPerJvmAndScoreOnValidation() throws Exception {
        SweepSpec spec = spec("""
                name: iris-small
                data: {source: iris, validationFraction: 0.3, splitSeed: 1}
                model: {trainer: dl4j-mlp, epochs: 25, batchSize: 16, layers: 1}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: grid, seed: 1}
                space:
                  width: {choice: [8, 16]}
                  learningRate: {choice: [0.01, 0.05]}
                  updater: {choice: [adam]}
                """);
        int loadsBefore = DataCache.loads();
        SweepSummary summary = new SweepRunner(spark).run(spec, SweepListener.NONE);
        assertEquals(4, summary.trials());
        assertEquals(Map.of(TrialStatus.COMPLETED, 4L), summary.byStatus());
        assertTrue(DataCache.loads() - loadsBefore <= 1, "iris is loaded at most once per JVM, not once per trial");
        List<Row> rows = sql("SELECT metric_accuracy, metric_f1_macro, metric_log_loss, metric_train_loss, rank FROM trials "
                + "WHERE sweep = 'iris-small' ORDER BY rank");
        assertEquals(4, rows.size());
        for (Row r : rows) {
            double accuracy = r.getDouble(0);
            assertTrue(accuracy >= 0 && accuracy <= 1);
            assertEquals(0, Math.round(accuracy * 45) - accuracy * 45, 1e-9, "accuracy is a fraction of the 45 validation rows");
            assertTrue(r.getDouble(2) > 0 && Double.isFinite(r.getDouble(3)));
        }
        assertTrue(rows.get(0).getDouble(0) >= 0.85, "an MLP learns Iris: best accuracy " + rows.get(0).getDouble(0));
    }

    private record TrialIdAndValue(String id, Double objective, long planned) {}
}
