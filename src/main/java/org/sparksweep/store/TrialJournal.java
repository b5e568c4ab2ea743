package org.sparksweep.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The per-trial journal of a sweep: one small JSON file per finished trial, written by the task
 * that ran it before the task reports, so a trial's result survives a driver crash the moment the
 * trial ends. The driver folds journal files into Parquet record batches and then deletes them, so
 * the journal only ever holds the trials of the last batch or two (and, after a crash, the trials
 * that finished since the last batch).
 *
 * <p>A file is named by the trial's index ({@code t<index>.json}) and written to a hidden temporary
 * name, synced, then renamed into place ({@link AtomicFiles}): a reader sees a whole record or none,
 * a record in place survives a crash of the machine, and a retried or speculative
 * attempt of the same trial writes the same name, never a second record. Its keys are the record's
 * column names, so Spark reads the journal with the sweep's record schema
 * ({@code spark.read.schema(...).json(dir)}).
 */
public final class TrialJournal implements Serializable {
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ISO_INSTANT;

    private final String dir;

    public TrialJournal(String dir) {
        this.dir = dir;
    }

    /** The journal of a sweep under a store: {@code ROOT/records/sweep=NAME/_journal}. */
    public static TrialJournal of(SweepStore store, String sweep) {
        return new TrialJournal(store.records(sweep) + "/_journal");
    }

    public String dir() {
        return dir;
    }

    Path file(long index) {
        return new Path(dir, "t" + index + ".json");
    }

    /**
     * Writes one trial's record (a row of the schema) under its index, on stable storage before this
     * returns (see {@link AtomicFiles}); on a local disk it replaces an earlier attempt's record, on
     * HDFS and object stores the first attempt's record stays.
     */
    public void write(long index, Row row, StructType type, Configuration conf) throws IOException {
        Path target = file(index);
        boolean local = "file".equals(target.toUri().getScheme());
        AtomicFiles.write(target, json(row, type), local ? AtomicFiles.IfPresent.REPLACE : AtomicFiles.IfPresent.KEEP, conf);
    }

    /** The local file system without checksum side files: one file per record, not two. */
    private static FileSystem raw(FileSystem fs) {
        return AtomicFiles.raw(fs);
    }

    /** One record as a JSON object: the row's non-null values under their column names. */
    static byte[] json(Row row, StructType type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            StructField[] fields = type.fields();
            for (int i = 0; i < fields.length; i++) {
                if (row.isNullAt(i)) continue;
                Object v = row.get(i);
                g.writeFieldName(fields[i].name());
                if (v instanceof String s) g.writeString(s);
                else if (v instanceof Double d) writeDouble(g, d);
                else if (v instanceof List<?> list) { // per-fold metric values
                    g.writeStartArray();
                    for (Object e : list) writeDouble(g, (Double) e);
                    g.writeEndArray();
                } else if (v instanceof Long l) g.writeNumber(l);
                else if (v instanceof Integer n) g.writeNumber(n);
                else if (v instanceof Boolean b) g.writeBoolean(b);
                else if (v instanceof Timestamp t) g.writeString(ISO_MICROS.format(t.toInstant().truncatedTo(ChronoUnit.MICROS)));
                else throw new IllegalArgumentException("no JSON form for column " + fields[i].name() + " value " + v.getClass().getName());
            }
            g.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** A double as JSON: a number, or text for NaN and the infinities (which Spark's JSON reader accepts). */
    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        if (Double.isFinite(d)) g.writeNumber(d);
        else g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }

    /**
     * The recorded result of a trial index, when an earlier attempt of its task wrote one (the
     * executor died before the result reached the driver); empty when there is none.
     */
    public java.util.Optional<com.fasterxml.jackson.databind.JsonNode> recorded(long index, Configuration conf) throws IOException {
        Path f = file(index);
        FileSystem fs = raw(f.getFileSystem(conf));
        try (var in = fs.open(f)) {
            return java.util.Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(in));
        } catch (FileNotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /** The journal's records, read by Spark with the sweep's record schema; null when the journal is empty. */
    public Dataset<Row> read(SparkSession spark, StructType type) throws IOException {
        if (files(spark.sparkContext().hadoopConfiguration()).isEmpty()) return null;
        return spark.read().schema(type)
                .option("mode", "DROPMALFORMED")
                .option("ignoreMissingFiles", "true") // a record folded into a batch while this reads
                .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss[.SSSSSS][.SSS]XXX")
                .json(dir);
    }

    /** The journal's record files (hidden temporary files excluded). */
    public List<Path> files(Configuration conf) throws IOException {
        Path d = new Path(dir);
        FileSystem fs = d.getFileSystem(conf);
        List<Path> out = new ArrayList<>();
        try {
            for (FileStatus f : fs.listStatus(d)) {
                String name = f.getPath().getName();
                if (f.isFile() && name.startsWith("t") && name.endsWith(".json")) out.add(f.getPath());
            }
        } catch (FileNotFoundException e) {
            return out;
        }
        return out;
    }

    /** Deletes the record files of these trial indices (they are in Parquet now); missing files are fine. */
    public void delete(Collection<Long> indices, Configuration conf) throws IOException {
        if (indices.isEmpty()) return;
        FileSystem fs = raw(new Path(dir).getFileSystem(conf));
        for (long index : indices) fs.delete(file(index), false);
    }

}
