package org.sparksweep.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.trial.TrialResult;

/**
 * Buffers finished trials on the driver and appends them to the sweep's records as Parquet, in
 * batches (every {@code batchSize} results or {@code maxDelayMillis}), so the driver holds at most
 * a batch or two however long the sweep runs. Batches are written by a background thread, one at a
 * time and in order, so the driver loop keeps dispatching trials while a batch is written.
 */
public final class TrialRecords implements AutoCloseable {
    private final SparkSession spark;
    private final LeaderboardSchema schema;
    private final String path;
    private final int batchSize;
    private final long maxDelayMillis;
    private final ExecutorService writer;
    private final List<Future<?>> writes = new ArrayList<>();
    private List<Row> pending = new ArrayList<>();
    private long oldestPendingAt;

    public TrialRecords(SparkSession spark, LeaderboardSchema schema, String path, int batchSize, long maxDelayMillis) {
        this.spark = spark;
        this.schema = schema;
        this.path = path;
        this.batchSize = batchSize;
        this.maxDelayMillis = maxDelayMillis;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sparksweep-records " + path);
            t.setDaemon(true);
            return t;
        });
    }

    public void add(TrialResult result) throws IOException {
        if (pending.isEmpty()) oldestPendingAt = System.currentTimeMillis();
        pending.add(schema.toRow(result));
        if (pending.size() >= batchSize) flush();
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
        pending = new ArrayList<>();
        writes.add(writer.submit(() ->
                spark.createDataFrame(batch, schema.recordType()).coalesce(1).write().mode(SaveMode.Append).parquet(path)));
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
        new SweepStore(path).delete(path, spark.sparkContext().hadoopConfiguration());
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
