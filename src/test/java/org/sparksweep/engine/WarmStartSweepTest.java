package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.testing.SweepRoot;

/** A sweep started from an earlier sweep's best configs and from configs in its spec, on local[2]. */
class WarmStartSweepTest {
    static SparkSession spark;

    @TempDir
    Path output;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.get();
    }

    @Test
    void theSpecsConfigsAndTheEarlierSweepsBestRunFirstWithinTheBudget() throws Exception {
        SweepRoot root = new SweepRoot(output);
        new SweepRunner(spark).run(root.spec("""
                name: earlier
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [-3.14159, 0.0, 3.14159, 9.42478]}
                  x2: {choice: [2.275, 8.0, 12.275]}
                """), SweepListener.NONE);
        List<Row> best = root.sql("SELECT param_x1, param_x2 FROM trials WHERE sweep = 'earlier' ORDER BY rank, trial_index LIMIT 2");

        SweepSummary later = new SweepRunner(spark).run(root.spec("""
                name: later
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: tpe, trials: 10, seed: 1, startWith: [{x1: 1, x2: 1}], warmStartFrom: {sweep: earlier, top: 2}}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                """), SweepListener.NONE);
        assertEquals(10, later.trials(), "warm-start trials count against the 10");
        List<Row> rows = root.sql("SELECT trial_index, param_x1, param_x2, status FROM trials WHERE sweep = 'later' ORDER BY trial_index");
        assertEquals(10, rows.size());
        assertEquals(List.of(0L, 1.0, 1.0), List.of(rows.get(0).get(0), rows.get(0).get(1), rows.get(0).get(2)), "the spec's config first");
        for (int i = 0; i < 2; i++) {
            assertEquals(best.get(i).getDouble(0), rows.get(1 + i).getDouble(1), "then the earlier sweep's best, in rank order");
            assertEquals(best.get(i).getDouble(1), rows.get(1 + i).getDouble(2));
        }
        assertTrue(rows.stream().allMatch(r -> r.getString(3).equals("COMPLETED")));

        SweepFailedException missing = assertThrows(SweepFailedException.class, () -> new SweepRunner(spark).run(root.spec("""
                name: orphan
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: 4, warmStartFrom: {sweep: nosuch, top: 1}}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                """), SweepListener.NONE));
        assertTrue(missing.getMessage().contains("no leaderboard of sweep 'nosuch' under"), missing.getMessage());
    }
}
