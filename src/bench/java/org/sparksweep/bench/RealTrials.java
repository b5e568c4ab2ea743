package org.sparksweep.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.data.DataCache;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.engine.SweepSummary;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.search.Strategies;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;

/**
 * Scenario 2: a grid of real dl4j-mlp trials on Iris run by the engine, beside two limits measured in
 * the same run, the ideal (the same trials in a plain loop in this JVM, divided by the slots) and the
 * reachable one ({@link TrialShares}: the trials split across one single-slot JVM per slot, warmed and
 * released together), beside the same MLPs built and trained with DL4J's API alone in a plain loop
 * ({@link RawDl4jLoop}: what a trial costs without the engine), and beside each {@link Peer} on the
 * classpath with the same configs and threads. Every runner
 * runs once a round, interleaved ({@link RealRounds}).
 */
public final class RealTrials {
    static final String RAW = "raw DL4J: one loop / slots";
    static final String IDEAL = "ideal: one loop / slots";
    static final String ENGINE = "sparksweep";

    private final SparkSession spark;
    private final Path root;

    public RealTrials(SparkSession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    /** One runner of the scenario. */
    private record Runner(String name, Body body) {}

    @FunctionalInterface
    private interface Body {
        RealRun run() throws Exception;
    }

    static SweepSpec spec(int epochs, Path root) throws org.sparksweep.spec.SpecException {
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

    /** The trials of the spec as the engine's tasks run them, without a journal. */
    static TrialPlan plan(SweepSpec spec) {
        return TrialPlan.of(spec, Strategies.get(spec.search().strategy()).create(spec.search(), spec.space(), spec.objective()).decoder());
    }

    /** Runs {@code rounds} rounds (with the {@link Peer}s on the classpath if {@code peers}) and prints, as it goes, one line a run, then the per-round, summary and per-trial tables. */
    public void run(int epochs, int rounds, boolean warmUp, boolean peers, PrintWriter out) throws Exception {
        SweepSpec spec = spec(epochs, root);
        int slots = Math.max(1, spark.sparkContext().defaultParallelism());
        TrialPlan plan = plan(spec);
        long n = spec.space().gridSize().orElseThrow();
        if (warmUp) BenchSweeps.runFresh(spark, spec, SweepListener.NONE); // JIT and ND4J in this JVM (local executors share it)

        List<Peer.MlpConfig> configs = new ArrayList<>();
        for (long i = 0; i < n; i++) configs.add(config(plan.decoder().decode(i)));
        Peer.Workload workload = new Peer.Workload(spark, DataCache.get(spec.data()), List.copyOf(configs), epochs, 16, slots, spec.search().seed());

        String reachable = "reachable: " + slots + (slots == 1 ? " JVM" : " JVMs at once");
        List<Runner> runners = new ArrayList<>(List.of(
                new Runner(RAW, () -> raw(workload)),
                new Runner(IDEAL, () -> ideal(plan, n, slots)),
                new Runner(reachable, () -> reachable(epochs, slots, warmUp)),
                new Runner(ENGINE, () -> engine(spec))));
        if (peers) for (Peer peer : ServiceLoader.load(Peer.class)) runners.add(new Runner(peer.name(), () -> peer(peer, workload)));
        RealRounds results = new RealRounds(runners.stream().map(Runner::name).toList(), RAW, IDEAL, reachable, ENGINE);

        for (int round = 0; round < rounds; round++) {
            List<Runner> order = RealRounds.rotated(runners, round);
            for (int i = 0; i < order.size(); i++) {
                Runner runner = order.get(i);
                RealRun run;
                try {
                    run = runner.body().run();
                } catch (Exception | LinkageError e) {
                    run = RealRun.failed(e);
                }
                results.add(round, i, runner.name(), run);
                out.println("round " + (round + 1) + "/" + rounds + ": " + runner.name() + " " + BenchTable.number(run.wallSeconds()) + " s");
                out.flush();
            }
        }
        out.println();

        String what = "dl4j-mlp on Iris, grid of " + n + " (layers 1–2 × width 16/32/64 × Adam lr 0.01/0.03), " + epochs
                + " epochs, batch 16, on " + spark.sparkContext().master() + " (" + slots + " slots), " + rounds + (rounds == 1 ? " round" : " rounds");
        BenchTable perRound = results.perRoundTable("2. real trials: " + what + ", each round in a rotated order");
        perRound.note("wall / reachable = the run's wall over the reachable limit of the same round; s / trial = Σ training seconds of");
        perRound.note("the trials / trials; cores used = CPU seconds / wall seconds of the JVMs that ran it (JIT and GC included).");
        perRound.print(out);

        BenchTable summary = results.summaryTable("2. real trials, summary over " + rounds + (rounds == 1 ? " round" : " rounds"));
        summary.note(RAW + " = the same " + n + " MLPs built, trained and evaluated with DL4J's API alone in a plain loop in this JVM / " + slots + ".");
        summary.note(IDEAL + " = the " + n + " trials with the engine's trial body in a plain loop in this JVM / " + slots + " slots: assumes " + slots + " free cores.");
        summary.note(reachable + " = the same trials split across " + slots + " JVMs of one slot each (OMP_NUM_THREADS=1), "
                + (warmUp ? "each warmed as the engine's" : "no more warmed than the engine's"));
        summary.note(warmUp ? "JVM is (its share run once, unreported; the engine's JVM: the same trials in a warm-up sweep) and all released"
                : "JVM (--no-warm-up) and all released");
        summary.note("together; timed from the release to the last exit: what this machine delivers for " + slots + " trainings at once.");
        if (runners.size() == 4) summary.note("no peers run: `./sparksweep bench benchmark --peers` builds and runs Arbiter and Spark ML");
        summary.note("target: the engine within 10% of the reachable limit and ahead of every peer, by median wall.");
        summary.note("this run: " + results.verdict().sentence() + ".");
        double ratio = results.summary(ENGINE).medianRatio();
        if (ratio < 1) summary.note("the engine came in under the reachable limit (median " + BenchTable.number(ratio) + ").");
        summary.print(out);

        BenchTable perTrial = results.perTrialTable("2. real trials, per-trial cost (Σ training seconds / trials, median over rounds)");
        perTrial.note("raw DL4J API = build + fit + one evaluation of each MLP, no engine code (the engine's seed, Adam, Xavier and");
        perTrial.note("batches in its order, cut with DL4J's DataSet.batchBy); engine trial body = the engine's TrialRunner.run in a plain");
        perTrial.note("loop (training seconds as the engine records them). Both train alone in this JVM; the reachable limit's and the");
        perTrial.note("engine on Spark's, " + slots + " at once.");
        perTrial.print(out);
    }

    private static RealRun raw(Peer.Workload w) {
        RawDl4jLoop loop = RawDl4jLoop.run(w.data(), w.configs(), w.epochs(), w.batchSize(), w.seed());
        return new RealRun(loop.seconds() / w.threads(), loop.bestAccuracy(), loop.trainSeconds() / loop.trials(), loop.cpuSeconds() / loop.seconds(),
                "DL4J API in a plain loop in this JVM " + BenchTable.number(loop.seconds()) + " s / " + w.threads());
    }

    private RealRun ideal(TrialPlan plan, long n, int slots) {
        TrialLoop loop = TrialLoop.run(plan, 0, 1, n);
        return new RealRun(loop.seconds() / slots, loop.bestAccuracy(), loop.trainSeconds() / loop.trials(), loop.cpuSeconds() / loop.seconds(),
                "plain loop in this JVM " + BenchTable.number(loop.seconds()) + " s / " + slots);
    }

    private RealRun reachable(int epochs, int slots, boolean warmUp) throws Exception {
        TrialShares.Outcome o = TrialShares.spawn(root, epochs, slots, warmUp);
        long trials = 0;
        double train = 0, cpu = 0, best = Double.NaN;
        List<String> loops = new ArrayList<>();
        for (TrialLoop l : o.loops()) {
            trials += l.trials();
            train += l.trainSeconds();
            cpu += l.cpuSeconds();
            if (Double.isNaN(best) || l.bestAccuracy() > best) best = l.bestAccuracy();
            loops.add(BenchTable.number(l.seconds()));
        }
        return new RealRun(o.wallSeconds(), best, train / trials, cpu / o.wallSeconds(), "release to last exit; loops " + String.join(", ", loops) + " s");
    }

    private RealRun engine(SweepSpec spec) throws Exception {
        long cpu = CpuTime.ofProcess();
        SweepSummary s = BenchSweeps.runFresh(spark, spec, SweepListener.NONE);
        if (s.failed() > 0) throw new IllegalStateException(s.failed() + " of the engine's trials did not complete");
        return new RealRun(s.wallSeconds(), s.best() == null ? Double.NaN : s.best().objective(), s.trainSeconds() / s.trials(),
                CpuTime.cores(cpu, s.wallSeconds()), "one trial per task, reduce " + BenchTable.number(s.reduceSeconds()) + " s");
    }

    private static RealRun peer(Peer peer, Peer.Workload workload) throws Exception {
        long cpu = CpuTime.ofProcess();
        Peer.Outcome o = peer.run(workload);
        return new RealRun(o.wallSeconds(), o.bestAccuracy(), Double.NaN, CpuTime.cores(cpu, o.wallSeconds()), o.how());
    }

    static Peer.MlpConfig config(TrialConfig c) {
        return new Peer.MlpConfig(((Number) c.get("layers")).intValue(), ((Number) c.get("width")).intValue(), ((Number) c.get("learningRate")).doubleValue());
    }
}
