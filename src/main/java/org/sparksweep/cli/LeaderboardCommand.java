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

    @Option(names = "--wide", description = "every column of the ranking: each metric, parameter, timing and the error "
            + "(the table format otherwise shows rank, trial, status, objective, the parameters and train_seconds; csv and json always show every column)")
    boolean wide;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN", description = "exactly these leaderboard columns, in this order, e.g. --columns trial_id,objective,param_width")
    List<String> columns;

    @Override
    public Integer call() throws Exception {
        return query.withSpark(spark -> {
            Dataset<Row> ranked = top(spark, query.store(), sweep, top);
            if (columns != null) return select(ranked, columns);
            return wide || query.format != TableWriter.Format.table ? ranked : brief(ranked, sweep == null);
        });
    }

    /**
     * The columns a person reads first: rank, trial, status, objective, the searched parameters,
     * train_seconds and the error (the table printer leaves out a column that is empty in every row).
     */
    static Dataset<Row> brief(Dataset<Row> ranked, boolean withSweep) {
        List<Column> brief = new ArrayList<>();
        if (withSweep) brief.add(col(Columns.SWEEP));
        for (String c : new String[] {Columns.RANK, Columns.TRIAL_ID, Columns.STATUS, Columns.OBJECTIVE}) brief.add(col(c));
        for (String c : ranked.columns()) if (c.startsWith(Columns.PARAM_PREFIX)) brief.add(col(c));
        brief.add(col(Columns.TRAIN_SECONDS));
        brief.add(col(Columns.ERROR));
        return ranked.select(brief.toArray(new Column[0]));
    }

    /** The named columns, in order; an unknown name is refused with the columns there are. */
    static Dataset<Row> select(Dataset<Row> ranked, List<String> names) {
        List<String> known = List.of(ranked.columns());
        List<Column> chosen = new ArrayList<>();
        for (String name : names) {
            String n = name.trim();
            if (!known.contains(n)) {
                throw new IllegalArgumentException("--columns: no leaderboard column '" + n + "'; the columns are " + String.join(", ", known));
            }
            chosen.add(col(n));
        }
        return ranked.select(chosen.toArray(new Column[0]));
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
