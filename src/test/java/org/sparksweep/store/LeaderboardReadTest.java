package org.sparksweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.testing.CommandLineRun;
import org.sparksweep.testing.SharedSpark;

/** Leaderboard.read over roots whose sweeps disagree on columns and types, and whose names look like numbers. */
class LeaderboardReadTest {
    static SparkSession spark;

    @TempDir
    Path output;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.get();
    }

    private SweepStore store() {
        return SweepStore.at(output.toUri().toString());
    }

    private void sweep(String name, String space) throws Exception {
        sweep(name, "{trainer: function, function: sphere, dimensions: 2}", "value", space);
    }

    private void sweep(String name, String model, String metric, String space) throws Exception {
        sweep(null, name, model, metric, space);
    }

    /** Runs a grid sweep under {@code output}, or under its subdirectory {@code root}. */
    private void sweep(String root, String name, String model, String metric, String space) throws Exception {
        String yaml = """
                name: "%s"
                model: %s
                objective: {metric: %s, direction: minimize}
                search: {strategy: grid}
                space:
                %s
                output: %s
                """.formatted(name, model, metric, space.indent(2).stripTrailing(), (root == null ? output : output.resolve(root)).toUri());
        new SweepRunner(spark).run(SpecReader.parse(yaml, "test spec", false), SweepListener.NONE);
    }

    private static CommandLineRun cli(String... args) {
        return CommandLineRun.of(args);
    }

    private DataType partitionType(String sweep, String column) {
        return spark.read().parquet(store().leaderboard(sweep)).schema().apply(column).dataType();
    }

    @Test
    void integerAndRealParameterColumnsAreReadAsDoubles() throws Exception {
        sweep("ints", "x1: {range: [0, 2]}\nx2: {choice: [1.0]}");
        // the second sweep runs through the CLI: the table it prints at the end reads the whole root
        Path spec = output.resolve("reals.yaml");
        Files.writeString(spec, """
                name: reals
                model: {trainer: function, function: sphere, dimensions: 2}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [0.5, 1.5]}
                  x2: {choice: [1.0]}
                output: %s
                """.formatted(output.toUri()));
        CommandLineRun run = cli("run", spec.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("(2 rows"), run.out());
        assertEquals(DataTypes.LongType, partitionType("ints", "param_x1"), "an integer range on a real knob stays bigint");
        assertEquals(DataTypes.DoubleType, partitionType("reals", "param_x1"));

        Dataset<Row> all = Leaderboard.read(spark, store());
        assertEquals("sweep", all.columns()[0], "sweep comes first");
        assertEquals(DataTypes.StringType, all.schema().apply("sweep").dataType());
        assertEquals(DataTypes.DoubleType, all.schema().apply("param_x1").dataType());
        Map<String, List<Double>> x1 = new TreeMap<>();
        for (Row r : all.select("sweep", "param_x1", "objective").orderBy("sweep", "param_x1").collectAsList()) {
            x1.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getDouble(1));
            assertEquals(r.getDouble(1) * r.getDouble(1) + 1.0, r.getDouble(2), 1e-12, "sphere at the row's parameters");
        }
        assertEquals(Map.of("ints", List.of(0.0, 1.0, 2.0), "reals", List.of(0.5, 1.5)), x1);

        CommandLineRun sql = cli("sql", "--output", output.toString(), "--format", "json",
                "SELECT sweep, sum(param_x1) AS total, count(*) AS n FROM trials GROUP BY sweep ORDER BY sweep");
        assertEquals(0, sql.exit(), sql.err());
        JsonNode rows = new ObjectMapper().readTree(sql.out());
        assertEquals(2, rows.size(), sql.out());
        assertEquals("ints", rows.get(0).get("sweep").asText());
        assertEquals(3.0, rows.get(0).get("total").asDouble());
        assertEquals(3, rows.get(0).get("n").asLong());
        assertEquals("reals", rows.get(1).get("sweep").asText());
        assertEquals(2.0, rows.get(1).get("total").asDouble());

        CommandLineRun board = cli("leaderboard", "--output", output.toString(), "--format", "csv");
        assertEquals(0, board.exit(), board.err());
        List<String> lines = board.out().lines().toList();
        assertEquals(6, lines.size(), board.out());
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals(List.of("sweep", "rank", "trial_id", "status", "objective", "metric_value", "metric_f1", "metric_f2", "metric_steps_run", "metric_steps_trained", "param_x1", "param_x2", "train_seconds", "error"),
                header);
        String[] best = lines.get(1).split(",", -1);
        assertEquals("ints", best[0]);
        assertEquals("0.0", best[header.indexOf("param_x1")]);
    }

    @Test
    void sweepNamesAreStringsAsWritten() throws Exception {
        // each root on its own: mixed with other names, Spark's inference would fall back to strings
        assertEquals(Map.of("007", 1L), sweepsUnder("bond", "007"));
        assertEquals(Map.of("1.50", 1L, "1.5", 1L), sweepsUnder("decimals", "1.50", "1.5"));
        assertEquals(Map.of("2024-01-31", 1L), sweepsUnder("dated", "2024-01-31"));
        assertEquals(Map.of("7", 1L), sweepsUnder("seven", "7"));
    }

    private Map<String, Long> sweepsUnder(String root, String... names) throws Exception {
        for (String name : names) sweep(root, name, "{trainer: function, function: sphere, dimensions: 2}", "value",
                "x1: {choice: [1.0]}\nx2: {choice: [2.0]}");
        Dataset<Row> all = Leaderboard.read(spark, SweepStore.at(output.resolve(root).toUri().toString()));
        assertEquals(DataTypes.StringType, all.schema().apply("sweep").dataType());
        Map<String, Long> counts = new HashMap<>();
        for (Row r : all.groupBy("sweep").count().collectAsList()) counts.put(r.getString(0), r.getLong(1));
        return counts;
    }

    @Test
    void columnsASweepLacksAreNull() throws Exception {
        sweep("two-d", "x1: {choice: [1.0, 2.0]}\nx2: {choice: [3.0]}");
        sweep("faulty", "{trainer: test-faulty}", "score", "mode: {choice: [ok, missing]}\nx: {choice: [4.0]}");
        Dataset<Row> all = Leaderboard.read(spark, store());
        List<String> columns = Arrays.asList(all.columns());
        assertTrue(columns.containsAll(List.of("param_x1", "param_x2", "param_mode", "param_x", "metric_value", "metric_score")), columns.toString());
        assertEquals(columns.size(), new TreeSet<>(columns).size(), "each column once");
        List<Row> rows = all.select("sweep", "param_x1", "param_x2", "param_mode", "param_x", "metric_value", "metric_score").collectAsList();
        assertEquals(4, rows.size());
        for (Row r : rows) {
            if (r.getString(0).equals("two-d")) {
                assertTrue(r.isNullAt(3) && r.isNullAt(4) && r.isNullAt(6), r.toString());
                assertTrue(!r.isNullAt(1) && !r.isNullAt(2) && !r.isNullAt(5), r.toString());
            } else {
                assertEquals("faulty", r.getString(0));
                assertTrue(r.isNullAt(1) && r.isNullAt(2) && r.isNullAt(5), r.toString());
                assertEquals(4.0, r.getDouble(4));
            }
        }
        CommandLineRun board = cli("leaderboard", "--output", output.toString(), "--format", "csv", "--top", "0");
        assertEquals(0, board.exit(), board.err());
        assertEquals(5, board.out().lines().count(), board.out());
    }

    @Test
    void anAbsentOrEmptyRootSaysWhere() throws Exception {
        SweepStore absent = SweepStore.at(output.resolve("nothing-here").toUri().toString());
        IOException e = assertThrows(IOException.class, () -> Leaderboard.read(spark, absent));
        assertEquals("no leaderboard under " + absent.root() + " (run a sweep first, or pass --output ROOT)", e.getMessage());

        Path leaderboard = Files.createDirectories(output.resolve("leaderboard"));
        Files.createFile(leaderboard.resolve("_SUCCESS"));
        Files.createDirectories(leaderboard.resolve("_temporary"));
        Files.createDirectories(leaderboard.resolve("sweep=empty")); // e.g. an interrupted rewrite
        e = assertThrows(IOException.class, () -> Leaderboard.read(spark, store()));
        assertEquals("no leaderboard under " + store().root() + " (run a sweep first, or pass --output ROOT)", e.getMessage());
    }

    @Test
    void otherConflictsBecomeStringsAndEscapedNamesAreUnescaped() throws Exception {
        StructType flagAsBoolean = new StructType().add("trial_index", DataTypes.IntegerType).add("param_flag", DataTypes.BooleanType);
        StructType flagAsLong = new StructType().add("trial_index", DataTypes.LongType).add("param_flag", DataTypes.LongType);
        spark.createDataFrame(List.of(RowFactory.create(1, true)), flagAsBoolean).write().parquet(store().leaderboard("a"));
        // Spark's own partitioned writer escapes ':' and '%' in directory names
        spark.createDataFrame(List.of(RowFactory.create(2L, 7L, "b:c%d")), flagAsLong.add("sweep", DataTypes.StringType))
                .write().mode("append").partitionBy("sweep").parquet(store().leaderboardRoot());
        assertTrue(Files.exists(output.resolve("leaderboard").resolve("_SUCCESS")));
        Files.createDirectories(output.resolve("leaderboard").resolve(".hidden"));
        Files.createDirectories(output.resolve("leaderboard").resolve("_sweep=x"));
        Files.writeString(output.resolve("leaderboard").resolve("sweep=file"), "not a directory");

        Dataset<Row> all = Leaderboard.read(spark, store());
        assertEquals(List.of("sweep", "trial_index", "param_flag"), Arrays.asList(all.columns()));
        assertEquals(DataTypes.LongType, all.schema().apply("trial_index").dataType(), "int and bigint make bigint");
        assertEquals(DataTypes.StringType, all.schema().apply("param_flag").dataType(), "boolean and bigint make string");
        Map<String, String> flags = new TreeMap<>();
        for (Row r : all.collectAsList()) flags.put(r.getString(0), r.getString(2));
        assertEquals(Map.of("a", "true", "b:c%d", "7"), flags);
    }

    @Test
    void sweepsThatCannotShareARelationAreReadOnTheirOwn() throws Exception {
        StructType plain = new StructType().add("trial_index", DataTypes.LongType).add("param_x", DataTypes.DoubleType);
        spark.createDataFrame(List.of(RowFactory.create(1L, 0.5)), plain).write().parquet(store().leaderboard("spark-written"));
        spark.createDataFrame(List.of(RowFactory.create(2L, 1.5)), plain).write().parquet(store().leaderboard("__HIVE_DEFAULT_PARTITION__"));
        spark.createDataFrame(List.of(RowFactory.create(3L, 2.5, "not-this")), plain.add("sweep", DataTypes.StringType))
                .write().parquet(store().leaderboard("own-column"));
        // a file with no Spark schema in its footer
        MessageType foreign = MessageTypeParser.parseMessageType(
                "message trial { required int32 trial_index; optional float param_x; }");
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(store().leaderboard("foreign") + "/part-0.parquet");
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, conf)).withType(foreign).build()) {
            writer.write(new SimpleGroupFactory(foreign).newGroup().append("trial_index", 4).append("param_x", 3.5f));
        }

        Dataset<Row> all = Leaderboard.read(spark, store());
        assertEquals(List.of("sweep", "trial_index", "param_x"), Arrays.asList(all.columns()));
        assertEquals(DataTypes.LongType, all.schema().apply("trial_index").dataType());
        assertEquals(DataTypes.DoubleType, all.schema().apply("param_x").dataType());
        Map<String, List<Object>> rows = new TreeMap<>();
        for (Row r : all.collectAsList()) rows.put(r.getString(0), List.of(r.getLong(1), r.getDouble(2)));
        assertEquals(Map.of("spark-written", List.of(1L, 0.5), "__HIVE_DEFAULT_PARTITION__", List.of(2L, 1.5),
                "own-column", List.of(3L, 2.5), "foreign", List.of(4L, 3.5)), rows);
    }

    @Test
    void sweepsWithTheSameColumnsShareARelation() throws Exception {
        StructType plain = new StructType().add("trial_index", DataTypes.LongType).add("param_x", DataTypes.DoubleType);
        StructType other = new StructType().add("trial_index", DataTypes.LongType).add("param_y", DataTypes.StringType);
        for (int i = 0; i < 40; i++) {
            Row row = i % 4 == 3 ? RowFactory.create((long) i, "y" + i) : RowFactory.create((long) i, i / 2.0);
            spark.createDataFrame(List.of(row), i % 4 == 3 ? other : plain).write().parquet(store().leaderboard("s" + i));
        }
        Dataset<Row> all = Leaderboard.read(spark, store());
        assertEquals(List.of("sweep", "trial_index", "param_x", "param_y"), Arrays.asList(all.columns()), "in order of first appearance");
        assertEquals(2, all.queryExecution().analyzed().collectLeaves().size(), "one relation per distinct schema, not per sweep");
        List<Row> rows = all.orderBy("trial_index").collectAsList();
        assertEquals(40, rows.size());
        for (Row r : rows) {
            long i = r.getLong(1);
            assertEquals("s" + i, r.getString(0));
            if (i % 4 == 3) {
                assertTrue(r.isNullAt(2));
                assertEquals("y" + i, r.getString(3));
            } else {
                assertEquals(i / 2.0, r.getDouble(2));
                assertTrue(r.isNullAt(3));
            }
        }
    }

    @Test
    void widening() {
        assertEquals(DataTypes.DoubleType, LeaderboardReader.widen(DataTypes.LongType, DataTypes.DoubleType));
        assertEquals(DataTypes.DoubleType, LeaderboardReader.widen(DataTypes.FloatType, DataTypes.IntegerType));
        assertEquals(DataTypes.LongType, LeaderboardReader.widen(DataTypes.IntegerType, DataTypes.ShortType));
        assertEquals(DataTypes.StringType, LeaderboardReader.widen(DataTypes.DoubleType, DataTypes.BooleanType));
        assertEquals(DataTypes.StringType, LeaderboardReader.widen(DataTypes.TimestampType, DataTypes.LongType));
        assertEquals(DataTypes.BooleanType, LeaderboardReader.widen(DataTypes.BooleanType, DataTypes.BooleanType));
    }

    @Test
    void unescapingFollowsSpark() {
        assertEquals("a:b", LeaderboardReader.unescapePathName("a%3Ab"));
        assertEquals("a%b", LeaderboardReader.unescapePathName("a%25b"));
        assertEquals("1.50", LeaderboardReader.unescapePathName("1.50"));
        assertEquals("100%", LeaderboardReader.unescapePathName("100%"));
        assertEquals("%zz%4", LeaderboardReader.unescapePathName("%zz%4"));
    }
}
