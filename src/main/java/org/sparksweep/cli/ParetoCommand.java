package org.sparksweep.cli;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Columns;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.ParetoColumns;
import org.sparksweep.store.SweepStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Pareto front: the feasible trials no other feasible trial beats on every objective, as the
 * leaderboard's reduce ranked them ({@code WHERE pareto_rank = 1} in SQL gives the same rows), or
 * ranked afresh across several sweeps with one spec's objectives and constraints.
 */
@Command(name = "pareto", mixinStandardHelpOptions = true,
        description = "Prints the Pareto front (pareto_rank = 1) of one sweep or of each sweep under the root; --across ranks sweeps together.")
final class ParetoCommand implements Callable<Integer> {
    @Mixin
    QueryOptions query;

    @Option(names = "--sweep", description = "only this sweep")
    String sweep;

    @Option(names = "--across", description = "rank the trials of every sweep (or --sweep's) together, with the objectives and "
            + "constraints of the spec given by --spec, instead of each sweep's own front")
    boolean across;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (across && query.spec == null) {
            command.commandLine().getErr().println("pareto --across needs --spec SPEC: its objectives and constraints say how trials of different sweeps compare");
            return Main.BAD_INPUT;
        }
        SweepSpec spec = across ? SpecReader.read(query.spec) : null;
        return query.withSpark(spark -> front(spark, query.store(), sweep, spec));
    }

    /** The front rows, sorted by sweep and then along the front (its most crowded-out, extreme points first). */
    static Dataset<Row> front(SparkSession spark, SweepStore store, String sweep, SweepSpec across) throws java.io.IOException {
        Dataset<Row> all = Leaderboard.read(spark, store);
        if (sweep != null) all = all.filter(col(Columns.SWEEP).equalTo(sweep));
        if (across != null) all = ParetoColumns.add(spark, all, across.goals());
        else if (!java.util.Arrays.asList(all.columns()).contains(Columns.PARETO_RANK)) {
            throw new IllegalArgumentException("no sweep" + (sweep == null ? "" : " named " + sweep) + " under " + store.root()
                    + " has Pareto columns: the leaderboard step of this version adds them. Run the sweep's spec again"
                    + " (it resumes and re-ranks without retraining), or rank them here with --across --spec SPEC");
        }
        List<Column> columns = new ArrayList<>();
        for (String c : new String[] {Columns.SWEEP, Columns.TRIAL_ID, Columns.PARETO_RANK, Columns.CROWDING_DISTANCE, Columns.OBJECTIVE}) {
            columns.add(col(c));
        }
        for (String c : all.columns()) {
            if (c.startsWith(Columns.METRIC_PREFIX) && !(all.schema().apply(c).dataType() instanceof ArrayType)) columns.add(col(c));
        }
        for (String c : all.columns()) if (c.startsWith(Columns.PARAM_PREFIX)) columns.add(col(c));
        columns.add(col(Columns.TRAIN_SECONDS));
        Dataset<Row> front = all.filter(col(Columns.PARETO_RANK).equalTo(1));
        return front.orderBy(col(Columns.SWEEP), col(Columns.CROWDING_DISTANCE).desc(), col(Columns.TRIAL_ID)).select(columns.toArray(new Column[0]));
    }
}
