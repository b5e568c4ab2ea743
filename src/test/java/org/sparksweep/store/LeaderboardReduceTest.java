package org.sparksweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.testing.SweepRoot;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.ParetoRanking;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * The reduce step's contract on hand-made records: one row per trial id (the first index of a repeated
 * sample, the earliest record of a trial recorded twice), ties sharing a rank, a null rank for trials that
 * did not complete, and Pareto columns equal to a brute-force ranking of the feasible trials.
 */
class LeaderboardReduceTest {
    @TempDir
    Path output;

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static TrialResult result(String id, long index, TrialStatus status, Double f1, Double f2, int finishedSecond) {
        Map<String, Double> metrics = new HashMap<>();
        if (f1 != null) metrics.put("f1", f1);
        if (f2 != null) metrics.put("f2", f2);
        return new TrialResult(id, index, new TrialConfig(Map.of("x1", 0.5)), 1, status, metrics,
                status == TrialStatus.COMPLETED ? f1 : null, status == TrialStatus.COMPLETED ? null : "failed on purpose",
                T0, T0.plusSeconds(finishedSecond), 1.0, "host", "0");
    }

    private SweepSpec spec(SweepRoot root, String name, String goals) throws Exception {
        return root.spec("name: " + name + "\nmodel: {trainer: function, function: zdt1, dimensions: 2}\n" + goals
                + "search: {strategy: random, trials: 20, seed: 1}\nspace:\n  x1: {uniform: [0, 1]}\n  x2: {uniform: [0, 1]}\n");
    }

    private static void record(SparkSession spark, SweepSpec spec, List<TrialResult> results) throws Exception {
        try (TrialRecords records = new TrialRecords(spark, TrialPlan.recordSchema(spec), SweepStore.at(spec.output()).records(spec.name()), 3, Long.MAX_VALUE)) {
            records.clear();
            for (TrialResult r : results) records.add(r);
            records.drain();
        }
    }

    @Test
    void oneRowPerTrialTiesShareARankAndOnlyCompletedTrialsAreRanked() throws Exception {
        SparkSession spark = SharedSpark.get();
        SweepRoot root = new SweepRoot(output);
        SweepSpec spec = spec(root, "ranks", "objective: {metric: f1, direction: minimize}\n");
        record(spark, spec, List.of(
                result("aaaa", 0, TrialStatus.COMPLETED, 1.0, 0.0, 10),
                result("bbbb", 1, TrialStatus.COMPLETED, 2.0, 0.0, 11),
                result("cccc", 2, TrialStatus.COMPLETED, 1.0, 0.0, 12),          // ties with aaaa
                result("dddd", 3, TrialStatus.FAILED, null, null, 13),
                result("eeee", 4, TrialStatus.COMPLETED, 5.0, 0.0, 20),          // recorded twice: the earlier record wins
                result("eeee", 4, TrialStatus.COMPLETED, 0.5, 0.0, 14),
                result("ffff", 6, TrialStatus.COMPLETED, 3.0, 0.0, 15),          // a repeated sample: the first index wins
                result("ffff", 5, TrialStatus.COMPLETED, 3.0, 0.0, 16),
                result("gggg", 7, TrialStatus.DIVERGED, null, null, 17)));
        Leaderboard.reduce(spark, SweepStore.at(spec.output()), spec.name(), Direction.MINIMIZE);

        List<Row> rows = root.sql("SELECT trial_id, trial_index, objective, rank FROM trials ORDER BY trial_id");
        assertEquals(7, rows.size(), "one row per trial id: " + rows);
        Map<String, Row> byId = new HashMap<>();
        for (Row r : rows) byId.put(r.getString(0), r);
        assertEquals(1, byId.get("eeee").getInt(3), "the earliest record of a trial recorded twice (0.5) is kept and ranked first");
        assertEquals(0.5, byId.get("eeee").getDouble(2));
        assertEquals(2, byId.get("aaaa").getInt(3), "ties share a rank");
        assertEquals(2, byId.get("cccc").getInt(3), "ties share a rank");
        assertEquals(4, byId.get("bbbb").getInt(3), "the rank after a tie skips");
        assertEquals(5, byId.get("ffff").getInt(3));
        assertEquals(5L, byId.get("ffff").getLong(1), "a repeated sample keeps its first index");
        assertTrue(byId.get("dddd").isNullAt(3), "a failed trial has no rank");
        assertTrue(byId.get("gggg").isNullAt(3), "a diverged trial has no rank");
    }

    @Test
    void maximizingRanksTheLargestFirst() throws Exception {
        SparkSession spark = SharedSpark.get();
        SweepRoot root = new SweepRoot(output);
        SweepSpec spec = spec(root, "up", "objective: {metric: f1, direction: maximize}\n");
        record(spark, spec, List.of(result("aaaa", 0, TrialStatus.COMPLETED, 1.0, 0.0, 1), result("bbbb", 1, TrialStatus.COMPLETED, 3.0, 0.0, 2),
                result("cccc", 2, TrialStatus.COMPLETED, 2.0, 0.0, 3), result("dddd", 3, TrialStatus.TIMEOUT, null, null, 4)));
        Leaderboard.reduce(spark, SweepStore.at(spec.output()), spec.name(), spec.goals());
        List<Row> rows = root.sql("SELECT trial_id, rank, pareto_rank FROM trials ORDER BY trial_id");
        assertEquals(List.of("aaaa", "bbbb", "cccc", "dddd"), rows.stream().map(r -> r.getString(0)).toList());
        assertEquals(3, rows.get(0).getInt(1));
        assertEquals(1, rows.get(1).getInt(1));
        assertEquals(2, rows.get(2).getInt(1));
        assertNull(rows.get(3).get(1));
        assertEquals(List.of(3, 1, 2), rows.subList(0, 3).stream().map(r -> r.getInt(2)).toList(), "one objective: the Pareto rank follows it");
    }

    @Test
    void paretoColumnsRankTheFeasibleTrialsAsABruteForceRankingDoes() throws Exception {
        SparkSession spark = SharedSpark.get();
        SweepRoot root = new SweepRoot(output);
        SweepSpec spec = spec(root, "front", """
                objectives:
                  - {metric: f1, direction: minimize}
                  - {metric: f2, direction: minimize}
                constraints: ["f2 <= 4"]
                """);
        List<TrialResult> results = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 60; i++) {
            // values on a coarse grid, so some trials tie and share a point
            double f1 = Math.floor(random.nextDouble() * 8) / 8, f2 = Math.floor(random.nextDouble() * 10 * 4) / 8;
            results.add(result(String.format("%016x", 1000 + i), i, i % 13 == 5 ? TrialStatus.FAILED : TrialStatus.COMPLETED,
                    i % 13 == 5 ? null : f1, i % 13 == 5 ? null : f2, i));
        }
        record(spark, spec, results);
        Leaderboard.reduce(spark, SweepStore.at(spec.output()), spec.name(), spec.goals());

        List<Row> rows = root.sql("SELECT trial_id, status, metric_f1, metric_f2, feasible, pareto_rank, crowding_distance, rank FROM trials ORDER BY trial_index");
        assertEquals(60, rows.size());
        List<double[]> points = new ArrayList<>();
        for (Row r : rows) if (r.getString(1).equals("COMPLETED") && r.getDouble(3) <= 4) points.add(new double[] {r.getDouble(2), r.getDouble(3)});
        double[][] feasible = points.toArray(new double[0][]);
        int[] ranks = ParetoRanking.ranks(feasible);
        double[] crowding = ParetoRanking.crowding(feasible, ranks);
        int k = 0;
        for (Row r : rows) {
            if (!r.getString(1).equals("COMPLETED")) {
                assertTrue(r.isNullAt(4) && r.isNullAt(5) && r.isNullAt(6) && r.isNullAt(7), "a failed trial has none of the columns: " + r);
                continue;
            }
            assertEquals(r.getDouble(3) <= 4, r.getBoolean(4), "feasible is f2 <= 4: " + r);
            if (!r.getBoolean(4)) {
                assertTrue(r.isNullAt(5) && r.isNullAt(6), "an infeasible trial has no Pareto rank or crowding: " + r);
                continue;
            }
            assertEquals(ranks[k], r.getInt(5), "pareto_rank of " + r);
            assertEquals(crowding[k], r.getDouble(6), 1e-12, "crowding_distance of " + r);
            k++;
        }
        assertEquals(feasible.length, k);
        assertTrue(k > 10 && k < 50, "the constraint splits the trials: " + k + " feasible");
    }

    @Test
    void trialsOfSeveralSweepsAreRankedTogether() throws Exception {
        SparkSession spark = SharedSpark.get();
        SweepRoot root = new SweepRoot(output);
        String goals = "objectives:\n  - {metric: f1, direction: minimize}\n  - {metric: f2, direction: minimize}\n";
        SweepSpec a = spec(root, "left", goals), b = spec(root, "right", goals);
        record(spark, a, List.of(result("a1", 0, TrialStatus.COMPLETED, 1.0, 4.0, 1), result("a2", 1, TrialStatus.COMPLETED, 3.0, 3.0, 2)));
        record(spark, b, List.of(result("b1", 0, TrialStatus.COMPLETED, 2.0, 2.0, 1), result("b2", 1, TrialStatus.FAILED, null, null, 2)));
        Leaderboard.reduce(spark, SweepStore.at(a.output()), a.name(), a.goals());
        Leaderboard.reduce(spark, SweepStore.at(b.output()), b.name(), b.goals());
        assertEquals(1, root.sql("SELECT pareto_rank FROM trials WHERE trial_id = 'a2'").get(0).getInt(0), "within its own sweep a2 is on the front");

        var all = ParetoColumns.add(spark, Leaderboard.read(spark, SweepStore.at(a.output())), a.goals());
        Map<String, Row> byId = new HashMap<>();
        for (Row r : all.select("trial_id", "pareto_rank", "feasible").collectAsList()) byId.put(r.getString(0), r);
        assertEquals(4, byId.size());
        assertEquals(1, byId.get("a1").getInt(1));
        assertEquals(1, byId.get("b1").getInt(1));
        assertEquals(2, byId.get("a2").getInt(1), "b1 of the other sweep dominates a2");
        assertTrue(byId.get("b2").isNullAt(1) && byId.get("b2").isNullAt(2), "a failed trial has no Pareto columns");
    }
}
