package org.sparksweep.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.sparksweep.spec.Direction;

/**
 * The leaderboard: the reduce step that turns a sweep's trial records into its ranked Parquet
 * partition, and the read side that every query (CLI, SQL, notebooks) goes through.
 */
public final class Leaderboard {
    /** The name of the Spark SQL view over every sweep under a root. */
    public static final String VIEW = "trials";

    private Leaderboard() {}

    /**
     * Reduces a sweep's records into its leaderboard partition: one row per trial id (a repeated
     * random sample keeps its first index), COMPLETED trials ranked by objective (1 = best, ties
     * share a rank), all others with a null rank.
     */
    public static void reduce(SparkSession spark, SweepStore store, String sweep, Direction direction) {
        Dataset<Row> records = spark.read().parquet(store.records(sweep));
        Column completed = col(Columns.STATUS).equalTo("COMPLETED");
        Column order = direction == Direction.MAXIMIZE ? col(Columns.OBJECTIVE).desc() : col(Columns.OBJECTIVE).asc();
        Dataset<Row> ranked = records
                .withColumn("_n", row_number().over(Window.partitionBy(Columns.TRIAL_ID).orderBy(Columns.TRIAL_INDEX)))
                .filter(col("_n").equalTo(1))
                .withColumn(Columns.RANK, when(completed, rank().over(Window.partitionBy(completed).orderBy(order))))
                .drop("_n");
        // rank right after objective, as the README documents
        List<Column> ordered = new ArrayList<>();
        for (String c : ranked.columns()) {
            if (c.equals(Columns.RANK)) continue;
            ordered.add(col(c));
            if (c.equals(Columns.OBJECTIVE)) ordered.add(col(Columns.RANK));
        }
        ranked.select(ordered.toArray(new Column[0])).write().mode(SaveMode.Overwrite).parquet(store.leaderboard(sweep));
    }

    /**
     * Every sweep under the root, with a {@code sweep} string column first. Each sweep's partition is
     * read on its own and the sweeps are unioned by column name: a column a sweep lacks is null in its
     * rows, and a column typed differently by different sweeps is widened (integral and floating to
     * double, integrals of different widths to bigint, anything else to string). Sweep names come
     * verbatim from the directory names, never type-inferred ({@code 007} stays {@code "007"}).
     * Directories with no data files (e.g. an interrupted rewrite) are skipped.
     */
    public static Dataset<Row> read(SparkSession spark, SweepStore store) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Dataset<Row>> sweeps = new ArrayList<>();
        for (Map.Entry<String, Path> sweep : sweepDirectories(store, conf).entrySet()) {
            Dataset<Row> rows = readSweep(spark, sweep.getValue());
            if (rows != null) sweeps.add(rows.withColumn(Columns.SWEEP, lit(sweep.getKey())));
        }
        if (sweeps.isEmpty()) {
            throw new IOException("no leaderboard under " + store.root() + " (run a sweep first, or pass --output ROOT)");
        }
        return unionWidening(sweeps, Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive", "false")));
    }

    /** The {@code sweep=NAME} directories under the leaderboard root by (unescaped) name, sorted; other entries are ignored. */
    static SortedMap<String, Path> sweepDirectories(SweepStore store, Configuration conf) throws IOException {
        Path root = new Path(store.leaderboardRoot());
        FileSystem fs = root.getFileSystem(conf);
        SortedMap<String, Path> sweeps = new TreeMap<>();
        FileStatus[] children;
        try {
            children = fs.listStatus(root);
        } catch (FileNotFoundException e) {
            return sweeps;
        }
        String prefix = Columns.SWEEP + "=";
        for (FileStatus child : children) {
            String dir = child.getPath().getName();
            if (!child.isDirectory() || !dir.startsWith(prefix)) continue;
            String name = unescapePathName(dir.substring(prefix.length()));
            if (!name.isEmpty()) sweeps.put(name, child.getPath());
        }
        return sweeps;
    }

    /** One sweep's partition, or null when it holds no data files. */
    private static Dataset<Row> readSweep(SparkSession spark, Path dir) {
        try {
            return spark.read().parquet(dir.toString());
        } catch (Exception e) { // AnalysisException is checked in Java but not declared
            if (e instanceof AnalysisException a && "UNABLE_TO_INFER_SCHEMA".equals(a.getCondition())) return null;
            throw e;
        }
    }

    /**
     * Unions by name with missing columns allowed, after casting every column to the widest of the
     * types the inputs give it; {@code sweep} is put first. The inputs must not be empty.
     */
    static Dataset<Row> unionWidening(List<Dataset<Row>> parts, boolean caseSensitive) {
        Map<String, String> names = new LinkedHashMap<>(); // key -> first spelling seen
        Map<String, DataType> types = new HashMap<>();
        names.put(key(Columns.SWEEP, caseSensitive), Columns.SWEEP);
        types.put(key(Columns.SWEEP, caseSensitive), DataTypes.StringType);
        for (Dataset<Row> part : parts) {
            for (StructField f : part.schema().fields()) {
                String k = key(f.name(), caseSensitive);
                names.putIfAbsent(k, f.name());
                types.merge(k, f.dataType(), Leaderboard::widen);
            }
        }
        Dataset<Row> union = null;
        for (Dataset<Row> part : parts) {
            List<Column> columns = new ArrayList<>();
            Map<String, DataType> own = new HashMap<>();
            for (StructField f : part.schema().fields()) own.put(key(f.name(), caseSensitive), f.dataType());
            for (Map.Entry<String, String> name : names.entrySet()) {
                DataType target = types.get(name.getKey());
                DataType have = own.get(name.getKey());
                if (have == null) continue; // filled with nulls by unionByName
                Column c = col("`" + name.getValue().replace("`", "``") + "`");
                columns.add((have.equals(target) ? c : c.cast(target)).as(name.getValue()));
            }
            Dataset<Row> projected = part.select(columns.toArray(new Column[0]));
            union = union == null ? projected : union.unionByName(projected, true);
        }
        return union;
    }

    /**
     * The type a column takes when sweeps disagree: integral and floating make double, integrals of
     * different widths make bigint, anything else makes string.
     */
    static DataType widen(DataType a, DataType b) {
        if (a.equals(b)) return a;
        if (a instanceof NullType) return b;
        if (b instanceof NullType) return a;
        boolean aIntegral = integral(a), bIntegral = integral(b);
        if (aIntegral && bIntegral) return DataTypes.LongType;
        if ((aIntegral || floating(a)) && (bIntegral || floating(b))) return DataTypes.DoubleType;
        return DataTypes.StringType;
    }

    private static boolean integral(DataType t) {
        return t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType;
    }

    private static boolean floating(DataType t) {
        return t instanceof FloatType || t instanceof DoubleType;
    }

    private static String key(String column, boolean caseSensitive) {
        return caseSensitive ? column : column.toLowerCase(Locale.ROOT);
    }

    /**
     * Undoes Spark's escaping of a partition value in a directory name: {@code %XX} (two hex digits)
     * is the character with that code; any other {@code %} is kept (as ExternalCatalogUtils.unescapePathName does).
     */
    static String unescapePathName(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
                sb.append((char) (hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2))));
                i += 3;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** Registers {@link #VIEW} over every sweep under the root. */
    public static void registerView(SparkSession spark, SweepStore store) throws IOException {
        read(spark, store).createOrReplaceTempView(VIEW);
    }
}
