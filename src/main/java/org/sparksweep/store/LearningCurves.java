package org.sparksweep.store;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The learning-curves table: every metric a trainer reported after each step of each trial
 * ({@code trial_id, trial_index, step, rung, metric_*}), partitioned by sweep beside the leaderboard, so
 * "how did the trials that were stopped early look at epoch 3" is one SQL join away.
 */
public final class LearningCurves {
    /** The name of the Spark SQL view over every sweep's curves under a root. */
    public static final String VIEW = "curves";

    private LearningCurves() {}

    /** Every sweep's curves under the root (sweeps with different metrics side by side, missing ones null); empty when none. */
    public static Dataset<Row> read(SparkSession spark, SweepStore store) throws IOException {
        Path root = new Path(store.curvesRoot());
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(root) || fs.listStatus(root, p -> p.getName().startsWith(Columns.SWEEP + "=")).length == 0) {
            StructType empty = new StructType()
                    .add(Columns.SWEEP, DataTypes.StringType)
                    .add(Columns.TRIAL_ID, DataTypes.StringType)
                    .add(Columns.TRIAL_INDEX, DataTypes.LongType)
                    .add(Columns.STEP, DataTypes.LongType)
                    .add(Columns.RUNG, DataTypes.IntegerType);
            return spark.createDataFrame(java.util.List.of(), empty);
        }
        return spark.read().option("mergeSchema", "true").parquet(store.curvesRoot());
    }

    /** Registers {@link #VIEW} over every sweep's curves under the root. */
    public static void registerView(SparkSession spark, SweepStore store) throws IOException {
        read(spark, store).createOrReplaceTempView(VIEW);
    }
}
