package org.sparksweep.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.engine.TrialRunner;
import org.sparksweep.search.Strategies;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.LeaderboardSchema;
import org.sparksweep.store.SweepManifest;
import org.sparksweep.store.SweepStore;
import org.sparksweep.store.TrialRecords;

/**
 * Scenario 3, scale: the driver heap while dispatching a grid of 10^exponent points (measured in a
 * JVM of its own with a small heap, see {@link GridProbe}), and the leaderboard's reduce step and a
 * top-10 query through {@code sparksweep sql} over a sweep of many trial rows.
 */
public final class Scale {
    /** Results per Parquet file, as the engine appends them. */
    static final int RECORD_BATCH = 1000;

    private final SparkSession spark;
    private final Path root;

    public Scale(SparkSession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    /**
     * Writes {@code rows} real trial records (trivial function trials run in this JVM, appended
     * in batches as the engine does), then times the reduce and the top-10 query.
     *
     * @param sql runs a {@code sparksweep} command line in this JVM and returns its exit code
     */
    public void leaderboard(BenchTable table, long rows, Cli sql) throws Exception {
        SweepSpec spec = BenchSweeps.sleep("bench-leaderboard-" + rows, rows, 0, root);
        SweepStore store = SweepStore.at(spec.output());
        TrialPlan plan = TrialPlan.of(spec, Strategies.get(spec.search().strategy()).create(spec.search(), spec.space(), spec.objective()).decoder());
        long t0 = System.nanoTime();
        LeaderboardSchema schema = TrialPlan.recordSchema(spec);
        try (TrialRecords records = new TrialRecords(spark, schema, store.records(spec.name()), RECORD_BATCH, Long.MAX_VALUE)) {
            records.clear();
            SweepManifest.of(spec.name(), spec.content(), schema).write(store, spark.sparkContext().hadoopConfiguration()); // as a sweep's run does
            for (long i = 0; i < rows; i++) records.add(TrialRunner.run(plan, i));
            records.drain();
        }
        double write = (System.nanoTime() - t0) / 1e9;
        spark.sparkContext().setJobGroup(SweepRunner.jobGroup(spec.name()), "leaderboard", false);
        long t1 = System.nanoTime();
        Leaderboard.reduce(spark, store, spec.name(), spec.objective().direction());
        double reduce = (System.nanoTime() - t1) / 1e9;
        spark.sparkContext().clearJobGroup();
        String query = "SELECT trial_id, objective FROM trials WHERE sweep = '" + spec.name() + "' ORDER BY objective LIMIT 10";
        StringWriter printed = new StringWriter();
        long t2 = System.nanoTime();
        int code = sql.run(new PrintWriter(printed), "sql", query, "--output", root.toUri().toString());
        double select = (System.nanoTime() - t2) / 1e9;
        if (code != 0) throw new IllegalStateException("sparksweep sql ended with exit code " + code + ": " + printed);
        long t3 = System.nanoTime();
        sql.run(new PrintWriter(new StringWriter()), "sql", query, "--output", root.toUri().toString());
        double again = (System.nanoTime() - t3) / 1e9;
        table.row("leaderboard " + rows + " rows", "records " + BenchTable.number(write) + " s (" + (rows + RECORD_BATCH - 1) / RECORD_BATCH + " files)",
                "reduce " + BenchTable.number(reduce) + " s", "top-10 sql " + BenchTable.number(select) + " s, again " + BenchTable.number(again) + " s");
    }

    /** Runs a command line of the CLI in this JVM (so the scenario needs no dependency on the cli package). */
    @FunctionalInterface
    public interface Cli {
        int run(PrintWriter out, String... args);
    }
}
