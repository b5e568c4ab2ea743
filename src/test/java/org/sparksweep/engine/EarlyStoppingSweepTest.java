package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.testing.SweepRoot;

/**
 * Early stopping through the engine on local Spark: successive halving's promotions continue from their
 * parents' checkpoints on the sweep's storage, rung and budget columns, the learning-curves table, and
 * why trials stopped.
 */
class EarlyStoppingSweepTest {
    @TempDir
    Path output;

    private SweepRoot root() {
        return new SweepRoot(output);
    }

    @Test
    void ashaPromotionsContinueFromTheirParentsCheckpointsAndTheLeaderboardShowsRungsAndCurves() throws Exception {
        SweepSpec spec = root().spec("""
                name: branin-asha
                model: {trainer: function, function: branin, fidelityNoise: 20}
                objective: {metric: value, direction: minimize}
                search: {strategy: asha, trials: 9, seed: 4, eta: 3, budget: {setting: steps, min: 1, max: 9}}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                """);
        SweepSummary summary = new SweepRunner(SharedSpark.get()).run(spec, SweepListener.NONE);
        assertEquals(summary.trials(), summary.byStatus().get(org.sparksweep.trial.TrialStatus.COMPLETED));

        List<Row> rungs = root().sql("SELECT rung, budget, count(*) FROM trials GROUP BY rung, budget ORDER BY rung");
        assertEquals(0, rungs.get(0).getInt(0));
        assertEquals(1L, rungs.get(0).getLong(1));
        assertEquals(9L, rungs.get(0).getLong(2), "every config starts at the smallest budget");
        assertTrue(rungs.size() >= 2 && rungs.get(1).getLong(1) == 3L, "some trial was promoted to budget 3: " + rungs);

        // a promoted trial continued from its parent's checkpoint: it trained only the steps its parent had not
        List<Row> promoted = root().sql("""
                SELECT c.trial_id, c.parent_trial_id, c.metric_steps_trained, c.metric_steps_run, c.budget, p.rung, p.budget
                FROM trials c JOIN trials p ON c.parent_trial_id = p.trial_id WHERE c.rung = 1""");
        assertFalse(promoted.isEmpty());
        for (Row r : promoted) {
            assertEquals(0, r.getInt(5), "the parent is one rung lower");
            assertEquals(2.0, r.getDouble(2), "steps 2 and 3 only, continuing from step 1's checkpoint: " + r);
            assertEquals(3.0, r.getDouble(3));
            assertTrue(Files.isRegularFile(output.resolve("checkpoints/sweep=branin-asha/trial=" + r.getString(1) + "/steps.txt")),
                    "the parent's checkpoint is on the sweep's storage");
        }
        // the learning curve of a promoted trial holds the steps it trained
        String child = promoted.get(0).getString(0);
        List<Row> curve = root().sql("SELECT step, metric_value FROM curves WHERE sweep = 'branin-asha' AND trial_id = '" + child + "' ORDER BY step");
        assertEquals(List.of(2L, 3L), curve.stream().map(r -> r.getLong(0)).toList());
        double objective = root().sql("SELECT objective FROM trials WHERE trial_id = '" + child + "'").get(0).getDouble(0);
        assertEquals(objective, curve.get(1).getDouble(1), 1e-12, "the objective is the last step's value");

        List<Row> notPromoted = root().sql("SELECT stop_reason FROM trials WHERE rung = 0 AND trial_id NOT IN "
                + "(SELECT parent_trial_id FROM trials WHERE parent_trial_id IS NOT NULL)");
        assertFalse(notPromoted.isEmpty());
        for (Row r : notPromoted) assertEquals("not promoted past rung 0 (budget 1)", r.getString(0));
    }

    @Test
    void aStoppedAshaSweepResumesItsRungsWithoutRetrainingOrPromotingTwice() throws Exception {
        String yaml = """
                name: branin-asha-resume
                model: {trainer: function, function: branin, fidelityNoise: 20}
                objective: {metric: value, direction: minimize}
                search: {strategy: asha, trials: 18, seed: 5, eta: 3, budget: {setting: steps, min: 1, max: 9}}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                """;
        SweepSummary first = new SweepRunner(SharedSpark.get()).run(root().spec(yaml + "stop: {objective: 150}\n"), SweepListener.NONE);
        assertTrue(first.stopReason() != null, "a noisy branin value under 150 comes early: the first run stops");
        java.util.Map<String, Object> before = new java.util.HashMap<>();
        for (Row r : root().sql("SELECT trial_id, started_at FROM trials WHERE sweep = 'branin-asha-resume'")) before.put(r.getString(0), r.get(1));

        SweepSummary second = new SweepRunner(SharedSpark.get()).run(root().spec(yaml), SweepListener.NONE);
        assertEquals(before.size(), second.resumed());
        List<Row> rows = root().sql("SELECT trial_id, started_at, rung, parent_trial_id FROM trials WHERE sweep = 'branin-asha-resume'");
        for (Row r : rows) if (before.containsKey(r.getString(0))) assertEquals(before.get(r.getString(0)), r.get(1), "not trained again");
        assertEquals(18, rows.stream().filter(r -> r.getInt(2) == 0).count(), "18 configs in all start at rung 0, recorded ones included");
        List<String> parents = rows.stream().filter(r -> !r.isNullAt(3)).map(r -> r.getString(3)).toList();
        assertEquals(parents.size(), new java.util.HashSet<>(parents).size(), "no trial promoted twice: " + parents);
        java.util.Set<String> ids = new java.util.HashSet<>(rows.stream().map(r -> r.getString(0)).toList());
        assertTrue(ids.containsAll(parents), "every promotion continues a recorded trial");
    }

    @Test
    void theMedianRuleStopsTrialsInsideTheirTasksAndSaysWhy() throws Exception {
        SweepSpec spec = root().spec("""
                name: sphere-median
                model: {trainer: function, function: sphere, dimensions: 2, steps: 6, fidelityNoise: 0.5}
                objective: {metric: value, direction: minimize}
                search: {strategy: median, trials: 24, seed: 2, minTrials: 3, warmupSteps: 2}
                space:
                  x1: {uniform: [-2, 2]}
                  x2: {uniform: [-2, 2]}
                """);
        new SweepRunner(SharedSpark.get()).run(spec, SweepListener.NONE);
        List<Row> stopped = root().sql("SELECT trial_id, stop_reason, metric_steps_run FROM trials WHERE stop_reason IS NOT NULL");
        assertFalse(stopped.isEmpty(), "with 24 trials some fall below the median of the first finished ones");
        for (Row r : stopped) {
            assertTrue(r.getString(1).startsWith("median rule: best value"), r.getString(1));
            assertTrue(r.getDouble(2) >= 2 && r.getDouble(2) < 6, "stopped after the warm-up and before the end: " + r);
            long points = root().sql("SELECT count(*) FROM curves WHERE trial_id = '" + r.getString(0) + "'").get(0).getLong(0);
            assertEquals((long) r.getDouble(2), points, "its curve ends where it stopped");
        }
        Map<String, Long> statuses = new HashMap<>();
        for (Row r : root().sql("SELECT status, count(*) FROM trials GROUP BY status")) statuses.put(r.getString(0), r.getLong(1));
        assertEquals(Map.of("COMPLETED", 24L), statuses, "a stopped trial is a completed trial with its value when stopped");
        assertNull(root().sql("SELECT rung FROM trials LIMIT 1").get(0).get(0), "no rungs outside successive halving");
    }

    @Test
    void aDl4jTrialPromotedByAshaContinuesFromItsModelCheckpoint() throws Exception {
        SweepSpec spec = root().spec("""
                name: iris-asha
                data: {source: iris}
                model: {trainer: dl4j-mlp, batchSize: 16, layers: 1, width: 8}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: asha, trials: 3, seed: 1, eta: 3, budget: {setting: epochs, min: 2, max: 6}}
                space:
                  learningRate: {logUniform: [0.001, 0.1]}
                """);
        new SweepRunner(SharedSpark.get()).run(spec, SweepListener.NONE);
        List<Row> rows = root().sql("SELECT rung, budget, metric_epochs_trained, metric_epochs_run, parent_trial_id FROM trials "
                + "WHERE sweep = 'iris-asha' ORDER BY rung");
        assertEquals(4, rows.size(), "3 configs at 2 epochs, the best of them continued to 6: " + rows);
        Row top = rows.get(3);
        assertEquals(1, top.getInt(0));
        assertEquals(6L, top.getLong(1));
        assertEquals(4.0, top.getDouble(2), "trained epochs 3 to 6 on top of its parent's model");
        assertEquals(6.0, top.getDouble(3));
        assertTrue(Files.isRegularFile(output.resolve("checkpoints/sweep=iris-asha/trial=" + top.getString(4) + "/model.zip")));
        long curvePoints = root().sql("SELECT count(*) FROM curves WHERE sweep = 'iris-asha'").get(0).getLong(0);
        assertEquals(3 * 2 + 4, curvePoints, "one point per epoch trained");
    }

    @Test
    void aWarmStartedAshaSweepRunsTheGivenAndEarlierBestConfigsFirstThenItsRungs() throws Exception {
        new SweepRunner(SharedSpark.get()).run(root().spec("""
                name: branin-first
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: 8, seed: 5}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                """), SweepListener.NONE);
        new SweepRunner(SharedSpark.get()).run(root().spec("""
                name: branin-second
                model: {trainer: function, function: branin, steps: 2}
                objective: {metric: value, direction: minimize}
                search: {strategy: asha, trials: 6, seed: 6, budget: {setting: steps, min: 1, max: 2}, eta: 2,
                         startWith: [{x1: 3.14159, x2: 2.275}], warmStartFrom: {sweep: branin-first, top: 2}}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                """), SweepListener.NONE);
        List<Row> best = root().sql("SELECT param_x1, param_x2 FROM trials WHERE sweep = 'branin-first' ORDER BY rank LIMIT 2");
        List<Row> first = root().sql("SELECT param_x1, param_x2, rung FROM trials WHERE sweep = 'branin-second' ORDER BY trial_index LIMIT 4");
        assertEquals(3.14159, first.get(0).getDouble(0), "the user's start config runs first");
        assertEquals(2.275, first.get(0).getDouble(1));
        for (int i = 0; i < 2; i++) {
            assertEquals(best.get(i).getDouble(0), first.get(i + 1).getDouble(0), "then the earlier sweep's best, best first");
            assertEquals(best.get(i).getDouble(1), first.get(i + 1).getDouble(1));
            assertTrue(first.get(i).isNullAt(2), "warm-start trials run in full, outside the rungs");
        }
        assertEquals(0, first.get(3).getInt(2), "then asha's own configs start at rung 0");
        long promoted = root().sql("SELECT count(*) FROM trials WHERE sweep = 'branin-second' AND rung = 1").get(0).getLong(0);
        assertTrue(promoted >= 1, "asha still promotes behind a warm start");
    }
}
