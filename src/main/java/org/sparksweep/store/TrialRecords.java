package org.sparksweep.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.trial.TrialResult;

/**
 * Buffers finished trials on the driver and appends them to the sweep's records as Parquet, in
 * batches (every {@code batchSize} results or {@code maxDelayMillis}), so the driver holds at most
 * a batch or two however long the sweep runs. Batches are written by a background thread, one at a
 * time and in order, so the driver loop keeps dispatching trials while a batch is written.
 *
 * <p>Each batch becomes one file, {@code part-NNNNN-UUID.parquet}, written by the driver itself
 * through the Hadoop FileSystem API: no Spark job, so a batch never waits behind queued trial
 * tasks for a slot. The file is written under a name starting with {@code _} (which Spark's reader
 * skips), synced, and renamed into place, so readers never see half a file ({@link AtomicFiles}).
 */
public final class TrialRecords implements AutoCloseable {
    private final LeaderboardSchema schema;
    private final ParquetRows files;
    private final String path;
    private final Path dir;
    private final Configuration conf;
    private final CompressionCodecName codec;
    private final int batchSize;
    private final long maxDelayMillis;
    private final TrialJournal journal;
    private final ExecutorService writer;
    private final List<Future<?>> writes = new ArrayList<>();
    private List<Row> pending = new ArrayList<>();
    private final Path curvesDir; // null: learning curves are not kept
    private final ParquetRows curveFiles;
    private List<Row> pendingCurves = new ArrayList<>();
    private long oldestPendingAt;
    private long batches;

    public TrialRecords(SparkSession spark, LeaderboardSchema schema, String path, int batchSize, long maxDelayMillis) {
        this(spark, schema, path, batchSize, maxDelayMillis, null);
    }

    /**
     * Records that also retire the sweep's per-trial journal: once a batch is on storage, the
     * journal files of its trials are deleted.
     */
    public TrialRecords(SparkSession spark, LeaderboardSchema schema, String path, int batchSize, long maxDelayMillis, TrialJournal journal) {
        this(spark, schema, path, batchSize, maxDelayMillis, journal, null);
    }

    /**
     * Records that retire the journal (null: none) and also append each trial's learning curve to the
     * curves table at {@code curvesPath} (null: none), batch by batch.
     */
    public TrialRecords(SparkSession spark, LeaderboardSchema schema, String path, int batchSize, long maxDelayMillis, TrialJournal journal,
            String curvesPath) {
        this.journal = journal;
        this.curvesDir = curvesPath == null ? null : new Path(curvesPath);
        this.curveFiles = curvesPath == null ? null : new ParquetRows(schema.curveType());
        this.schema = schema;
        this.files = new ParquetRows(schema.recordType());
        this.path = path;
        this.dir = new Path(path);
        this.conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        this.codec = codec(spark.conf().get("spark.sql.parquet.compression.codec"));
        this.batchSize = batchSize;
        this.maxDelayMillis = maxDelayMillis;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sparksweep-records " + path);
            t.setDaemon(true);
            return t;
        });
    }

    public void add(TrialResult result) throws IOException {
        if (curvesDir != null) pendingCurves.addAll(schema.curveRows(result));
        add(schema.toRow(result));
    }

    /** Adds a record row of this schema (e.g. one read back from the journal). */
    public void add(Row row) throws IOException {
        if (pending.isEmpty()) oldestPendingAt = System.currentTimeMillis();
        pending.add(row);
        if (pending.size() >= batchSize) flush();
    }

    /**
     * Folds what the journal holds (trials that finished after the last batch of a run that crashed
     * or was stopped, or whose result never reached the driver) into the records, and waits until
     * they are on storage. Returns how many journal records were folded in.
     */
    public long compactJournal(SparkSession spark) throws IOException {
        if (journal == null) return 0;
        Dataset<Row> rows = journal.read(spark, schema.recordType());
        if (rows == null) return 0;
        List<Row> found = rows.collectAsList();
        for (Row r : found) add(r);
        drain();
        return found.size();
    }

    /** Starts writing the pending results when the oldest has waited long enough. */
    public void flushIfDue() throws IOException {
        if (!pending.isEmpty() && System.currentTimeMillis() - oldestPendingAt >= maxDelayMillis) flush();
    }

    /** Starts writing the pending results in the background; reports a failed earlier write. */
    public void flush() throws IOException {
        checkWrites(false);
        if (pending.isEmpty()) return;
        List<Row> batch = pending;
        List<Row> curves = pendingCurves;
        long number = batches++;
        pending = new ArrayList<>();
        pendingCurves = new ArrayList<>();
        writes.add(writer.submit(() -> {
            if (!curves.isEmpty()) write(curveFiles, curvesDir, curves, number); // curves first: a trial's record never lacks its curve
            write(files, dir, batch, number);
            retireJournal(batch);
            return null;
        }));
    }

    /** Writes one batch as one file: to a name Spark's reader skips, synced, then renamed into place ({@link AtomicFiles}). */
    private void write(ParquetRows files, Path dir, List<Row> batch, long number) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.mkdirs(dir)) throw new IOException("could not create directory " + dir);
        Path file = new Path(dir, String.format(Locale.ROOT, "part-%05d-%s.parquet", number, UUID.randomUUID()));
        AtomicFiles.publish(fs, file, AtomicFiles.IfPresent.FAIL, conf,
                (f, temp) -> files.write(AtomicFiles.syncedOutputFile(f, temp), conf, codec, batch));
    }

    /** Once a batch is on storage, its trials' journal files are redundant. */
    private void retireJournal(List<Row> batch) throws IOException {
        if (journal == null) return;
        List<Long> indices = new ArrayList<>(batch.size());
        for (Row r : batch) indices.add(r.getLong(1));
        journal.delete(indices, conf);
    }

    /** Spark's setting for Parquet output ("none" is Spark's name for uncompressed). */
    private static CompressionCodecName codec(String sparkName) {
        return sparkName.equalsIgnoreCase("none") ? CompressionCodecName.UNCOMPRESSED : CompressionCodecName.fromConf(sparkName);
    }

    /** Writes what is pending and waits until every batch is on storage. */
    public void drain() throws IOException {
        flush();
        checkWrites(true);
    }

    private void checkWrites(boolean wait) throws IOException {
        var it = writes.iterator();
        while (it.hasNext()) {
            Future<?> w = it.next();
            if (!wait && !w.isDone()) continue;
            try {
                w.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing trial records to " + path, e);
            } catch (ExecutionException e) {
                throw new IOException("could not write trial records to " + path + ": " + e.getCause().getMessage(), e.getCause());
            }
            it.remove();
        }
    }

    /** Removes the records (and learning curves) of an earlier run of the same sweep. */
    public void clear() throws IOException {
        for (Path d : curvesDir == null ? List.of(dir) : List.of(dir, curvesDir)) {
            FileSystem fs = d.getFileSystem(conf);
            if (fs.exists(d) && !fs.delete(d, true)) throw new IOException("could not delete " + d);
        }
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
