package org.sparksweep.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.trial.TrialResult;

/**
 * Buffers finished trials on the driver and appends them to the sweep's records as Parquet, in
 * batches (every {@code batchSize} results or {@code maxDelayMillis}), so the driver holds at most
 * one batch however long the sweep runs.
 */
public final class TrialRecords {
    private final SparkSession spark;
    private final LeaderboardSchema schema;
    private final String path;
    private final int batchSize;
    private final long maxDelayMillis;
    private final List<Row> pending = new ArrayList<>();
    private long oldestPendingAt;
    private long written;

    public TrialRecords(SparkSession spark, LeaderboardSchema schema, String path, int batchSize, long maxDelayMillis) {
        this.spark = spark;
        this.schema = schema;
        this.path = path;
        this.batchSize = batchSize;
        this.maxDelayMillis = maxDelayMillis;
    }

    public void add(TrialResult result) {
        if (pending.isEmpty()) oldestPendingAt = System.currentTimeMillis();
        pending.add(schema.toRow(result));
        if (pending.size() >= batchSize) flush();
    }

    /** Flushes when the oldest pending result has waited long enough. */
    public void flushIfDue() {
        if (!pending.isEmpty() && System.currentTimeMillis() - oldestPendingAt >= maxDelayMillis) flush();
    }

    public void flush() {
        if (pending.isEmpty()) return;
        spark.createDataFrame(pending, schema.recordType()).coalesce(1).write().mode(SaveMode.Append).parquet(path);
        written += pending.size();
        pending.clear();
    }

    public long written() {
        return written;
    }

    /** Removes the records of an earlier run of the same sweep. */
    public void clear() throws IOException {
        new SweepStore(path).delete(path, spark.sparkContext().hadoopConfiguration());
    }
}
