package org.sparksweep.bench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sparksweep.bench.SearchStats;
import org.sparksweep.cli.Main;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.engine.TrialRunner;
import org.sparksweep.search.Proposal;
import org.sparksweep.search.SearchSettings;
import org.sparksweep.search.Strategies;
import org.sparksweep.search.Strategy;
import org.sparksweep.spec.SpecException;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Search strategies on a real Deeplearning4j sweep: an MLP on the bundled 8x8 digits (UCI optdigits)
 * over the space a demanding user would search (learning rate on a log scale, depth, width, dropout,
 * L2 penalty, updater, batch size). Every trial is the engine's own trial body ({@link TrialRunner}: the
 * dl4j-mlp trainer, the spec's data split, the trial seed), run in this JVM one after another without
 * Spark, asked and told as the engine does. For each strategy and budget it prints the best validation
 * accuracy after N trials over seeds (median, mean with a bootstrap 95% interval, every seed's value)
 * and the seconds a seed's run took to get there.
 *
 * The first strategy is then compared with each other one seed by seed.
 *
 * <p>The reported runs: {@code ./sparksweep bench dl4j-search-benchmark --seeds 30 --budgets 20,40}, and the same with
 * {@code --first-seed 30 --seeds 60}.
 */
@Command(name = "dl4j-search-benchmark", mixinStandardHelpOptions = true,
        description = {"Compares search strategies on a real dl4j-mlp sweep of the bundled digits data: best validation accuracy "
                + "after N trials over seeds (median, mean with a bootstrap 95%% interval, per seed) and seconds.",
                "Trials run in process, one after another, without Spark (the engine's trial body and trainer, asked and told as a sweep does)."})
final class Dl4jSearchBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--strategies", split = ",", defaultValue = "gp,tpe,random", description = "strategies (default: ${DEFAULT-VALUE})")
    List<String> strategies;

    @Option(names = "--seeds", defaultValue = "5", description = "independent runs per strategy, seeds F..F+N-1 (F from --first-seed); a seed "
            + "also seeds the networks' training, the same for every strategy (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "0", description = "the first seed, so a new run can use seeds no earlier run has seen "
            + "(default: ${DEFAULT-VALUE})")
    long firstSeed;

    @Option(names = "--budgets", split = ",", defaultValue = "20,40", description = "trial counts to report (default: ${DEFAULT-VALUE})")
    List<Integer> budgets;

    @Option(names = "--epochs", defaultValue = "5", description = "epochs per trial; 5 take about a second of CPU per trial (default: ${DEFAULT-VALUE})")
    int epochs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    static final double CONFIDENCE = 0.95;

    /** The sweep every strategy runs: only the search block's strategy, trials and seed change. */
    static String spec(int epochs) {
        return """
                name: dl4j-search-benchmark
                description: MLP on 8x8 digits over learning rate, depth, width, dropout, L2, updater and batch size.
                data: {source: digits, validationFraction: 0.3, splitSeed: 42}
                model: {trainer: dl4j-mlp, activation: relu, epochs: %d, patience: 0}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: random, trials: 40, seed: 0}
                space:
                  learningRate: {logUniform: [0.0001, 0.3]}
                  layers: {range: [1, 3]}
                  width: {range: [16, 256], step: 16}
                  dropout: {uniform: [0.0, 0.5]}
                  l2: {logUniform: [0.000001, 0.01]}
                  updater: {choice: [adam, nesterovs, rmsprop, sgd]}
                  batchSize: {choice: [64, 128]}
                """.formatted(epochs);
    }

    /**
     * One seeded run: the best accuracy after each trial (NaN until one completes), the seconds since the start
     * and how many trials so far did not complete (failed, diverged or timed out).
     */
    record Run(double[] best, double[] seconds, int[] failed) {}

    @Override
    public Integer call() throws SpecException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (seeds < 1 || epochs < 1 || firstSeed < 0 || budgets.isEmpty() || budgets.stream().anyMatch(b -> b < 1)) {
            err.println("sparksweep dl4j-search-benchmark: --seeds, --epochs and every budget must be >= 1, --first-seed >= 0");
            return Main.BAD_INPUT;
        }
        SweepSpec spec = SpecReader.parse(spec(epochs), "dl4j-search-benchmark", false);
        int trials = budgets.stream().mapToInt(Integer::intValue).max().orElseThrow();
        out.printf(Locale.ROOT, "dl4j-mlp on digits (1797 8x8 images, 30%% held out for validation), %d epochs per trial, trials in process "
                + "one at a time (no Spark); %d seeds (%d..%d)%n", epochs, seeds, firstSeed, firstSeed + seeds - 1);
        out.println("space: learningRate logUniform[1e-4, 0.3], layers 1..3, width 16..256 step 16, dropout uniform[0, 0.5], "
                + "l2 logUniform[1e-6, 1e-2], updater {adam, nesterovs, rmsprop, sgd}, batchSize {64, 128}");
        out.printf(Locale.ROOT, "best validation accuracy after N trials: median and mean over seeds, percentile-bootstrap %.0f%% interval "
                + "of the mean; seconds: mean wall time of a seed's run up to N trials (training and proposing); failed: trials of all seeds "
                + "up to N that did not complete (failed or diverged)%n", 100 * CONFIDENCE);
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (String s : strategies) {
            List<Run> list = new ArrayList<>();
            for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
                Run r = run(spec, s, trials, seed);
                list.add(r);
                err.printf(Locale.ROOT, "dl4j-search-benchmark: %s seed %d: best %.4f after %d trials in %.1f s%n", s, seed, r.best()[trials - 1],
                        trials, r.seconds()[trials - 1]);
                err.flush();
            }
            runs.put(s, list);
        }
        out.println();
        out.printf(Locale.ROOT, "%-9s %4s %10s %9s %9s %9s %8s %7s  %s%n", "strategy", "N", "median_acc", "mean_acc", "ci95_low", "ci95_high",
                "seconds", "failed", "per_seed");
        for (int b = 0; b < budgets.size(); b++) {
            if (b > 0) out.println();
            int n = budgets.get(b);
            for (var e : runs.entrySet()) {
                double[] best = bestAfter(e.getValue(), n);
                double seconds = e.getValue().stream().mapToDouble(r -> r.seconds()[n - 1]).average().orElse(Double.NaN);
                int failed = e.getValue().stream().mapToInt(r -> r.failed()[n - 1]).sum();
                SearchStats.Interval ci = SearchStats.bootstrapMean(best, CONFIDENCE);
                StringBuilder perSeed = new StringBuilder();
                for (double v : best) perSeed.append(perSeed.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", v));
                out.printf(Locale.ROOT, "%-9s %4d %10.4f %9.4f %9.4f %9.4f %8.1f %7d  %s%n", e.getKey(), n, SearchStats.median(best),
                        SearchStats.mean(best), ci.lower(), ci.upper(), seconds, failed, perSeed);
            }
        }
        if (runs.size() > 1) printPaired(out, runs);
        out.flush();
        return Main.OK;
    }

    /**
     * The first strategy against each other one on the same seeds: wins, losses and ties of its best accuracy,
     * the exact sign test, and the mean of the per-seed differences with a percentile-bootstrap interval (an
     * interval above zero says the first strategy's lead is more than seed noise).
     */
    private void printPaired(PrintWriter out, Map<String, List<Run>> runs) {
        String first = runs.keySet().iterator().next();
        out.println();
        out.printf(Locale.ROOT, "%s against each other strategy on the same seeds: wins-losses-ties of the best accuracy after N trials, "
                + "two-sided exact sign test (ties left out), mean per-seed difference in accuracy with a percentile-bootstrap %.0f%% interval%n",
                first, 100 * CONFIDENCE);
        out.printf(Locale.ROOT, "%-9s %-9s %4s %12s %8s %10s %9s %9s%n", "strategy", "against", "N", "W-L-T", "sign_p", "mean_diff", "ci95_low",
                "ci95_high");
        for (int n : budgets) {
            double[] a = bestAfter(runs.get(first), n);
            for (var e : runs.entrySet()) {
                if (e.getKey().equals(first)) continue;
                double[] b = bestAfter(e.getValue(), n);
                // SearchStats.paired counts a win for the smaller value: accuracies are compared negated
                SearchStats.Paired p = SearchStats.paired(negated(a), negated(b));
                double[] diff = new double[a.length];
                for (int i = 0; i < a.length; i++) diff[i] = a[i] - b[i];
                SearchStats.Interval ci = SearchStats.bootstrapMean(diff, CONFIDENCE);
                out.printf(Locale.ROOT, "%-9s %-9s %4d %12s %8.3g %+10.4f %+9.4f %+9.4f%n", first, e.getKey(), n,
                        p.wins() + "-" + p.losses() + "-" + p.ties(), p.signTestP(), SearchStats.mean(diff), ci.lower(), ci.upper());
            }
        }
    }

    private static double[] bestAfter(List<Run> runs, int n) {
        return runs.stream().mapToDouble(r -> r.best()[n - 1]).toArray();
    }

    private static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = -v[i];
        return out;
    }

    /** One strategy, one seed: asks one trial at a time, runs it with the engine's trial body, tells the result. */
    static Run run(SweepSpec spec, String strategyName, int trials, long seed) {
        Strategy strategy = Strategies.get(strategyName).create(new SearchSettings(strategyName, (long) trials, seed), spec.space(), spec.objective());
        TrialPlan plan = new TrialPlan(spec.name() + "-" + strategyName, seed, strategy.decoder(), spec.model().trainer(), spec.model().settings(),
                spec.data(), spec.objective(), spec.resources(), null, null, null, null);
        double[] best = new double[trials];
        double[] seconds = new double[trials];
        int[] failedSoFar = new int[trials];
        double top = Double.NaN;
        int told = 0, failed = 0;
        long t0 = System.nanoTime();
        while (told < trials) {
            Proposal p = strategy.ask(1);
            if (!(p instanceof Proposal.Indices range) || range.to() <= range.from()) {
                throw new IllegalStateException(strategyName + " stopped proposing after " + told + " of " + trials + " trials");
            }
            TrialPlan now = plan.withDecoder(strategy.decoder());
            for (long index = range.from(); index < range.to() && told < trials; index++) {
                TrialResult result = TrialRunner.run(now, index);
                strategy.tell(result);
                if (result.status() == TrialStatus.COMPLETED) {
                    if (Double.isNaN(top) || spec.objective().direction().better(result.objective(), top)) top = result.objective();
                } else {
                    failed++;
                }
                best[told] = top;
                seconds[told] = (System.nanoTime() - t0) / 1e9;
                failedSoFar[told] = failed;
                told++;
            }
        }
        return new Run(best, seconds, failedSoFar);
    }
}
