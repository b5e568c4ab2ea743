package org.sparksweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.testing.FaultyTrainer;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.trial.TrialId;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/** Trial records are Parquet files written by the driver, batch by batch, and read back by Spark as the schema says. */
class TrialRecordsTest {
    static SparkSession spark;
    /** Holds the tasks of a Spark job that keeps every task slot busy (local mode: tasks share this JVM). */
    static volatile CountDownLatch slotsBusy = new CountDownLatch(0);

    @TempDir
    Path output;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.get();
    }

    private SweepSpec spec() throws Exception {
        return SpecReader.parse("""
                name: records
                model: {trainer: test-faulty}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid, seed: 7}
                space:
                  mode: {choice: [ok, throw]}
                  x: {choice: [0.5, 2.5], when: {mode: [ok]}}
                  steps: {range: [1, 3]}
                  flag: {choice: [true, false]}
                  label: {choice: [plain, "a,b \\"quoted\\" é"]}
                output: %s
                """.formatted(output.toUri()), "test spec", false);
    }

    private String recordsPath(SweepSpec spec) {
        return SweepStore.at(spec.output()).records(spec.name());
    }

    /** Grid trial i: COMPLETED with score = x for mode ok, FAILED (error, no objective, one metric) for mode throw. */
    private static TrialResult result(SweepSpec spec, long i) {
        TrialConfig config = spec.space().gridConfig(i);
        boolean ok = config.get("mode").equals("ok");
        // nanosecond instants (stored to the microsecond, rounded down); the first is just before 1970
        Instant started = i == 0 ? Instant.ofEpochSecond(-1, 999_999_999) : Instant.ofEpochSecond(1_700_000_000L + i * 61, 123_456_789L + i);
        Instant finished = started.plusMillis(1500 + i).plusNanos(999);
        double x = ok ? (Double) config.get("x") : 0;
        return new TrialResult(TrialId.of(spec.name(), config, 7), i, config, 7,
                ok ? TrialStatus.COMPLETED : TrialStatus.FAILED,
                ok ? Map.of("score", x, "other", -x) : Map.of("other", 1.0),
                ok ? x : null,
                ok ? null : "java.lang.IllegalStateException: " + FaultyTrainer.FAILURE_MESSAGE + i,
                started, finished, 1.5 + i, i % 3 == 0 ? null : "host-" + i, String.valueOf(i % 2));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void batchesAreReadBackBySparkWithTheSchemasColumnsTypesAndValues() throws Exception {
        SweepSpec spec = spec();
        LeaderboardSchema schema = TrialPlan.recordSchema(spec);
        long trials = spec.space().gridSize().getAsLong();
        assertEquals(36, trials, "mode ok × 2 x + mode throw, × 3 steps × 2 flags × 2 labels");
        String path = recordsPath(spec);
        Path dir = Path.of(URI.create(path));
        assertFalse(Files.exists(dir), "the directory is created by the first batch");

        List<TrialResult> added = new ArrayList<>();
        try (TrialRecords records = new TrialRecords(spark, schema, path, 5, Long.MAX_VALUE)) {
            for (long i = 0; i < trials; i++) {
                TrialResult r = result(spec, i);
                records.add(r);
                added.add(r);
            }
            records.drain();
        }

        List<String> files = names(dir);
        assertEquals(8, files.size(), "36 results in batches of 5 are 8 files: " + files);
        for (int b = 0; b < files.size(); b++) {
            assertTrue(files.get(b).matches(String.format("part-%05d-[0-9a-f-]{36}\\.parquet", b)), files.get(b));
        }

        // what a batch being written looks like: Spark's reader must skip it
        Files.writeString(dir.resolve("_part-00008-" + UUID.randomUUID() + ".parquet.tmp"), "PAR1 half-written");
        ReadBack read = new ReadBack(spark.read().parquet(path));
        StructType expected = schema.recordType();
        assertEquals(Arrays.stream(expected.fields()).map(StructField::name).toList(), Arrays.asList(read.type.fieldNames()),
                "the same columns in the same order");
        for (StructField f : expected.fields()) {
            assertEquals(f.dataType(), read.type.apply(f.name()).dataType(), f.name());
        }
        assertEquals(added.size(), read.rows.size(), "one row per result added");

        for (TrialResult r : added) {
            Row row = read.rows.get((int) r.index());
            assertEquals(r.index(), row.getLong(row.fieldIndex(Columns.TRIAL_INDEX)));
            Row want = schema.toRow(r);
            for (int c = 0; c < expected.size(); c++) {
                String column = expected.fields()[c].name();
                if (expected.fields()[c].dataType().equals(DataTypes.TimestampType)) {
                    assertEquals(micros(((Timestamp) want.get(c)).toInstant()), row.getTimestamp(c).toInstant(), column);
                } else {
                    assertEquals(want.get(c), row.get(c), column + " of trial " + r.index());
                }
            }
            // and the values that matter, spelled out
            assertEquals(micros(r.startedAt()), row.<Timestamp>getAs(Columns.STARTED_AT).toInstant(), "started_at to the microsecond");
            assertEquals(micros(r.finishedAt()), row.<Timestamp>getAs(Columns.FINISHED_AT).toInstant(), "finished_at to the microsecond");
            assertEquals(r.trialId(), row.getAs(Columns.TRIAL_ID));
            assertEquals(r.config().canonicalJson(), row.getAs(Columns.CONFIG_JSON));
            assertEquals(r.config().get("steps"), row.<Long>getAs(Columns.param("steps")));
            assertEquals(r.config().get("flag"), row.<Boolean>getAs(Columns.param("flag")));
            assertEquals(r.config().get("label"), row.<String>getAs(Columns.param("label")));
            assertEquals(r.executorHost(), row.getAs(Columns.EXECUTOR_HOST));
            if (r.status() == TrialStatus.COMPLETED) {
                assertEquals("COMPLETED", row.getAs(Columns.STATUS));
                assertEquals(r.config().get("x"), row.<Double>getAs(Columns.OBJECTIVE));
                assertEquals(r.config().get("x"), row.<Double>getAs(Columns.param("x")));
                assertNull(row.getAs(Columns.ERROR));
            } else {
                assertEquals("FAILED", row.getAs(Columns.STATUS));
                assertEquals(r.error(), row.getAs(Columns.ERROR));
                assertNull(row.getAs(Columns.OBJECTIVE), "a failed trial has no objective");
                assertNull(row.getAs(Columns.metric("score")));
                assertEquals(1.0, row.<Double>getAs(Columns.metric("other")));
                assertNull(row.getAs(Columns.param("x")), "x is inactive unless mode is ok");
            }
        }
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), read.rows.get(0).getTimestamp(read.type.fieldIndex(Columns.STARTED_AT)).toInstant());

        // the Parquet types themselves
        MessageType parquet = footer(path + "/" + files.get(0), spark.sparkContext().hadoopConfiguration());
        assertPrimitive(parquet, Columns.TRIAL_ID, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), Repetition.REQUIRED);
        assertPrimitive(parquet, Columns.ERROR, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), Repetition.OPTIONAL);
        assertPrimitive(parquet, Columns.TRIAL_INDEX, PrimitiveTypeName.INT64, null, Repetition.REQUIRED);
        assertPrimitive(parquet, Columns.param("steps"), PrimitiveTypeName.INT64, null, Repetition.OPTIONAL);
        assertPrimitive(parquet, Columns.param("x"), PrimitiveTypeName.DOUBLE, null, Repetition.OPTIONAL);
        assertPrimitive(parquet, Columns.param("flag"), PrimitiveTypeName.BOOLEAN, null, Repetition.OPTIONAL);
        assertPrimitive(parquet, Columns.STARTED_AT, PrimitiveTypeName.INT64,
                LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS), Repetition.REQUIRED);
    }

    private static void assertPrimitive(MessageType schema, String column, PrimitiveTypeName primitive, LogicalTypeAnnotation logical, Repetition repetition) {
        PrimitiveType t = schema.getType(column).asPrimitiveType();
        assertEquals(primitive, t.getPrimitiveTypeName(), column);
        assertEquals(logical, t.getLogicalTypeAnnotation(), column);
        assertEquals(repetition, t.getRepetition(), column);
    }

    /** The schema Spark read, and its rows ordered by trial index. */
    private record ReadBack(StructType type, List<Row> rows) {
        ReadBack(Dataset<Row> df) {
            this(df.schema(), df.orderBy(Columns.TRIAL_INDEX).collectAsList());
        }
    }

    @Test
    void intColumnsAreInt32() throws Exception {
        // no record column is an int today; the mapping is there for whoever adds one
        StructType type = new StructType(new StructField[] {
            DataTypes.createStructField("n", DataTypes.IntegerType, false),
            DataTypes.createStructField("m", DataTypes.IntegerType, true)});
        String file = output.resolve("ints.parquet").toUri().toString();
        Configuration conf = new Configuration();
        new ParquetRows(type).write(HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file), conf), conf,
                CompressionCodecName.UNCOMPRESSED, List.of(RowFactory.create(1, null), RowFactory.create(-7, 42)));
        assertPrimitive(footer(file, conf), "n", PrimitiveTypeName.INT32, null, Repetition.REQUIRED);
        var df = spark.read().parquet(file);
        assertEquals(DataTypes.IntegerType, df.schema().apply("n").dataType());
        assertEquals(DataTypes.IntegerType, df.schema().apply("m").dataType());
        List<Row> rows = df.orderBy("n").collectAsList();
        assertEquals(List.of(-7, 42), List.of(rows.get(0).get(0), rows.get(0).get(1)));
        assertEquals(1, rows.get(1).getInt(0));
        assertTrue(rows.get(1).isNullAt(1));
    }

    @Test
    void aFullBatchIsOnStorageBeforeDrainEvenWhileTrialTasksHoldEverySlot() throws Exception {
        SweepSpec spec = spec();
        String path = recordsPath(spec);
        Path dir = Path.of(URI.create(path));
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slots = spark.sparkContext().defaultParallelism();
        slotsBusy = new CountDownLatch(1);
        // a job with more tasks than slots, like a queue of long trials: a Spark job writing the batch would wait behind it
        JavaFutureAction<Void> trials = jsc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 2 * slots)
                .foreachAsync(t -> slotsBusy.await(60, TimeUnit.SECONDS));
        try (TrialRecords records = new TrialRecords(spark, TrialPlan.recordSchema(spec), path, 4, Long.MAX_VALUE)) {
            for (long i = 0; i < 4; i++) records.add(result(spec, i));
            waitFor(() -> Files.isDirectory(dir) && !names(dir).isEmpty() && names(dir).get(0).startsWith("part-"), "the full batch's file");
            assertFalse(trials.isDone(), "the trial tasks still hold every slot");
            // read without Spark: its slots are taken
            assertEquals(4, footerRows(path + "/" + names(dir).get(0), conf), "a full batch is on storage without waiting for drain");

            records.add(result(spec, 4));
            records.flushIfDue();
            assertEquals(1, names(dir).size(), "a result short of a batch, not yet due, stays pending");
            slotsBusy.countDown();
            trials.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(0L, 1L, 2L, 3L), indices(path));
            records.drain();
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), indices(path));
            assertEquals(2, names(dir).size(), "two files and no temporary ones: " + names(dir));
        } finally {
            slotsBusy.countDown();
        }
    }

    @Test
    void aFailedWriteIsReportedByTheNextDrain() throws Exception {
        SweepSpec spec = spec();
        Path notADirectory = Files.writeString(output.resolve("a-file"), "in the way");
        String path = notADirectory.toUri() + "/records";
        try (TrialRecords records = new TrialRecords(spark, TrialPlan.recordSchema(spec), path, 100, Long.MAX_VALUE)) {
            records.add(result(spec, 1));
            IOException e = assertThrows(IOException.class, records::drain);
            assertTrue(e.getMessage().contains("could not write trial records to " + path), e.getMessage());
        }
    }

    private static MessageType footer(String file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), conf))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    private static long footerRows(String file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), conf))) {
            return reader.getRecordCount();
        }
    }

    private static List<Long> indices(String path) {
        return spark.read().parquet(path).orderBy(Columns.TRIAL_INDEX).select(Columns.TRIAL_INDEX).as(Encoders.LONG()).collectAsList();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
