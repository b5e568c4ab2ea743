package org.sparksweep.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
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
        Dataset<Row> ranked = notPromoted(records
                .withColumn("_n", row_number().over(Window.partitionBy(Columns.TRIAL_ID).orderBy(col(Columns.TRIAL_INDEX), col(Columns.FINISHED_AT))))
                .filter(col("_n").equalTo(1)))
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
     * Under successive halving, says why a completed trial below the sweep's largest budget went no further
     * when no trial continued from it: {@code stop_reason} "not promoted past rung R (budget B)".
     */
    private static Dataset<Row> notPromoted(Dataset<Row> trials) {
        if (!List.of(trials.columns()).contains(Columns.PARENT_TRIAL_ID)) return trials; // records written before these columns
        Dataset<Row> parents = trials.filter(col(Columns.PARENT_TRIAL_ID).isNotNull())
                .select(col(Columns.PARENT_TRIAL_ID).as("_continued")).distinct();
        Column stopped = col(Columns.STOP_REASON).isNull()
                .and(col(Columns.STATUS).equalTo("COMPLETED"))
                .and(col(Columns.RUNG).isNotNull())
                .and(col(Columns.BUDGET).lt(max(col(Columns.BUDGET)).over(Window.partitionBy())))
                .and(col("_continued").isNull());
        return trials.join(parents, col(Columns.TRIAL_ID).equalTo(col("_continued")), "left")
                .withColumn(Columns.STOP_REASON, when(stopped, concat(lit("not promoted past rung "), col(Columns.RUNG),
                        lit(" (budget "), col(Columns.BUDGET), lit(")"))).otherwise(col(Columns.STOP_REASON)))
                .drop("_continued");
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
