package org.sparksweep.store;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;
import org.sparksweep.trial.Constraint;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.ParetoRanking;

/**
 * Adds {@code feasible}, {@code pareto_rank} and {@code crowding_distance} to a table of trials (one
 * sweep's records in the reduce, or several sweeps' rows when they are ranked together). Only the
 * columns the ranking needs are brought to the driver, sorted there ({@link ParetoRanking}) and
 * looked up by trial id as the rows are read ({@link TrialRanking}).
 */
public final class ParetoColumns {
    private ParetoColumns() {}

    /** The column holding an objective's or a constraint's values: a metric column, or train_seconds. */
    public static String column(String quantity) {
        return quantity.equals(Constraint.TRAIN_SECONDS) ? Columns.TRAIN_SECONDS : Columns.metric(quantity);
    }

    /** The rows with the three columns added (replacing them if present). */
    public static Dataset<Row> add(SparkSession spark, Dataset<Row> rows, Goals goals) {
        List<String> objectiveColumns = goals.objectives().stream().map(o -> column(o.metric())).toList();
        return TrialRanking.of(rows, goals, objectiveColumns, null, false).addTo(rows, false).rows();
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
