package org.sparksweep.bench.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.cli.Main;
import org.sparksweep.cli.Sessions;
import org.sparksweep.cli.SparkOptions;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.engine.SweepSummary;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Columns;
import org.sparksweep.store.SweepStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What early stopping saves on a real Deeplearning4j sweep: random search trains every config for the
 * full budget; asha (and any other strategy named) samples from the same space with the same seed, and
 * the figures are the epochs trained and the wall time each strategy spent until a trial first reached
 * the best validation score random search reached with its whole budget.
 */
@Command(name = "early-stopping-benchmark", mixinStandardHelpOptions = true,
        description = "ASHA (and hyperband, median) against random search on a dl4j-mlp digits sweep: epochs and wall time to reach random search's best.")
final class EarlyStoppingBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--random-trials", defaultValue = "16", description = "random search's configs, each trained for --max-epochs (default: ${DEFAULT-VALUE})")
    int randomTrials;

    @Option(names = "--configs", defaultValue = "48", description = "configs the early-stopping strategies may sample (default: ${DEFAULT-VALUE})")
    int configs;

    @Option(names = "--max-epochs", defaultValue = "27", description = "the full budget (default: ${DEFAULT-VALUE})")
    int maxEpochs;

    @Option(names = "--min-epochs", defaultValue = "1", description = "successive halving's smallest budget (default: ${DEFAULT-VALUE})")
    int minEpochs;

    @Option(names = "--eta", defaultValue = "3", description = "successive halving's reduction factor (default: ${DEFAULT-VALUE})")
    int eta;

    @Option(names = "--strategies", split = ",", defaultValue = "asha", description = "strategies to compare with random: asha, hyperband, median (default: ${DEFAULT-VALUE})")
    List<String> strategies;

    @Option(names = "--seed", defaultValue = "1", description = "seeds sampling and training (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tolerance", defaultValue = "0.005", description = "also count the first trial within this much of the target (default: ${DEFAULT-VALUE})")
    double tolerance;

    @picocli.CommandLine.Mixin
    SparkOptions sparkOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** One finished trial as the benchmark counts it. */
    private record Finished(double objective, double epochs, double seconds) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        Path dir = Files.createTempDirectory("sparksweep-early-stopping");
        try (Sessions.Handle session = sparkOptions.open("sparksweep early-stopping benchmark")) {
            SparkSession spark = session.spark();
            out.println("spark " + spark.version() + " master " + spark.sparkContext().master() + ", "
                    + spark.sparkContext().defaultParallelism() + " task slots; dl4j-mlp on digits (1,797 8x8 images), objective accuracy, seed " + seed);
            // a small sweep first, so no strategy's figures include loading ND4J's native code and warming the JIT
            SweepSpec warmUp = SpecReader.parse(spec("random", dir).replace("name: early-stopping-random", "name: early-stopping-warm-up")
                    .replace("epochs: " + maxEpochs + ",", "epochs: 2,").replace("trials: " + randomTrials + ",", "trials: 2,"), "warm-up spec", false);
            new SweepRunner(spark).run(warmUp, SweepListener.NONE, true);
            List<String> names = new ArrayList<>(List.of("random"));
            names.addAll(strategies);
            List<List<Finished>> runs = new ArrayList<>();
            List<SweepSummary> summaries = new ArrayList<>();
            for (String strategy : names) {
                SweepSpec spec = SpecReader.parse(spec(strategy, dir), "early-stopping benchmark spec (" + strategy + ")", false);
                Instant start = Instant.now();
                SweepSummary summary = new SweepRunner(spark).run(spec, SweepListener.NONE, true);
                summaries.add(summary);
                runs.add(finished(spark, SweepStore.at(spec.output()), spec.name(), start));
            }
            double target = runs.get(0).stream().mapToDouble(Finished::objective).max().orElse(Double.NaN);
            out.println(String.format(Locale.ROOT, "target: random search's best validation accuracy %.4f after %d configs x %d epochs",
                    target, randomTrials, maxEpochs));
            out.println();
            out.println(String.format(Locale.ROOT, "%-10s %7s %9s %9s %9s %16s %16s %20s", "strategy", "trials", "epochs", "wall s", "best",
                    "epochs to target", "wall s to target", "epochs to target-" + tolerance));
            for (int i = 0; i < names.size(); i++) {
                List<Finished> run = runs.get(i);
                double epochs = 0;
                String epochsToTarget = "not reached", secondsToTarget = "not reached", epochsToNear = "not reached";
                for (Finished f : run) {
                    epochs += f.epochs();
                    if (f.objective() >= target - tolerance && epochsToNear.equals("not reached")) {
                        epochsToNear = String.format(Locale.ROOT, "%.0f (%.1f s)", epochs, f.seconds());
                    }
                    if (f.objective() >= target && epochsToTarget.equals("not reached")) {
                        epochsToTarget = String.format(Locale.ROOT, "%.0f", epochs);
                        secondsToTarget = String.format(Locale.ROOT, "%.1f", f.seconds());
                    }
                }
                double best = run.stream().mapToDouble(Finished::objective).max().orElse(Double.NaN);
                out.println(String.format(Locale.ROOT, "%-10s %7d %9.0f %9.1f %9.4f %16s %16s %20s", names.get(i), run.size(), epochs,
                        summaries.get(i).wallSeconds(), best, epochsToTarget, secondsToTarget, epochsToNear));
            }
            out.flush();
        } finally {
            BenchmarkCommand.deleteRecursively(dir);
        }
        return Main.OK;
    }

    /** The trials in the order they finished: objective, epochs trained (not counting a parent's), seconds since the sweep started. */
    private static List<Finished> finished(SparkSession spark, SweepStore store, String sweep, Instant start) {
        List<Finished> out = new ArrayList<>();
        for (Row r : spark.read().parquet(store.leaderboard(sweep)).filter(col(Columns.STATUS).equalTo("COMPLETED"))
                .orderBy(Columns.FINISHED_AT).select(Columns.OBJECTIVE, Columns.metric("epochs_trained"), Columns.FINISHED_AT).collectAsList()) {
            double seconds = (r.getTimestamp(2).toInstant().toEpochMilli() - start.toEpochMilli()) / 1000.0;
            out.add(new Finished(r.getDouble(0), r.isNullAt(1) ? 0 : r.getDouble(1), seconds));
        }
        return out;
    }

    private String spec(String strategy, Path dir) {
        String search = switch (strategy) {
            case "random" -> "{strategy: random, trials: %d, seed: %d}".formatted(randomTrials, seed);
            case "asha", "hyperband" -> "{strategy: %s, trials: %d, seed: %d, eta: %d, budget: {setting: epochs, min: %d, max: %d}}"
                    .formatted(strategy, configs, seed, eta, minEpochs, maxEpochs);
            case "median" -> "{strategy: median, trials: %d, seed: %d, minTrials: 4, warmupSteps: 3}".formatted(randomTrials, seed);
            default -> throw new IllegalArgumentException("--strategies: no early-stopping benchmark for '" + strategy + "'; use asha, hyperband or median");
        };
        return """
                name: early-stopping-%s
                data: {source: digits, validationFraction: 0.3, splitSeed: 42}
                model: {trainer: dl4j-mlp, epochs: %d, batchSize: 64, patience: 0}
                objective: {metric: accuracy, direction: maximize}
                search: %s
                space:
                  layers: {range: [1, 2]}
                  width: {choice: [16, 32, 64, 128]}
                  learningRate: {logUniform: [0.0001, 0.3]}
                  updater: {choice: [sgd, adam, nesterovs]}
                  dropout: {uniform: [0.0, 0.5]}
                output: %s
                """.formatted(strategy, maxEpochs, search, dir.toUri());
    }
}
