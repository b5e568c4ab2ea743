package org.sparksweep.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.bench.BenchTable;
import org.sparksweep.bench.EngineOverhead;
import org.sparksweep.bench.GridProbe;
import org.sparksweep.bench.Growth;
import org.sparksweep.bench.RealTrials;
import org.sparksweep.bench.Scale;
import org.sparksweep.bench.TrialShares;
import org.sparksweep.cli.Main;
import org.sparksweep.cli.Sessions;
import org.sparksweep.cli.SparkOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The engine benchmark: one table per scenario. (1) engine overhead on sleep trials with more task
 * slots than cores, by phase; (2) real dl4j-mlp trials beside the ideal and the reachable limit and the
 * peers on the classpath, in interleaved rounds; (3) scale: the driver heap under a huge grid, the
 * leaderboard reduce and a top-10 query over many rows; (4) growth of wall time and driver heap with
 * the trial count.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measures the engine: overhead on sleep trials, real trials beside the reachable limit and peers, scale, growth.")
final class BenchmarkCommand implements Callable<Integer> {
    static final Set<String> SCENARIOS = Set.of("overhead", "real", "scale", "growth");

    @Option(names = "--scenarios", split = ",", defaultValue = "overhead,real,scale,growth",
            description = "which tables, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})", completionCandidates = Names.class)
    List<String> scenarios;

    @Option(names = "--sleep-trials", split = ",", defaultValue = "1000", description = "1: sweep sizes (default: ${DEFAULT-VALUE}; the full run: 1000,10000)")
    List<Long> sleepTrials;

    @Option(names = "--costs", split = ",", defaultValue = "0.1,0", description = "1: seconds each trial sleeps (default: ${DEFAULT-VALUE})")
    List<Double> costs;

    @Option(names = "--sleep-master", defaultValue = "local[8]", description = "1: Spark master with more task slots than cores (default: ${DEFAULT-VALUE})")
    String sleepMaster;

    @Option(names = "--epochs", defaultValue = "150", description = "2: epochs per dl4j-mlp trial (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--rounds", defaultValue = "3",
            description = "2: rounds; each runs every runner once, in an order rotated each round (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--grid-exponents", split = ",", defaultValue = "3,5", description = "3: grids of 10^E points (default: ${DEFAULT-VALUE}; the full run: 3,7)")
    List<Integer> gridExponents;

    @Option(names = "--grid-heap", defaultValue = "512m", description = "3: driver heap of the grid probes (default: ${DEFAULT-VALUE})")
    String gridHeap;

    @Option(names = "--probe-trials", defaultValue = "1000", description = "3: trials a grid probe runs before measuring the heap (default: ${DEFAULT-VALUE})")
    long probeTrials;

    @Option(names = "--leaderboard-rows", defaultValue = "100000", description = "3: trial rows of the leaderboard (default: ${DEFAULT-VALUE}; the full run: 1000000)")
    long leaderboardRows;

    @Option(names = "--growth-trials", split = ",", defaultValue = "100,1000,10000", description = "4: sweep sizes (default: ${DEFAULT-VALUE}; add 100000 for the full run)")
    List<Long> growthTrials;

    @Option(names = "--no-warm-up", negatable = false, description = "skip the unreported warm-up sweep before scenarios 1, 2 and 4")
    boolean noWarmUp;

    @Option(names = "--peers", negatable = false,
            description = "2: also run the peers (Arbiter, Spark ML); the ./sparksweep launcher builds them (Maven profile peers) when given this option")
    boolean peers;

    @Option(names = "--journal-comparison", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "1: each sleep sweep also without the per-trial journal, to show what durability costs (default: ${DEFAULT-VALUE})")
    boolean journalComparison;

    @Option(names = "--faults", defaultValue = "0", description = "instead of the scenarios, a fault campaign: SIGKILL a sweep's driver at K random points, resume after each (default: ${DEFAULT-VALUE})")
    int faults;

    @Option(names = "--function-trials", defaultValue = "400", description = "fault campaign: trials of its sweep (default: ${DEFAULT-VALUE})")
    int functionTrials;

    @Option(names = "--cost", defaultValue = "0.1", description = "fault campaign: seconds each trial sleeps (default: ${DEFAULT-VALUE})")
    double cost;

    @Option(names = "--seed", defaultValue = "1", description = "seeds the fault campaign's kill points (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--grid-probe", hidden = true, defaultValue = "0", description = "internal: run one grid probe of 10^E points in this JVM")
    int gridProbe;

    @Option(names = "--trial-share", hidden = true, description = "internal: run share I/K of scenario 2's trials in a plain loop in this JVM")
    String trialShare;

    @Option(names = "--trial-gate", hidden = true, description = "internal: with --trial-share, the directory of the start gate to wait at")
    Path trialGate;

    @picocli.CommandLine.Mixin
    SparkOptions sparkOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    static final class Names extends java.util.ArrayList<String> {
        Names() {
            super(List.of("overhead", "real", "scale", "growth"));
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        for (String s : scenarios) {
            if (!SCENARIOS.contains(s)) {
                command.commandLine().getErr().println("sparksweep benchmark: --scenarios: unknown scenario '" + s + "'; one of overhead, real, scale, growth");
                return Main.BAD_INPUT;
            }
        }
        if (rounds < 1) {
            command.commandLine().getErr().println("sparksweep benchmark: --rounds must be at least 1, not " + rounds);
            return Main.BAD_INPUT;
        }
        Path dir = Files.createTempDirectory("sparksweep-bench");
        try {
            if (faults > 0) return new FaultCampaign(out, dir, faults, functionTrials, cost, seed, sparkOptions).run();
            if (trialShare != null) {
                String[] share = trialShare.split("/");
                out.println(TrialShares.run(dir, epochs, Integer.parseInt(share[0]), Integer.parseInt(share[1]), trialGate, !noWarmUp));
                return Main.OK;
            }
            if (gridProbe > 0) {
                try (Sessions.Handle session = sparkOptions.open("sparksweep grid probe")) {
                    out.println(GridProbe.run(session.spark(), dir, gridProbe, probeTrials));
                }
                return Main.OK;
            }
            boolean warmUp = !noWarmUp;
            if (scenarios.contains("overhead")) {
                try (Sessions.Handle session = Sessions.open("sparksweep benchmark: overhead", sleepMaster)) {
                    header(out, session.spark());
                    new EngineOverhead(session.spark(), dir).run(sleepTrials, costs, warmUp, journalComparison).print(out);
                }
            }
            try (Sessions.Handle session = sparkOptions.open("sparksweep benchmark")) {
                SparkSession spark = session.spark();
                if (scenarios.size() > 1 || !scenarios.contains("overhead")) header(out, spark);
                if (scenarios.contains("real")) {
                    if (peers) out.println("(running the peers found on the classpath)");
                    new RealTrials(spark, dir).run(epochs, rounds, warmUp, peers, out);
                }
                if (scenarios.contains("scale")) {
                    BenchTable table = new BenchTable("3. scale", "what", "figure", "figure", "figure");
                    for (int e : gridExponents) {
                        GridProbe.Result r = GridProbe.spawn(gridHeap, sleepMaster, e, probeTrials);
                        table.row("grid 10^" + e + " points", "driver -Xmx" + gridHeap + " (" + r.maxHeapMib() + " MiB usable)",
                                "heap " + BenchTable.number(r.heapMib()) + " MiB after " + r.trials() + " trials",
                                "first result " + BenchTable.number(r.firstResultSeconds()) + " s");
                    }
                    new Scale(spark, dir).leaderboard(table, leaderboardRows,
                            (w, args) -> Main.execute(w, w, args));
                    table.note("grid: a fresh driver JVM per grid, heap measured after a full GC once the trials have finished;");
                    table.note("the same heap for 10^3 and 10^7 points = the driver never holds the grid.");
                    table.print(out);
                }
                if (scenarios.contains("growth")) new Growth(spark, dir).run(growthTrials).print(out);
            }
        } finally {
            deleteRecursively(dir);
        }
        return Main.OK;
    }

    private static void header(PrintWriter out, SparkSession spark) {
        out.println("spark " + spark.version() + " master " + spark.sparkContext().master() + ", " + spark.sparkContext().defaultParallelism()
                + " task slots, " + Runtime.getRuntime().availableProcessors() + " cores, driver max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        out.println();
        out.flush();
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
