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
import org.apache.parquet.hadoop.util.HadoopOutputFile;
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
 * skips) and renamed into place, so readers never see half a file.
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
        this.journal = journal;
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
        long number = batches++;
        pending = new ArrayList<>();
        writes.add(writer.submit(() -> {
            write(batch, number);
            retireJournal(batch);
            return null;
        }));
    }

    /** Writes one batch as one file: to a name Spark's reader skips, then renamed into place. */
    private void write(List<Row> batch, long number) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.mkdirs(dir)) throw new IOException("could not create directory " + dir);
        String name = String.format(Locale.ROOT, "part-%05d-%s.parquet", number, UUID.randomUUID());
        Path file = new Path(dir, name);
        Path temp = new Path(dir, "_" + name + ".tmp");
        try {
            files.write(HadoopOutputFile.fromPath(temp, conf), conf, codec, batch);
            if (!fs.rename(temp, file)) throw new IOException("could not rename " + temp + " to " + file);
        } catch (IOException | RuntimeException e) {
            try {
                fs.delete(temp, false);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
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

    /** Removes the records of an earlier run of the same sweep. */
    public void clear() throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        if (fs.exists(dir) && !fs.delete(dir, true)) throw new IOException("could not delete " + dir);
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
