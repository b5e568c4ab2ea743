package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.testing.SweepRoot;
import org.sparksweep.trial.ParetoRanking;
import org.sparksweep.trial.TrialStatus;

/** Sweeps with several objectives and constraints on local Spark: skipped trials, feasibility and Pareto columns. */
class ParetoSweepTest {
    @TempDir
    Path output;

    @Test
    void twoObjectiveSweepRanksTheFeasibleTrialsAndMarksTheOthers() throws Exception {
        SweepRoot root = new SweepRoot(output);
        SweepSpec spec = root.spec("""
                name: zdt1-nsga2
                model: {trainer: function, function: zdt1, dimensions: 3}
                objectives:
                  - {metric: f1, direction: minimize}
                  - {metric: f2, direction: minimize}
                constraints: ["f2 <= 4"]
                search: {strategy: nsga2, trials: 40, seed: 5, populationSize: 10}
                space:
                  x1: {uniform: [0, 1]}
                  x2: {uniform: [0, 1]}
                  x3: {uniform: [0, 1]}
                """);
        SweepSummary summary = new SweepRunner(SharedSpark.get()).run(spec, (r, f, p) -> {});
        assertEquals(40, summary.trials());
        List<Row> rows = root.sql("SELECT metric_f1, metric_f2, feasible, pareto_rank, crowding_distance, status FROM trials ORDER BY trial_index");
        double[][] feasible = rows.stream().filter(r -> r.getBoolean(2)).map(r -> new double[] {r.getDouble(0), r.getDouble(1)}).toArray(double[][]::new);
        int[] expected = ParetoRanking.ranks(feasible);
        int k = 0;
        for (Row r : rows) {
            assertEquals(r.getDouble(1) <= 4, r.getBoolean(2), "feasible is f2 <= 4");
            if (!r.getBoolean(2)) {
                assertTrue(r.isNullAt(3), "an infeasible trial has no pareto_rank");
                continue;
            }
            assertEquals(expected[k++], r.getInt(3));
            assertFalse(r.isNullAt(4));
        }
        assertTrue(feasible.length > 0 && feasible.length < 40, "the constraint splits the trials: " + feasible.length + " feasible");
        List<Row> front = root.sql("SELECT metric_f1, metric_f2 FROM trials WHERE pareto_rank = 1");
        for (Row a : front) {
            for (double[] b : feasible) {
                assertFalse(b[0] <= a.getDouble(0) && b[1] <= a.getDouble(1) && (b[0] < a.getDouble(0) || b[1] < a.getDouble(1)),
                        "no feasible trial dominates a front trial");
            }
        }
    }

    @Test
    void aPredictedConstraintSkipsTheTrialBeforeTraining() throws Exception {
        SweepRoot root = new SweepRoot(output);
        SweepSpec spec = root.spec("""
                name: iris-small
                data: {source: iris}
                model: {trainer: dl4j-mlp, epochs: 2, layers: 1}
                objectives:
                  - {metric: accuracy, direction: maximize}
                  - {metric: param_count, direction: minimize}
                constraints: ["paramCount <= 100"]
                search: {strategy: grid}
                space:
                  width: {choice: [4, 64]}
                """);
        SweepSummary summary = new SweepRunner(SharedSpark.get()).run(spec, (r, f, p) -> {});
        assertEquals(Map.of(TrialStatus.COMPLETED, 1L, TrialStatus.SKIPPED_CONSTRAINT, 1L), summary.byStatus());
        assertEquals(0, summary.failed(), "a skipped trial is not a failure");
        List<Row> rows = root.sql("SELECT param_width, status, metric_param_count, train_seconds, error, feasible, pareto_rank FROM trials ORDER BY param_width");
        // 4 inputs x 4 + 4, then 4 x 3 + 3: 35 parameters; with 64 hidden units, 64 x 4 + 64 + 64 x 3 + 3 = 515
        assertEquals("COMPLETED", rows.get(0).getString(1));
        assertEquals(35.0, rows.get(0).getDouble(2));
        assertEquals(1, rows.get(0).getInt(6));
        assertEquals("SKIPPED_CONSTRAINT", rows.get(1).getString(1));
        assertEquals(515.0, rows.get(1).getDouble(2), "the predicted parameter count is recorded");
        assertEquals(0.0, rows.get(1).getDouble(3), "never trained");
        assertTrue(rows.get(1).getString(4).contains("param_count <= 100 (was 515)"), rows.get(1).getString(4));
        assertFalse(rows.get(1).getBoolean(5));
        assertNull(rows.get(1).get(6));
    }
}
