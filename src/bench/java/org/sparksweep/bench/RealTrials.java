package org.sparksweep.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.data.DataCache;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.engine.SweepSummary;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.engine.TrialRunner;
import org.sparksweep.search.Strategies;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * Scenario 2: a grid of real dl4j-mlp trials on Iris run by the engine, beside the sequential
 * limit measured in the same JVM (the same trials one after another in a plain loop, divided by
 * the slots) and beside each {@link Peer} on the classpath with the same configs and threads.
 */
public final class RealTrials {
    private final SparkSession spark;
    private final Path root;

    public RealTrials(SparkSession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    SweepSpec spec(int epochs) throws org.sparksweep.spec.SpecException {
        return SpecReader.parse("""
                name: bench-real-mlp
                data: {source: iris}
                model: {trainer: dl4j-mlp, epochs: %d, batchSize: 16}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: grid}
                space:
                  layers: {choice: [1, 2]}
                  width: {choice: [16, 32, 64]}
                  learningRate: {choice: [0.01, 0.03]}
                output: %s
                """.formatted(epochs, root.toUri()), "benchmark spec bench-real-mlp", false);
    }

    public BenchTable run(int epochs, boolean warmUp) throws Exception {
        SweepSpec spec = spec(epochs);
        int slots = Math.max(1, spark.sparkContext().defaultParallelism());
        BenchTable table = new BenchTable("2. real trials: dl4j-mlp on Iris, grid of 12 (layers 1–2 × width 16/32/64 × Adam lr 0.01/0.03), "
                + epochs + " epochs, batch 16, on " + spark.sparkContext().master() + " (" + slots + " slots)",
                "runner", "trials", "wall s", "trials/s", "best accuracy", "wall / limit", "cores used", "how");
        if (warmUp) BenchSweeps.runFresh(spark, spec, SweepListener.NONE); // JIT and ND4J in this JVM (local executors share it)

        TrialPlan plan = TrialPlan.of(spec, Strategies.get(spec.search().strategy()).create(spec.search(), spec.space(), spec.objective()).decoder());
        long n = spec.space().gridSize().orElseThrow();
        List<Peer.MlpConfig> configs = new ArrayList<>();
        double sequentialBest = Double.NaN;
        long t0 = System.nanoTime();
        long cpu0 = CpuTime.ofProcess();
        for (long i = 0; i < n; i++) {
            TrialResult r = TrialRunner.run(plan, i);
            if (r.status() != TrialStatus.COMPLETED) throw new IllegalStateException("sequential trial " + i + " " + r.status() + ": " + r.error());
            if (Double.isNaN(sequentialBest) || r.objective() > sequentialBest) sequentialBest = r.objective();
            configs.add(config(r.config()));
        }
        double sequential = (System.nanoTime() - t0) / 1e9;
        double sequentialCores = CpuTime.cores(cpu0, sequential);
        double limit = sequential / slots;
        table.row("sequential limit", String.valueOf(n), limit, n / limit, sequentialBest, 1.0, sequentialCores,
                "the same trials in a plain loop in this JVM: " + BenchTable.number(sequential) + " s / " + slots + " slots");

        long cpu1 = CpuTime.ofProcess();
        SweepSummary s = BenchSweeps.runFresh(spark, spec, SweepListener.NONE);
        double engineCores = CpuTime.cores(cpu1, s.wallSeconds());
        table.row("sparksweep", String.valueOf(s.trials()), s.wallSeconds(), s.trials() / s.wallSeconds(),
                s.best() == null ? Double.NaN : s.best().objective(), s.wallSeconds() / limit, engineCores,
                "engine, one trial per task, leaderboard written (reduce " + BenchTable.number(s.reduceSeconds()) + " s)");

        Peer.Workload workload = new Peer.Workload(spark, DataCache.get(spec.data()), List.copyOf(configs), epochs, 16, slots, spec.search().seed());
        int peers = 0;
        for (Peer peer : ServiceLoader.load(Peer.class)) {
            peers++;
            try {
                long cpu = CpuTime.ofProcess();
                Peer.Outcome o = peer.run(workload);
                table.row(peer.name(), String.valueOf(o.trials()), o.wallSeconds(), o.trials() / o.wallSeconds(), o.bestAccuracy(),
                        o.wallSeconds() / limit, CpuTime.cores(cpu, o.wallSeconds()), o.how());
            } catch (Exception | LinkageError e) {
                table.row(peer.name(), "-", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "failed: " + e);
            }
        }
        if (peers == 0) table.note("no peers on the classpath: `./sparksweep bench benchmark --peers` builds and runs Arbiter and Spark ML beside the engine");
        table.note("limit = Σ seconds of the trials run one after another in one JVM / slots; wall / limit 1.10 = 10% above it.");
        table.note("cores used = this JVM's CPU seconds / wall seconds (all its threads, JIT and GC included): the limit assumes the");
        table.note("engine gets " + slots + " cores; on a machine shared with other work it may get fewer (Linux shares CPU between sessions).");
        if (Double.isFinite(engineCores) && Double.isFinite(sequentialCores) && sequentialCores > 0) {
            double reachable = sequential / Math.min(slots, Math.max(1.0, engineCores / sequentialCores));
            table.note("with the cores the engine got (" + BenchTable.number(engineCores) + " vs " + BenchTable.number(sequentialCores)
                    + " for the loop), the reachable limit is " + BenchTable.number(reachable) + " s: engine wall / that = "
                    + BenchTable.number(s.wallSeconds() / reachable) + ".");
        }
        return table;
    }

    static Peer.MlpConfig config(TrialConfig c) {
        return new Peer.MlpConfig(((Number) c.get("layers")).intValue(), ((Number) c.get("width")).intValue(), ((Number) c.get("learningRate")).doubleValue());
    }
}
