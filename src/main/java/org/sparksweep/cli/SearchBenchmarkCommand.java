package org.sparksweep.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sparksweep.search.Nsga2Strategy;
import org.sparksweep.search.Proposal;
import org.sparksweep.search.SearchSettings;
import org.sparksweep.search.Strategies;
import org.sparksweep.search.Strategy;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.train.function.TestFunction;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Hypervolume;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How well each strategy searches, independent of the cluster: strategies are asked and told
 * exactly as the engine does, with test functions evaluated in process (so thousands of runs take
 * seconds). Prints, per function and strategy, the median over seeds of the best value found after
 * each budget, and its regret to the known optimum.
 */
@Command(name = "search-benchmark", mixinStandardHelpOptions = true,
        description = "Compares search strategies on test functions: median best value after N trials over many seeds.")
final class SearchBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--functions", split = ",", defaultValue = "branin,hartmann6", description = "test functions (default: ${DEFAULT-VALUE})")
    List<String> functions;

    @Option(names = "--strategies", split = ",", defaultValue = "random,sobol,tpe",
            description = "strategies; tpe-uv and tpe-mv are tpe with multivariate: false / true (default: ${DEFAULT-VALUE})")
    List<String> strategies;

    @Option(names = "--seeds", defaultValue = "20", description = "independent runs per strategy (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--budgets", split = ",", defaultValue = "50,100,200", description = "trial counts to report (default: ${DEFAULT-VALUE})")
    List<Integer> budgets;

    @Option(names = "--parallelism", defaultValue = "1", description = "trials running at once, as on that many task slots (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--optuna", description = "also run Optuna's samplers on the same functions, budgets and seeds "
            + "(needs /usr/bin/python3 with optuna, e.g. Debian's python3-optuna; run from the repository root)")
    boolean optuna;

    @Option(names = "--population", defaultValue = "20", description = "nsga2's population size, also given to Optuna's NSGAIISampler (default: ${DEFAULT-VALUE})")
    int population;

    @Option(names = "--optuna-script", defaultValue = "src/test/python/optuna_search.py", hidden = true)
    java.nio.file.Path optunaScript;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** A test function with the box it is searched over and its known minimum. */
    record Problem(TestFunction function, SearchSpace space, double optimum) {
        static Problem named(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "branin" -> new Problem(TestFunction.BRANIN, box(new double[] {-5, 0}, new double[] {10, 15}), 0.397887);
                case "hartmann6" -> new Problem(TestFunction.HARTMANN6, box(new double[6], new double[] {1, 1, 1, 1, 1, 1}), -3.32237);
                // two objectives on [0, 1]^30; "optimum" is the hypervolume of the true front up to REFERENCE
                case "zdt1" -> new Problem(TestFunction.ZDT1, box(new double[30], filled(30, 1)), 1.1 * 11 - 1.0 / 3);
                case "zdt2" -> new Problem(TestFunction.ZDT2, box(new double[30], filled(30, 1)), 1.1 * 11 - 2.0 / 3);
                default -> throw new IllegalArgumentException("unknown function '" + name + "': use branin, hartmann6, zdt1 or zdt2");
            };
        }

        private static SearchSpace box(double[] lower, double[] upper) {
            List<Parameter> ps = new ArrayList<>();
            for (int i = 0; i < lower.length; i++) ps.add(new Parameter("x" + (i + 1), new Domain.Uniform(lower[i], upper[i], null, null), null));
            return new SearchSpace(ps);
        }

        private static double[] filled(int n, double v) {
            double[] a = new double[n];
            Arrays.fill(a, v);
            return a;
        }

        double evaluate(TrialConfig c) {
            return function.value(inputs(c));
        }

        double[] objectives(TrialConfig c) {
            return function.objectivesAt(inputs(c));
        }

        private double[] inputs(TrialConfig c) {
            double[] x = new double[space.parameters().size()];
            for (int i = 0; i < x.length; i++) x[i] = ((Number) c.get("x" + (i + 1))).doubleValue();
            return x;
        }

        boolean multiObjective() {
            return function.objectiveCount() > 1;
        }
    }

    /** Hypervolume reference point for the two-objective functions (beyond every value ZDT1/ZDT2 take: f1 <= 1, f2 <= 10). */
    static final double REFERENCE1 = 1.1, REFERENCE2 = 11;
    static final Goals TWO_OBJECTIVES = new Goals(List.of(new Objective("f1", Direction.MINIMIZE), new Objective("f2", Direction.MINIMIZE)),
            null, List.of());

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        int trials = budgets.stream().mapToInt(Integer::intValue).max().orElse(200);
        out.printf(Locale.ROOT, "median over %d seeds of the best value after N trials (regret to the optimum in brackets); %d trial(s) at a time%n",
                seeds, parallelism);
        for (String f : functions) {
            Problem problem = Problem.named(f);
            if (problem.multiObjective()) {
                multiObjective(out, problem);
                continue;
            }
            out.printf(Locale.ROOT, "%n%s (optimum %s)%n", problem.function().label(), problem.optimum());
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s", "strategy"));
            for (int b : budgets) header.append(String.format(Locale.ROOT, " %24s", "N=" + b));
            header.append(String.format(Locale.ROOT, " %9s", "seconds"));
            out.println(header);
            for (String s : strategies) {
                long t0 = System.nanoTime();
                double[][] best = new double[budgets.size()][seeds];
                for (int seed = 0; seed < seeds; seed++) {
                    double[] curve = run(s, problem, trials, seed);
                    for (int b = 0; b < budgets.size(); b++) best[b][seed] = curve[budgets.get(b) - 1];
                }
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-8s", s));
                for (double[] values : best) {
                    double m = median(values);
                    row.append(String.format(Locale.ROOT, " %24s", String.format(Locale.ROOT, "%.6f (%.2e)", m, m - problem.optimum())));
                }
                row.append(String.format(Locale.ROOT, " %9.1f", (System.nanoTime() - t0) / 1e9));
                out.println(row);
            }
        }
        out.flush();
        return optuna ? runOptuna(out) : 0;
    }

    /** Median hypervolume over seeds after each budget (larger is better), for a two-objective function. */
    private void multiObjective(PrintWriter out, Problem problem) {
        out.printf(Locale.ROOT, "%n%s: median hypervolume up to (%s, %s) after N trials (best possible %.4f; gap in brackets); nsga2 population %d%n",
                problem.function().label(), REFERENCE1, REFERENCE2, problem.optimum(), population);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s", "strategy"));
        for (int b : budgets) header.append(String.format(Locale.ROOT, " %24s", "N=" + b));
        header.append(String.format(Locale.ROOT, " %9s", "seconds"));
        out.println(header);
        int trials = budgets.stream().mapToInt(Integer::intValue).max().orElse(200);
        for (String s : strategies) {
            long t0 = System.nanoTime();
            double[][] hv = new double[budgets.size()][seeds];
            for (int seed = 0; seed < seeds; seed++) {
                List<double[]> points = points(s, problem, trials, seed);
                for (int b = 0; b < budgets.size(); b++) hv[b][seed] = Hypervolume.of2d(points.subList(0, budgets.get(b)), REFERENCE1, REFERENCE2);
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-8s", s));
            for (double[] values : hv) {
                double m = median(values);
                row.append(String.format(Locale.ROOT, " %24s", String.format(Locale.ROOT, "%.4f (%.2e)", m, problem.optimum() - m)));
            }
            row.append(String.format(Locale.ROOT, " %9.1f", (System.nanoTime() - t0) / 1e9));
            out.println(row);
        }
        out.flush();
    }

    /** Every trial's (f1, f2) of one seeded run, in the order results were told. */
    List<double[]> points(String strategyName, Problem problem, int trials, long seed) {
        List<double[]> points = new ArrayList<>();
        Strategy strategy = strategy(strategyName, problem.space(), trials, seed);
        drive(strategy, trials, seed, (index, c) -> {
            double[] y = problem.objectives(c);
            points.add(y);
            return new TrialResult("t" + index, index, c, seed, TrialStatus.COMPLETED, Map.of("value", y[0], "f1", y[0], "f2", y[1]), y[0],
                    null, Instant.EPOCH, Instant.EPOCH, 0, null, null);
        });
        if (points.size() < trials) throw new IllegalStateException(strategyName + " stopped after " + points.size() + " of " + trials + " trials");
        return points;
    }

    /** Optuna's Random/QMC(Sobol)/TPE samplers, run as a child process and printed after our table. */
    private int runOptuna(PrintWriter out) {
        if (!java.nio.file.Files.isRegularFile(optunaScript)) {
            command.commandLine().getErr().println("cannot find " + optunaScript.toAbsolutePath() + ": run from the repository root");
            return 1;
        }
        List<String> cmd = List.of("/usr/bin/python3", optunaScript.toString(), "--seeds", String.valueOf(seeds),
                "--budgets", String.join(",", budgets.stream().map(String::valueOf).toList()),
                "--functions", String.join(",", functions), "--strategies", String.join(",", strategies),
                "--population", String.valueOf(population));
        out.println();
        out.flush();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.println(line);
                    out.flush();
                }
            }
            int code = p.waitFor();
            if (code != 0) command.commandLine().getErr().println("optuna run exited with " + code + " (is python3-optuna installed?)");
            return code == 0 ? 0 : 1;
        } catch (java.io.IOException e) {
            command.commandLine().getErr().println("cannot run /usr/bin/python3: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Best value so far after each trial of one seeded run, results told in the order trials were proposed. */
    double[] run(String strategyName, Problem problem, int trials, long seed) {
        Strategy strategy = strategy(strategyName, problem.space(), trials, seed);
        double[] bestSoFar = new double[trials];
        double[] best = {Double.POSITIVE_INFINITY};
        int told = drive(strategy, trials, seed, (index, c) -> {
            double value = problem.evaluate(c);
            best[0] = Math.min(best[0], value);
            return new TrialResult("t" + index, index, c, seed, TrialStatus.COMPLETED, Map.of("value", value), value, null,
                    Instant.EPOCH, Instant.EPOCH, 0, null, null);
        }, bestSoFar, best);
        if (told < trials) throw new IllegalStateException(strategyName + " stopped after " + told + " of " + trials + " trials");
        return bestSoFar;
    }

    /** A trial evaluated in process: its index and config to its result. */
    interface Evaluation {
        TrialResult evaluate(long index, TrialConfig config);
    }

    private int drive(Strategy strategy, int trials, long seed, Evaluation evaluation) {
        return drive(strategy, trials, seed, evaluation, null, null);
    }

    /** Asks and tells as the engine does, {@code parallelism} trials in flight; returns how many were told. */
    private int drive(Strategy strategy, int trials, long seed, Evaluation evaluation, double[] bestSoFar, double[] best) {
        Deque<long[]> running = new ArrayDeque<>();
        Map<Long, TrialConfig> configs = new LinkedHashMap<>();
        int told = 0;
        boolean done = false;
        while (told < trials) {
            while (!done && running.size() < parallelism) {
                Proposal p = strategy.ask(parallelism - running.size());
                if (p instanceof Proposal.Indices range) {
                    var decoder = strategy.decoder();
                    for (long i = range.from(); i < range.to(); i++) {
                        configs.put(i, decoder.decode(i));
                        running.add(new long[] {i});
                    }
                } else if (p instanceof Proposal.Done) {
                    done = true;
                } else {
                    break;
                }
            }
            if (running.isEmpty()) break;
            long index = running.poll()[0];
            TrialConfig c = configs.remove(index);
            strategy.tell(evaluation.evaluate(index, c));
            if (bestSoFar != null) bestSoFar[told] = best[0];
            told++;
        }
        return told;
    }

    private Strategy strategy(String name, SearchSpace space, long trials, long seed) {
        if (name.equals("nsga2")) return new Nsga2Strategy(space, Nsga2Strategy.Settings.of(trials, seed, population), TWO_OBJECTIVES);
        if (name.equals("tpe-mv") || name.equals("tpe-uv")) { // tpe with multivariate: true / false, whatever the default
            SearchSettings settings = new SearchSettings("tpe", trials, seed).withOption("multivariate", name.equals("tpe-mv"));
            return Strategies.get("tpe").create(settings, space, new Objective("value", Direction.MINIMIZE));
        }
        return Strategies.get(name).create(new SearchSettings(name, trials, seed), space, new Objective("value", Direction.MINIMIZE));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
