package org.sparksweep.bench;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.engine.SweepSummary;
import org.sparksweep.spec.SweepSpec;

/**
 * Scenario 1: trials whose whole cost is a fixed sleep, so every second above
 * Σ trial seconds / slots is the engine's. Splits that overhead into phases, in slot-milliseconds
 * per trial: planning (sweep start to the first task launched), launch (scheduling, shipping and
 * deserialising tasks, fetching results, free slots, while trials run), in-task (the trial body
 * around the training call: decoding, ids, result serialisation), drain (last task to last record
 * written) and the leaderboard reduce.
 */
public final class EngineOverhead {
    private final SparkSession spark;
    private final Path root;

    public EngineOverhead(SparkSession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    /** @param withoutJournal also run each sweep without the per-trial journal, to show what durability costs */
    public BenchTable run(List<Long> sizes, List<Double> costs, boolean warmUp, boolean withoutJournal) throws Exception {
        SparkContext sc = spark.sparkContext();
        BenchTable table = new BenchTable("1. engine overhead: sleep trials on " + sc.master() + " (" + sc.defaultParallelism() + " task slots, "
                + Runtime.getRuntime().availableProcessors() + " cores)",
                "trials × cost", "wall s", "limit s", "efficiency", "trials/s", "wall ms/trial",
                "overhead slot-ms/trial", "plan", "dispatch", "in-task", "drain", "reduce");
        if (warmUp) measure(BenchSweeps.sleep("bench-warmup", 500, 0, root), new SweepRunner(spark)); // JIT, first Spark jobs, Parquet writer
        for (double cost : costs) {
            for (long n : sizes) {
                for (boolean journal : withoutJournal ? List.of(false, true) : List.of(true)) {
                    Phases p = measure(BenchSweeps.sleep("bench-sleep-" + n + "-" + cost, n, cost, root),
                            journal ? new SweepRunner(spark) : SweepRunner.withoutJournal(spark));
                    SweepSummary s = p.summary;
                    double perTrial = 1000.0 / s.trials();
                    table.row(s.trials() + " × " + cost + " s" + (journal ? "" : " no journal"), s.wallSeconds(), s.trainSeconds() / s.slots(), s.efficiency(),
                            s.trials() / s.wallSeconds(), s.wallSeconds() * perTrial, (s.wallSeconds() * s.slots() - s.trainSeconds()) * perTrial,
                            p.plan * perTrial, p.dispatch * perTrial, p.inTask * perTrial, p.drain * perTrial, p.reduce * perTrial);
                }
            }
        }
        table.note("limit = Σ trial seconds / slots; efficiency = Σ trial seconds / (wall × slots); overhead = wall × slots − Σ trial seconds,");
        table.note("split into phases (slot-ms per trial, they add up to the overhead): plan = start to first task launched, dispatch = slot");
        table.note("time outside task bodies while trials run (scheduling, shipping tasks, results back, free slots), in-task = task body");
        table.note("minus training (decode, trial id, result serialisation), drain = last task to last record written, reduce = leaderboard.");
        return table;
    }

    /** Runs one sweep and splits its time into phases, in slot-seconds. */
    Phases measure(SweepSpec spec, SweepRunner runner) throws Exception {
        SparkContext sc = spark.sparkContext();
        TaskTimes times = new TaskTimes(SweepRunner.jobGroup(spec.name()));
        sc.addSparkListener(times);
        long start = System.currentTimeMillis();
        SweepSummary s;
        try {
            s = runner.run(spec, SweepListener.NONE, true);
            sc.listenerBus().waitUntilEmpty(10_000);
        } finally {
            sc.removeSparkListener(times);
        }
        TaskTimes.Totals t = times.totals();
        int slots = s.slots();
        double plan = Math.max(0, (t.firstLaunchMillis() - start) / 1e3) * slots;
        double inTask = t.run() - s.trainSeconds();
        double dispatch = slots * (t.lastEndMillis() - t.firstLaunchMillis()) / 1e3 - t.run();
        double drain = Math.max(0, (start + s.trialSeconds() * 1e3 - t.lastEndMillis()) / 1e3) * slots;
        double reduce = s.reduceSeconds() * slots;
        return new Phases(s, plan, dispatch, inTask, drain, reduce);
    }

    record Phases(SweepSummary summary, double plan, double dispatch, double inTask, double drain, double reduce) {}
}
