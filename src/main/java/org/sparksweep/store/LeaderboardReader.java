package org.sparksweep.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
import org.apache.spark.sql.types.StructType;

/**
 * The read side of the leaderboard: every sweep partition under a root as one table, although each
 * sweep has its own columns and the sweeps' names must not be type-inferred.
 */
final class LeaderboardReader {
    private LeaderboardReader() {}

    /**
     * Every sweep under the root, with a {@code sweep} string column first. Each sweep's partition has
     * its own schema and the sweeps are unioned by column name: a column a sweep lacks is null in its
     * rows, and a column typed differently by different sweeps is widened (integral and floating to
     * double, integrals of different widths to bigint, anything else to string). Sweep names come
     * verbatim from the directory names, never type-inferred ({@code 007} stays {@code "007"}).
     * Directories with no data files (e.g. an interrupted rewrite) are skipped.
     *
     * <p>Each sweep's schema is taken from the footer of one of its files (the schema Spark keeps
     * there), read on the driver a few at a time; sweeps with the same schema are then read together
     * as one relation, so a root of hundreds of sweeps of a few kinds is a few scans, not hundreds.
     * A sweep whose files carry no Spark schema is read on its own, with Spark's inference.
     */
    static Dataset<Row> read(SparkSession spark, SweepStore store) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SortedMap<String, Path> dirs = sweepDirectories(store, conf);
        Map<String, Optional<StructType>> schemas = footerSchemas(dirs, conf);
        // in order of each part's first sweep, so that columns come in a stable order
        Map<Object, List<Path>> parts = new LinkedHashMap<>(); // a schema shared by its sweeps, or a sweep's own name
        for (Map.Entry<String, Path> sweep : dirs.entrySet()) {
            Optional<StructType> schema = schemas.get(sweep.getKey());
            if (schema == null) continue; // no data files
            Object key = schema.isPresent() && readableAsPartition(sweep.getKey(), schema.get()) ? schema.get() : sweep.getKey();
            parts.computeIfAbsent(key, k -> new ArrayList<>()).add(sweep.getValue());
        }
        List<Dataset<Row>> read = new ArrayList<>();
        for (Map.Entry<Object, List<Path>> part : parts.entrySet()) {
            List<Path> paths = part.getValue();
            if (part.getKey() instanceof StructType schema) {
                // the partition column typed string here: its values are the names verbatim, not inferred
                read.add(spark.read()
                        .schema(schema.add(Columns.SWEEP, DataTypes.StringType))
                        .option("basePath", paths.get(0).getParent().toString())
                        .parquet(paths.stream().map(Path::toString).toArray(String[]::new)));
            } else {
                Dataset<Row> rows = readSweep(spark, paths.get(0));
                if (rows != null) read.add(rows.withColumn(Columns.SWEEP, lit((String) part.getKey())));
            }
        }
        for (Map.Entry<String, Path> sweep : recordDirectories(store, conf).entrySet()) {
            Dataset<Row> pending = unreduced(spark, store, sweep.getKey(), dirs.get(sweep.getKey()), conf);
            if (pending != null) read.add(pending);
        }
        if (read.isEmpty()) {
            throw new IOException("no leaderboard under " + store.root() + " (run a sweep first, or pass --output ROOT)");
        }
        return unionWidening(read, Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive", "false")));
    }

    /**
     * The trials of a sweep that are recorded but not yet in its leaderboard partition (the sweep is
     * running, or stopped before its reduce step): its record batches and journal records newer than
     * the partition, without the trials the partition has, one row per trial id, rank null. Null
     * when there are none.
     */
    static Dataset<Row> unreduced(SparkSession spark, SweepStore store, String sweep, Path leaderboard, Configuration conf) throws IOException {
        Optional<SweepManifest> manifest = SweepManifest.read(store, sweep, conf);
        if (manifest.isEmpty() || !(DataType.fromJson(manifest.get().recordType()) instanceof StructType type)) return null;
        long reducedAt = leaderboard == null ? Long.MIN_VALUE : newestDataFile(leaderboard, conf);
        Path records = new Path(store.records(sweep));
        FileSystem fs = records.getFileSystem(conf);
        List<String> batches = new ArrayList<>();
        for (FileStatus f : fs.listStatus(records)) {
            String name = f.getPath().getName();
            if (f.isFile() && name.endsWith(".parquet") && !name.startsWith("_") && !name.startsWith(".") && f.getModificationTime() >= reducedAt) {
                batches.add(f.getPath().toString());
            }
        }
        TrialJournal journal = TrialJournal.of(store, sweep);
        boolean journalNewer = false;
        for (Path f : journal.files(conf)) {
            if (fs.getFileStatus(f).getModificationTime() >= reducedAt) {
                journalNewer = true;
                break;
            }
        }
        List<Dataset<Row>> parts = new ArrayList<>();
        // a file retired while this reads it (batch written, journal file deleted) is skipped, not an error
        if (!batches.isEmpty()) parts.add(spark.read().schema(type).option("ignoreMissingFiles", "true").parquet(batches.toArray(new String[0])));
        if (journalNewer) {
            Dataset<Row> j = journal.read(spark, type);
            if (j != null) parts.add(j);
        }
        if (parts.isEmpty()) return null;
        Dataset<Row> rows = parts.size() == 1 ? parts.get(0) : parts.get(0).unionByName(parts.get(1));
        rows = rows.dropDuplicates(new String[] {Columns.TRIAL_ID});
        if (leaderboard != null && reducedAt != Long.MIN_VALUE) {
            Dataset<Row> ranked = spark.read().option("ignoreMissingFiles", "true").parquet(leaderboard.toString()).select(Columns.TRIAL_ID);
            rows = rows.join(ranked, rows.col(Columns.TRIAL_ID).equalTo(ranked.col(Columns.TRIAL_ID)), "left_anti");
        }
        return rows.withColumn(Columns.RANK, lit(null).cast(DataTypes.IntegerType)).withColumn(Columns.SWEEP, lit(sweep));
    }

    /** The modification time of a directory's newest data file, or Long.MIN_VALUE when it has none. */
    private static long newestDataFile(Path dir, Configuration conf) throws IOException {
        long newest = Long.MIN_VALUE;
        try {
            for (FileStatus f : dir.getFileSystem(conf).listStatus(dir)) {
                String name = f.getPath().getName();
                if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) newest = Math.max(newest, f.getModificationTime());
            }
        } catch (FileNotFoundException e) {
            return Long.MIN_VALUE;
        }
        return newest;
    }

    /** The {@code sweep=NAME} directories under the records root, like {@link #sweepDirectories}. */
    static SortedMap<String, Path> recordDirectories(SweepStore store, Configuration conf) throws IOException {
        return sweepDirectories(new Path(store.recordsRoot()), conf);
    }

    /** The key under which Spark keeps a DataFrame's schema (as JSON) in a Parquet footer. */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    /** The partition value Spark reads as null. */
    private static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private static final int FOOTER_THREADS = 16;

    /** Whether a sweep can be read through partition discovery with a string {@code sweep} column. */
    private static boolean readableAsPartition(String sweep, StructType schema) {
        if (sweep.equals(NULL_PARTITION)) return false;
        for (String column : schema.fieldNames()) if (column.equalsIgnoreCase(Columns.SWEEP)) return false;
        return true;
    }

    /**
     * For each sweep, the Spark schema in the footer of one of its data files: absent when there is
     * none (not written by Spark, unreadable, or files only in subdirectories: Spark's own read of the
     * sweep decides); no entry at all when the directory holds nothing to read.
     */
    static Map<String, Optional<StructType>> footerSchemas(SortedMap<String, Path> dirs, Configuration conf) throws IOException {
        Map<String, Optional<StructType>> schemas = new HashMap<>();
        if (dirs.isEmpty()) return schemas;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(FOOTER_THREADS, dirs.size()), r -> {
            Thread t = new Thread(r, "leaderboard-footers");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Optional<StructType>>> pending = new LinkedHashMap<>();
            for (Map.Entry<String, Path> sweep : dirs.entrySet()) {
                pending.put(sweep.getKey(), pool.submit(() -> footerSchema(sweep.getValue(), conf)));
            }
            for (Map.Entry<String, Future<Optional<StructType>>> p : pending.entrySet()) {
                Optional<StructType> schema = p.getValue().get();
                if (schema != null) schemas.put(p.getKey(), schema);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted reading leaderboard footers");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return schemas;
    }

    /** See {@link #footerSchemas}; null when the directory holds no data files. */
    private static Optional<StructType> footerSchema(Path dir, Configuration conf) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        FileStatus data = null;
        boolean subdirectories = false;
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            // what Spark's file index skips
            if (name.startsWith("_") || name.startsWith(".") || name.endsWith("._COPYING_")) continue;
            if (f.isDirectory()) {
                subdirectories = true;
            } else {
                data = f;
                break;
            }
        }
        if (data == null) return subdirectories ? Optional.empty() : null; // not a layout this engine writes: Spark's read decides
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(data, conf))) {
            String json = reader.getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
            if (json == null) return Optional.empty();
            return DataType.fromJson(json) instanceof StructType schema ? Optional.of(schema) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The {@code sweep=NAME} directories under the leaderboard root by (unescaped) name, sorted; other entries are ignored. */
    static SortedMap<String, Path> sweepDirectories(SweepStore store, Configuration conf) throws IOException {
        return sweepDirectories(new Path(store.leaderboardRoot()), conf);
    }

    private static SortedMap<String, Path> sweepDirectories(Path root, Configuration conf) throws IOException {
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
                types.merge(k, f.dataType(), LeaderboardReader::widen);
            }
        }
        List<Dataset<Row>> level = new ArrayList<>();
        for (Dataset<Row> part : parts) {
            List<Column> columns = new ArrayList<>();
            Map<String, DataType> own = new HashMap<>();
            for (StructField f : part.schema().fields()) own.put(key(f.name(), caseSensitive), f.dataType());
            for (Map.Entry<String, String> name : names.entrySet()) {
                DataType target = types.get(name.getKey());
                DataType have = own.get(name.getKey());
                if (have == null) continue; // filled with nulls by unionByName
                Column c = column(name.getValue());
                columns.add((have.equals(target) ? c : c.cast(target)).as(name.getValue()));
            }
            level.add(part.select(columns.toArray(new Column[0])));
        }
        // pairwise, so that hundreds of parts make a shallow plan; the final select restores the column order
        while (level.size() > 1) {
            List<Dataset<Row>> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? level.get(i).unionByName(level.get(i + 1), true) : level.get(i));
            }
            level = next;
        }
        return level.get(0).select(names.values().stream().map(LeaderboardReader::column).toArray(Column[]::new));
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

    /** A top-level column by its exact name (dots and backticks are not parsed). */
    private static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
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
}
