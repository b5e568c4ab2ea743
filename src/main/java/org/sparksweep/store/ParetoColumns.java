package org.sparksweep.store;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;
import org.sparksweep.trial.Constraint;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.ParetoRanking;

/**
 * Adds {@code feasible}, {@code pareto_rank} and {@code crowding_distance} to a table of trials (one
 * sweep's records in the reduce, or several sweeps' rows when they are ranked together). Only the
 * columns the ranking needs are brought to the driver, sorted there ({@link ParetoRanking}) and
 * joined back by trial id.
 */
public final class ParetoColumns {
    private ParetoColumns() {}

    /** The column holding an objective's or a constraint's values: a metric column, or train_seconds. */
    public static String column(String quantity) {
        return quantity.equals(Constraint.TRAIN_SECONDS) ? Columns.TRAIN_SECONDS : Columns.metric(quantity);
    }

    /** The rows with the three columns added (replacing them if present). */
    public static Dataset<Row> add(SparkSession spark, Dataset<Row> rows, Goals goals) {
        return add(spark, rows, goals, goals.objectives().stream().map(o -> column(o.metric())).toList());
    }

    /** As {@link #add(SparkSession, Dataset, Goals)}, the objectives read from these columns (in the goals' order). */
    static Dataset<Row> add(SparkSession spark, Dataset<Row> rows, Goals goals, List<String> objectiveColumns) {
        for (String c : List.of(Columns.PARETO_RANK, Columns.CROWDING_DISTANCE, Columns.FEASIBLE)) {
            if (List.of(rows.columns()).contains(c)) rows = rows.drop(c);
        }
        List<Constraint> constraints = goals.constraints();
        List<Column> needed = new ArrayList<>(List.of(col(Columns.TRIAL_ID), col(Columns.STATUS)));
        for (String c : objectiveColumns) needed.add(col(c));
        for (Constraint c : constraints) needed.add(col(column(c.quantity())).cast(DataTypes.DoubleType));
        List<Row> collected = rows.select(needed.toArray(new Column[0])).collectAsList();

        int m = objectiveColumns.size();
        List<Integer> feasibleRows = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        Boolean[] feasible = new Boolean[collected.size()];
        for (int i = 0; i < collected.size(); i++) {
            Row r = collected.get(i);
            String status = r.getString(1);
            if (status.equals("SKIPPED_CONSTRAINT")) {
                feasible[i] = false;
                continue;
            }
            if (!status.equals("COMPLETED")) continue;
            double[] values = new double[m];
            boolean complete = true;
            for (int j = 0; j < m; j++) {
                if (r.isNullAt(2 + j) || !Double.isFinite(r.getDouble(2 + j))) complete = false;
                else values[j] = r.getDouble(2 + j);
            }
            boolean keeps = complete;
            for (int k = 0; k < constraints.size() && keeps; k++) {
                keeps = constraints.get(k).holds(r.isNullAt(2 + m + k) ? null : r.getDouble(2 + m + k));
            }
            feasible[i] = keeps;
            if (keeps) {
                feasibleRows.add(i);
                losses.add(goals.losses(values));
            }
        }
        double[][] points = losses.toArray(new double[0][]);
        int[] ranks = ParetoRanking.ranks(points);
        double[] crowding = ParetoRanking.crowding(points, ranks);
        Integer[] rankOf = new Integer[collected.size()];
        Double[] crowdingOf = new Double[collected.size()];
        for (int f = 0; f < feasibleRows.size(); f++) {
            rankOf[feasibleRows.get(f)] = ranks[f];
            crowdingOf[feasibleRows.get(f)] = crowding[f];
        }
        List<Row> out = new ArrayList<>(collected.size());
        for (int i = 0; i < collected.size(); i++) {
            out.add(RowFactory.create(collected.get(i).getString(0), rankOf[i], crowdingOf[i], feasible[i]));
        }
        StructType type = new StructType()
                .add("_pareto_trial", DataTypes.StringType, false)
                .add(Columns.PARETO_RANK, DataTypes.IntegerType, true)
                .add(Columns.CROWDING_DISTANCE, DataTypes.DoubleType, true)
                .add(Columns.FEASIBLE, DataTypes.BooleanType, true);
        Dataset<Row> ranked = spark.createDataFrame(out, type);
        return rows.join(functions.broadcast(ranked), col(Columns.TRIAL_ID).equalTo(col("_pareto_trial")), "left").drop("_pareto_trial");
    }

    /** The scalarization's combined loss as a column expression over the objectives' metric columns. */
    public static Column scalarized(Goals goals) {
        List<Objective> objectives = goals.objectives();
        Column[] losses = new Column[objectives.size()];
        for (int i = 0; i < losses.length; i++) {
            Column value = col(column(objectives.get(i).metric()));
            double ref = goals.scalarization().references().get(i), w = goals.scalarization().weights().get(i);
            Column loss = objectives.get(i).direction() == Direction.MINIMIZE ? value.minus(ref) : functions.lit(ref).minus(value);
            losses[i] = loss.multiply(w);
        }
        Column present = functions.lit(true);
        for (Objective o : objectives) present = present.and(col(column(o.metric())).isNotNull());
        return functions.when(present, combine(goals, losses));
    }

    private static Column combine(Goals goals, Column[] losses) {
        if (losses.length == 1) return losses[0];
        return switch (goals.scalarization().method()) {
            case WEIGHTED_SUM -> {
                Column sum = losses[0];
                for (int i = 1; i < losses.length; i++) sum = sum.plus(losses[i]);
                yield sum;
            }
            case CHEBYSHEV -> functions.greatest(losses);
        };
    }
}
