package org.sparksweep.store;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Objective;

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
        reduce(spark, store, sweep, Goals.of(new Objective(Columns.OBJECTIVE, direction)), List.of(Columns.OBJECTIVE));
    }

    /**
     * Reduces a sweep's records into its leaderboard partition as {@link #reduce(SparkSession, SweepStore, String, Direction)}
     * does, with the sweep's goals: {@code rank} follows the first objective (the {@code objective} column), or the
     * scalarization's combined loss ({@code scalarized}, smaller is better) when the spec gives one; {@code feasible},
     * {@code pareto_rank} and {@code crowding_distance} come from every objective and constraint.
     */
    public static void reduce(SparkSession spark, SweepStore store, String sweep, Goals goals) {
        reduce(spark, store, sweep, goals, goals.objectives().stream().map(o -> ParetoColumns.column(o.metric())).toList());
    }

    /**
     * The reduce itself. The ranks are worked out on the driver from the columns they need
     * ({@link TrialRanking}) and joined to the rows by trial id as they are written, so the records are
     * read twice (once narrow, once whole) and never shuffled; only a sweep with a trial id recorded
     * more than once (after a crash, or a repeated random sample) is first deduplicated by a window per trial id.
     */
    private static void reduce(SparkSession spark, SweepStore store, String sweep, Goals goals, List<String> objectiveColumns) {
        Dataset<Row> records = records(spark, store, sweep);
        boolean scalarized = goals.scalarization() != null;
        if (scalarized) records = records.withColumn(Columns.SCALARIZED, ParetoColumns.scalarized(goals));
        Column by = col(scalarized ? Columns.SCALARIZED : Columns.OBJECTIVE);
        boolean descending = !scalarized && goals.objectives().get(0).direction() == Direction.MAXIMIZE;
        TrialRanking ranking = TrialRanking.of(records, goals, objectiveColumns, by, descending);
        if (ranking.duplicated()) {
            records = records
                    .withColumn("_n", row_number().over(Window.partitionBy(Columns.TRIAL_ID).orderBy(col(Columns.TRIAL_INDEX), col(Columns.FINISHED_AT))))
                    .filter(col("_n").equalTo(1))
                    .drop("_n");
            ranking = TrialRanking.of(records, goals, objectiveColumns, by, descending);
        }
        TrialRanking.Ranked ranked = ranking.addTo(notPromoted(records), true);
        try {
            ranked.rows().select(ordered(ranked.rows(), scalarized)).write().mode(SaveMode.Overwrite).parquet(store.leaderboard(sweep));
        } finally {
            ranked.release();
        }
    }

    /** A sweep's records, read with the schema its manifest keeps (no inference pass), or inferred without one. */
    private static Dataset<Row> records(SparkSession spark, SweepStore store, String sweep) {
        StructType type = null;
        try {
            type = SweepManifest.read(store, sweep, spark.sparkContext().hadoopConfiguration())
                    .map(m -> DataType.fromJson(m.recordType()) instanceof StructType t ? t : null).orElse(null);
        } catch (IOException | RuntimeException e) {
            // an unreadable manifest: infer the schema from the files
        }
        return type == null ? spark.read().parquet(store.records(sweep)) : spark.read().schema(type).parquet(store.records(sweep));
    }

    /** rank right after objective, as the README documents, then the scalarized value and the Pareto columns. */
    private static Column[] ordered(Dataset<Row> ranked, boolean scalarized) {
        List<String> after = scalarized
                ? List.of(Columns.RANK, Columns.SCALARIZED, Columns.PARETO_RANK, Columns.CROWDING_DISTANCE, Columns.FEASIBLE)
                : List.of(Columns.RANK, Columns.PARETO_RANK, Columns.CROWDING_DISTANCE, Columns.FEASIBLE);
        List<Column> ordered = new ArrayList<>();
        for (String c : ranked.columns()) {
            if (after.contains(c)) continue;
            ordered.add(col(c));
            if (c.equals(Columns.OBJECTIVE)) for (String a : after) ordered.add(col(a));
        }
        return ordered.toArray(new Column[0]);
    }

    /**
     * Under successive halving, says why a completed trial below the sweep's largest budget went no further
     * when no trial continued from it: {@code stop_reason} "not promoted past rung R (budget B)".
     */
    private static Dataset<Row> notPromoted(Dataset<Row> trials) {
        if (!List.of(trials.columns()).contains(Columns.PARENT_TRIAL_ID)) return trials; // records written before these columns
        Row largest = trials.agg(max(col(Columns.BUDGET))).first(); // one narrow pass; null when no trial had a budget
        if (largest.isNullAt(0)) return trials;
        Dataset<Row> parents = trials.filter(col(Columns.PARENT_TRIAL_ID).isNotNull())
                .select(col(Columns.PARENT_TRIAL_ID).as("_continued")).distinct();
        Column stopped = col(Columns.STOP_REASON).isNull()
                .and(col(Columns.STATUS).equalTo("COMPLETED"))
                .and(col(Columns.RUNG).isNotNull())
                .and(col(Columns.BUDGET).lt(lit(largest.get(0))))
                .and(col("_continued").isNull());
        return trials.join(broadcast(parents), col(Columns.TRIAL_ID).equalTo(col("_continued")), "left")
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

    /**
     * The configs of a sweep's {@code top} best COMPLETED trials (by rank), fitted to {@code space}: for
     * warm-starting a new sweep from an earlier one. Parameters are matched by name.
     *
     * @throws IllegalArgumentException when the sweep has no leaderboard, or a config does not fit the space
     */
    public static List<TrialConfig> bestConfigs(SparkSession spark, SweepStore store, String sweep, int top, SearchSpace space)
            throws IOException {
        Path dir = new Path(store.leaderboard(sweep));
        if (!dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(dir)) {
            throw new IllegalArgumentException("search.warmStartFrom: no leaderboard of sweep '" + sweep + "' under " + store.root()
                    + " (sweeps there: see sparksweep leaderboard --output " + store.root() + ")");
        }
        Dataset<Row> rows = spark.read().parquet(dir.toString());
        Set<String> columns = Set.of(rows.columns());
        List<Column> wanted = new ArrayList<>(List.of(col(Columns.TRIAL_ID)));
        for (Parameter p : space.parameters()) {
            String c = Columns.param(p.name());
            wanted.add(columns.contains(c) ? col(c) : lit(null).as(c));
        }
        List<TrialConfig> out = new ArrayList<>();
        for (Row r : rows.filter(col(Columns.STATUS).equalTo("COMPLETED")).orderBy(col(Columns.RANK), col(Columns.TRIAL_INDEX))
                .limit(top).select(wanted.toArray(new Column[0])).collectAsList()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < space.parameters().size(); i++) {
                if (!r.isNullAt(i + 1)) values.put(space.parameters().get(i).name(), r.get(i + 1));
            }
            try {
                out.add(space.config(values));
            } catch (SearchSpace.ConfigException e) {
                throw new IllegalArgumentException("search.warmStartFrom: trial " + r.getString(0) + " of sweep '" + sweep
                        + "' does not fit this sweep's space: " + e.getMessage() + "; lower top, or search a space that contains it", e);
            }
        }
        return out;
    }

    /** Registers {@link #VIEW} over every sweep under the root. */
    public static void registerView(SparkSession spark, SweepStore store) throws IOException {
        read(spark, store).createOrReplaceTempView(VIEW);
    }
}
