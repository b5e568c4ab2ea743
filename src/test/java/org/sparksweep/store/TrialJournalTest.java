package org.sparksweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.trial.TrialId;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/** The per-trial record format: what a task writes is what Spark reads back with the sweep's record schema. */
class TrialJournalTest {
    static SparkSession spark;

    @TempDir
    Path output;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.get();
    }

    private SweepSpec spec() throws Exception {
        return SpecReader.parse("""
                name: journal
                model: {trainer: test-faulty}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid, seed: 7}
                space:
                  mode: {choice: [ok, nan]}
                  x: {choice: [0.5, 2.5], when: {mode: [ok]}}
                  steps: {range: [1, 2]}
                  flag: {choice: [true, false]}
                  label: {choice: [plain, "a,b \\"quoted\\" é\\nnew line"]}
                output: %s
                """.formatted(output.toUri()), "test spec", false);
    }

    @Test
    void recordsReadBackWithEveryColumnsValueAndType() throws Exception {
        SweepSpec spec = spec();
        LeaderboardSchema schema = TrialPlan.recordSchema(spec);
        TrialJournal journal = TrialJournal.of(SweepStore.at(spec.output()), spec.name());
        List<Row> written = new ArrayList<>();
        long n = spec.space().gridSize().orElseThrow();
        for (long i = 0; i < n; i++) {
            TrialConfig config = spec.space().gridConfig(i);
            boolean ok = config.get("mode").equals("ok");
            Instant started = Instant.ofEpochSecond(1_700_000_000L + i, 123_456_789L); // stored to the microsecond
            TrialResult r = new TrialResult(TrialId.of(spec.name(), config, 7), i, config, 7, ok ? TrialStatus.COMPLETED : TrialStatus.DIVERGED,
                    ok ? Map.of("score", (Double) config.get("x"), "other", Double.NEGATIVE_INFINITY) : Map.of("score", Double.NaN),
                    ok ? (Double) config.get("x") : null, ok ? null : "objective score is NaN", started, started.plusSeconds(2),
                    2.0, i % 2 == 0 ? null : "host", "3", List.of(), 99L);
            Row row = schema.toRow(r);
            journal.write(i, row, schema.recordType(), spark.sparkContext().hadoopConfiguration());
            written.add(row);
            // what a retried attempt of the task reads instead of training the trial again
            TrialResult back = schema.fromRecord(journal.recorded(i, spark.sparkContext().hadoopConfiguration()).orElseThrow(), config);
            assertEquals(r.trialId(), back.trialId());
            assertEquals(r.status(), back.status());
            assertEquals(r.objective(), back.objective());
            assertEquals(r.error(), back.error());
            assertEquals(r.metrics().keySet(), back.metrics().keySet());
            assertEquals(r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS), back.startedAt());
            assertEquals(r.executorPid(), back.executorPid());
            assertEquals(r.config(), back.config());
        }
        // an attempt of trial 0 again (a retry): the same file, replaced, not a second record
        journal.write(0, written.get(0), schema.recordType(), spark.sparkContext().hadoopConfiguration());

        Path dir = Path.of(java.net.URI.create(journal.dir()));
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(n, names.size(), "one file per trial, no temporary or checksum files left: " + names);
            assertTrue(names.stream().allMatch(f -> f.matches("t\\d+\\.json")), names.toString());
        }
        List<Row> read = new ArrayList<>(journal.read(spark, schema.recordType()).collectAsList());
        read.sort(Comparator.comparingLong(r -> r.getLong(1)));
        assertEquals(written.size(), read.size());
        for (int i = 0; i < written.size(); i++) {
            Row w = written.get(i), r = read.get(i);
            for (int c = 0; c < w.size(); c++) {
                String column = schema.recordType().fields()[c].name();
                Object expected = w.get(c), actual = r.get(c);
                if (expected instanceof Double d && d.isNaN()) assertTrue(((Double) actual).isNaN(), column);
                else if (expected instanceof java.sql.Timestamp t) {
                    assertEquals(t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), ((java.sql.Timestamp) actual).toInstant(), column);
                }
                else assertEquals(expected, actual, "trial " + i + " column " + column);
            }
        }
    }

    @Test
    void aCrossValidatedTrialsFoldsSurviveItsRecord() throws Exception {
        SweepSpec spec = SpecReader.parse("""
                name: folds
                data: {source: iris, folds: 3}
                model: {trainer: test-centroid}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: grid}
                space:
                  distance: {choice: [euclidean, manhattan]}
                output: %s
                """.formatted(output.toUri()), "test spec", false);
        LeaderboardSchema schema = TrialPlan.recordSchema(spec);
        TrialJournal journal = TrialJournal.of(SweepStore.at(spec.output()), spec.name());
        TrialConfig config = spec.space().gridConfig(1);
        List<Map<String, Double>> folds = List.of(
                Map.of("accuracy", 0.9, "train_rows", 80.0, "validation_rows", 50.0),
                Map.of("accuracy", 0.8, "train_rows", 80.0, "validation_rows", 50.0),
                Map.of("accuracy", Double.NaN, "train_rows", 80.0, "validation_rows", 50.0));
        Instant started = Instant.parse("2030-01-01T00:00:00Z");
        TrialResult r = new TrialResult(TrialId.of(spec.name(), config, 0), 1, config, 0, TrialStatus.COMPLETED,
                Map.of("accuracy", 0.85, "train_rows", 80.0, "validation_rows", 50.0), 0.85, null, started, started.plusSeconds(1),
                1.0, "host", "1", folds, 7L);
        journal.write(1, schema.toRow(r), schema.recordType(), spark.sparkContext().hadoopConfiguration());

        TrialResult back = schema.fromRecord(journal.recorded(1, spark.sparkContext().hadoopConfiguration()).orElseThrow(), config);
        assertEquals(3, back.folds().size());
        assertEquals(0.8, back.folds().get(1).get("accuracy"));
        assertTrue(back.folds().get(2).get("accuracy").isNaN());
        assertEquals(folds.get(0), back.folds().get(0));
        Row read = journal.read(spark, schema.recordType()).collectAsList().get(0);
        assertEquals(List.of(0.9, 0.8, Double.NaN), read.getList(read.fieldIndex(Columns.metricFolds("accuracy"))));
    }

    @Test
    void anEmptyOrMissingJournalReadsAsNothing() throws Exception {
        SweepSpec spec = spec();
        TrialJournal journal = TrialJournal.of(SweepStore.at(spec.output()), spec.name());
        assertNull(journal.read(spark, TrialPlan.recordSchema(spec).recordType()));
        assertTrue(journal.recorded(3, spark.sparkContext().hadoopConfiguration()).isEmpty());
        assertEquals(List.of(), journal.files(spark.sparkContext().hadoopConfiguration()));
    }
}
