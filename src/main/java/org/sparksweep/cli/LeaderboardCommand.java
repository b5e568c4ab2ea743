package org.sparksweep.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.ArrayType;
import org.sparksweep.store.Columns;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.SweepStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "leaderboard", mixinStandardHelpOptions = true, description = "Prints the ranking of one sweep, or of every sweep under the leaderboard root.")
final class LeaderboardCommand implements Callable<Integer> {
    @Mixin
    QueryOptions query;

    @Option(names = "--sweep", description = "only this sweep")
    String sweep;

    @Option(names = "--top", defaultValue = "10", description = "rows per sweep, 0 for all (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws Exception {
        return query.withSpark(spark -> top(spark, query.store(), sweep, top));
    }

    /** The best {@code top} trials of each sweep (or of one), best first, failed trials last. */
    static Dataset<Row> top(SparkSession spark, SweepStore store, String sweep, int top) throws IOException {
        Dataset<Row> all = Leaderboard.read(spark, store);
        if (sweep != null) all = all.filter(col(Columns.SWEEP).equalTo(sweep));
        List<Column> columns = new ArrayList<>();
        for (String c : new String[] {Columns.SWEEP, Columns.RANK, Columns.TRIAL_ID, Columns.STATUS, Columns.OBJECTIVE}) columns.add(col(c));
        // per-fold arrays stay out of the ranking view (means and standard deviations are in it); sql shows them
        for (String c : all.columns()) {
            if (c.startsWith(Columns.METRIC_PREFIX) && !(all.schema().apply(c).dataType() instanceof ArrayType)) columns.add(col(c));
        }
        for (String c : all.columns()) if (c.startsWith(Columns.PARAM_PREFIX)) columns.add(col(c));
        columns.add(col(Columns.TRAIN_SECONDS));
        columns.add(col(Columns.ERROR));
        Column order = col(Columns.RANK).asc_nulls_last();
        Dataset<Row> ranked = all.withColumn("_n", row_number().over(Window.partitionBy(Columns.SWEEP).orderBy(order, col(Columns.TRIAL_INDEX))));
        if (top > 0) ranked = ranked.filter(col("_n").leq(top));
        return ranked.orderBy(col(Columns.SWEEP), col("_n")).select(columns.toArray(new Column[0]));
    }
}
