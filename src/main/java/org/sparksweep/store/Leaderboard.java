package org.sparksweep.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.sparksweep.trial.Direction;

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
     * random sample keeps its first index; a trial recorded twice, by a retried or speculative task
     * and by its batch, keeps its earliest record), COMPLETED trials ranked by objective (1 = best, ties
     * share a rank), all others with a null rank.
     */
    public static void reduce(SparkSession spark, SweepStore store, String sweep, Direction direction) {
        Dataset<Row> records = spark.read().parquet(store.records(sweep));
        Column completed = col(Columns.STATUS).equalTo("COMPLETED");
        Column order = direction == Direction.MAXIMIZE ? col(Columns.OBJECTIVE).desc() : col(Columns.OBJECTIVE).asc();
        Dataset<Row> ranked = records
                .withColumn("_n", row_number().over(Window.partitionBy(Columns.TRIAL_ID).orderBy(col(Columns.TRIAL_INDEX), col(Columns.FINISHED_AT))))
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
     * Every sweep under the root as one table with a {@code sweep} string column first; see
     * {@link LeaderboardReader} for how sweeps with different columns are combined.
     */
    public static Dataset<Row> read(SparkSession spark, SweepStore store) throws IOException {
        return LeaderboardReader.read(spark, store);
    }

    /** Registers {@link #VIEW} over every sweep under the root. */
    public static void registerView(SparkSession spark, SweepStore store) throws IOException {
        read(spark, store).createOrReplaceTempView(VIEW);
    }
}
