package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.testing.ProbeStrategy;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.testing.SweepRoot;
import org.sparksweep.trial.TrialStatus;

/** How the engine drives strategies whose proposals depend on results (tpe), on local[2]. */
class AdaptiveSweepTest {
    static SparkSession spark;

    @TempDir
    Path output;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.get();
    }

    @Test
    void anAdaptiveStrategyIsAskedOnlyForFreeSlotsWithTheDecoderOfItsLatestProposals() throws Exception {
        SweepRoot root = new SweepRoot(output);
        SweepSpec spec = root.spec("""
                name: probe
                model: {trainer: function, function: branin, costSeconds: 0.05}
                objective: {metric: value, direction: minimize}
                search: {strategy: test-probe, trials: 12}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                """);
        ProbeStrategy.ASKS.clear();
        SweepSummary summary = new SweepRunner(spark).run(spec, SweepListener.NONE);

        assertEquals(Map.of(TrialStatus.COMPLETED, 12L), summary.byStatus(), "every trial decoded with its own ask's decoder");
        int slots = spark.sparkContext().defaultParallelism();
        List<ProbeStrategy.Ask> asks = ProbeStrategy.asks();
        for (ProbeStrategy.Ask a : asks) {
            assertTrue(a.max() >= 1 && a.running() + a.max() <= slots, "asked for free slots only: " + a + " with " + slots + " slots");
        }
        // after the first ask fills the slots, every later proposal came after at least one more result
        assertEquals(0, asks.get(0).told());
        assertTrue(asks.stream().skip(1).allMatch(a -> a.told() >= 1), asks.toString());
        // the trials say how many results the strategy had when it proposed them: later trials knew more
        List<Row> rows = root.sql("SELECT trial_index, param_x1 FROM trials WHERE sweep = 'probe' ORDER BY trial_index");
        assertEquals(12, rows.size());
        assertEquals(0.0, rows.get(0).getDouble(1));
        assertTrue(rows.get(11).getDouble(1) >= 12 - slots, "the last proposal saw all but the running trials: " + rows.get(11));
    }

    @Test
    void aStoppedTpeSweepResumesFromItsRecordsWithoutRetrainingThem() throws Exception {
        SweepRoot root = new SweepRoot(output);
        String yaml = """
                name: tpe-resume
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: tpe, trials: 16, seed: 4, startupTrials: 4}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                """;
        // the first run stops at the first trial that is good enough; the second (no stop) finishes the budget
        SweepSummary first = new SweepRunner(spark).run(root.spec(yaml + "stop: {objective: 60}\n"), SweepListener.NONE);
        assertNotNull(first.stopReason(), "branin has values below 60 in most of the box: the first run stops early");
        Map<Long, Object> before = new HashMap<>();
        for (Row r : root.sql("SELECT trial_index, started_at FROM trials WHERE sweep = 'tpe-resume'")) before.put(r.getLong(0), r.get(1));
        assertTrue(before.size() < 16, "stopped before its budget: " + before.size());

        SweepSummary second = new SweepRunner(spark).run(root.spec(yaml), SweepListener.NONE);
        assertEquals(before.size(), second.resumed());
        List<Row> rows = root.sql("SELECT trial_index, started_at, status FROM trials WHERE sweep = 'tpe-resume' ORDER BY trial_index");
        assertEquals(16, rows.size(), "recorded trials count against the budget: " + rows);
        assertEquals(16, rows.stream().map(r -> r.getLong(0)).distinct().count(), "one row per trial");
        long maxBefore = before.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (Row r : rows) {
            if (before.containsKey(r.getLong(0))) assertEquals(before.get(r.getLong(0)), r.get(1), "not trained again: " + r);
            else assertTrue(r.getLong(0) > maxBefore, "new proposals are numbered after the recorded ones: " + r);
            assertEquals("COMPLETED", r.getString(2));
        }
    }
}
