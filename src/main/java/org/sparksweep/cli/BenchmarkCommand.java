package org.sparksweep.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.engine.SweepSummary;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the engine on cheap, predictable trials: N {@code function} trials with a fixed sleep
 * and N small {@code dl4j-mlp} trials on Iris. Prints trials per second and engine efficiency =
 * Σ trial training seconds / (wall seconds × task slots).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, description = "Measures engine throughput and efficiency on function and dl4j-mlp trials.")
final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--function-trials", defaultValue = "400", description = "function trials (default: ${DEFAULT-VALUE})")
    int functionTrials;

    @Option(names = "--cost", defaultValue = "0.1", description = "seconds each function trial sleeps (default: ${DEFAULT-VALUE})")
    double cost;

    @Option(names = "--dl4j-trials", defaultValue = "24", description = "dl4j-mlp trials (default: ${DEFAULT-VALUE})")
    int dl4jTrials;

    @Option(names = "--epochs", defaultValue = "40", description = "epochs per dl4j-mlp trial (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--rounds", defaultValue = "2", description = "times to run each scenario; the first includes JVM warm-up (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--journal-comparison", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also run the function scenario without the per-trial journal, to show what durability costs (default: ${DEFAULT-VALUE})")
    boolean journalComparison;

    @Option(names = "--faults", defaultValue = "0", description = "instead of the scenarios, a fault campaign: SIGKILL a sweep's driver at K random points, resume after each (default: ${DEFAULT-VALUE})")
    int faults;

    @Option(names = "--seed", defaultValue = "1", description = "seeds the fault campaign's kill points (default: ${DEFAULT-VALUE})")
    long seed;

    @picocli.CommandLine.Mixin
    SparkOptions sparkOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        Path dir = Files.createTempDirectory("sparksweep-bench");
        if (faults > 0) {
            try {
                return new FaultCampaign(out, dir, faults, functionTrials, cost, seed, sparkOptions).run();
            } finally {
                deleteRecursively(dir);
            }
        }
        SweepSpec function = functionTrials <= 0 ? null : SpecReader.parse("""
                name: bench-function
                model: {trainer: function, function: branin, costSeconds: %s}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: %d, seed: 1}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                output: %s
                """.formatted(cost, functionTrials, dir.toUri()), "benchmark function spec", false);
        SweepSpec mlp = dl4jTrials <= 0 ? null : SpecReader.parse("""
                name: bench-dl4j-mlp
                data: {source: iris}
                model: {trainer: dl4j-mlp, epochs: %d, batchSize: 16}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: random, trials: %d, seed: 1}
                space:
                  layers: {range: [1, 2]}
                  width: {choice: [16, 32, 64]}
                  learningRate: {logUniform: [0.003, 0.05]}
                output: %s
                """.formatted(epochs, dl4jTrials, dir.toUri()), "benchmark dl4j-mlp spec", false);
        try (Sessions.Handle session = sparkOptions.open("sparksweep benchmark")) {
            SparkSession spark = session.spark();
            out.println("spark " + spark.version() + " master " + spark.sparkContext().master() + ", "
                    + spark.sparkContext().defaultParallelism() + " task slots, " + Runtime.getRuntime().availableProcessors() + " cores");
            out.println();
            out.println(String.format(Locale.ROOT, "%-28s %7s %9s %9s %9s %9s %10s %6s %10s", "scenario", "trials", "wall s",
                    "trials s", "reduce s", "trials/s", "Σ train s", "slots", "efficiency"));
            for (int round = 1; round <= rounds; round++) {
                String suffix = rounds > 1 ? " #" + round : "";
                // every round starts the sweep afresh (a rerun would otherwise resume it and run nothing)
                if (functionTrials > 0 && journalComparison) {
                    row(out, "function " + cost + "s no journal" + suffix, SweepRunner.withoutJournal(spark).run(function, SweepListener.NONE, true));
                }
                if (functionTrials > 0) row(out, "function " + cost + "s sleep" + suffix, new SweepRunner(spark).run(function, SweepListener.NONE, true));
                if (dl4jTrials > 0) row(out, "dl4j-mlp iris " + epochs + "ep" + suffix, new SweepRunner(spark).run(mlp, SweepListener.NONE, true));
            }
        } finally {
            deleteRecursively(dir);
        }
        return Main.OK;
    }

    static void row(PrintWriter out, String name, SweepSummary s) {
        out.println(String.format(Locale.ROOT, "%-28s %7d %9.2f %9.2f %9.2f %9.2f %10.2f %6d %10.3f", name, s.trials(), s.wallSeconds(),
                s.trialSeconds(), s.reduceSeconds(), s.trials() / s.wallSeconds(), s.trainSeconds(), s.slots(), s.efficiency()));
        out.flush();
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
