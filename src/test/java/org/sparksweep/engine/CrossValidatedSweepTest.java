package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.testing.CommandLineRun;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.testing.SweepRoot;
import org.sparksweep.trial.TrialStatus;

/** Sweeps over real data on local[2]: k-fold columns in the leaderboard, and bad data as FAILED rows. */
class CrossValidatedSweepTest {
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
    void threeFoldSweepReportsFoldMeansStandardDeviationsAndPerFoldValues() throws Exception {
        SweepSpec spec = spec("""
                name: iris-folds
                data: {source: iris, folds: 3, splitSeed: 5}
                model: {trainer: test-centroid}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: grid}
                space:
                  distance: {choice: [euclidean, manhattan]}
                """);
        SweepSummary summary = new SweepRunner(spark).run(spec, SweepListener.NONE);
        assertEquals(Map.of(TrialStatus.COMPLETED, 2L), summary.byStatus());

        List<Row> rows = sql("SELECT objective, metric_accuracy, metric_accuracy_std, metric_accuracy_folds, "
                + "metric_validation_rows_folds, metric_train_rows, size(metric_accuracy_folds), "
                + "aggregate(metric_accuracy_folds, 0D, (s, x) -> s + x) / size(metric_accuracy_folds) "
                + "FROM trials WHERE sweep = 'iris-folds'");
        assertEquals(2, rows.size());
        for (Row r : rows) {
            List<Double> folds = r.getList(3);
            assertEquals(3, folds.size());
            double mean = (folds.get(0) + folds.get(1) + folds.get(2)) / 3;
            double variance = 0;
            for (double v : folds) variance += (v - mean) * (v - mean);
            assertEquals(mean, r.getDouble(1), 1e-12, "metric_accuracy is the fold mean");
            assertEquals(mean, r.getDouble(0), 1e-12, "the objective is the fold mean");
            assertEquals(Math.sqrt(variance / 3), r.getDouble(2), 1e-12, "metric_accuracy_std is the population std");
            assertEquals(List.of(50.0, 50.0, 50.0), r.getList(4), "each fold validates on a third of the 150 flowers");
            assertEquals(100.0, r.getDouble(5), "and trains on the other two thirds");
            assertEquals(3, r.getInt(6));
            assertEquals(mean, r.getDouble(7), 1e-12, "Spark SQL can compute with the fold array");
            assertTrue(mean > 0.7, "nearest centroid separates iris: " + folds);
        }

        CommandLineRun json = CommandLineRun.of("sql", "--output", output.toString(), "--format", "json",
                "SELECT metric_validation_rows_folds FROM trials WHERE sweep = 'iris-folds' LIMIT 1");
        assertEquals(0, json.exit(), json.err());
        assertTrue(json.out().replaceAll("\\s", "").contains("\"metric_validation_rows_folds\":[50.0,50.0,50.0]"), json.out());
        CommandLineRun table = CommandLineRun.of("sql", "--output", output.toString(),
                "SELECT metric_validation_rows_folds FROM trials WHERE sweep = 'iris-folds' LIMIT 1");
        assertTrue(table.out().contains("[50.0, 50.0, 50.0]"), table.out());
        CommandLineRun top = CommandLineRun.of("leaderboard", "--output", output.toString(), "--format", "csv");
        assertEquals(0, top.exit(), top.err());
        String header = top.lines().get(0);
        assertTrue(header.contains("metric_accuracy,") && header.contains("metric_accuracy_std"), header);
        assertFalse(header.contains("_folds"), "the ranking view leaves the per-fold arrays to sql: " + header);
    }

    @Test
    void aTrialThatMeetsBadDataIsAFailedRowNamingFileLineAndColumn() throws Exception {
        Path csv = output.resolve("plants.csv");
        StringBuilder text = new StringBuilder("height,width,kind\n");
        for (int i = 0; i < 20; i++) text.append(i).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "fern" : "moss").append('\n');
        Files.writeString(csv, text.toString());
        SweepSpec spec = spec("""
                name: bad-cell
                data: {source: csv, path: "%s", label: kind}
                model: {trainer: test-centroid}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: grid}
                space:
                  distance: {choice: [euclidean, manhattan]}
                """.formatted(csv));
        // the header was fine when the spec was read; a cell goes bad before the trials run
        Files.writeString(csv, text.toString().replace("\n7,2,", "\n7,two,"));
        SweepSummary summary = new SweepRunner(spark).run(spec, SweepListener.NONE);
        assertEquals(Map.of(TrialStatus.FAILED, 2L), summary.byStatus());
        for (Row r : sql("SELECT error FROM trials WHERE sweep = 'bad-cell'")) {
            String error = r.getString(0);
            assertTrue(error.contains("DataException") && error.contains("plants.csv, line 9, column 'width': 'two' is not a number"), error);
        }
    }
}
