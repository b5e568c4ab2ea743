package org.sparksweep.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sparksweep.bench.SearchStats;
import org.sparksweep.cli.Main;
import org.sparksweep.search.Nsga2Strategy;
import org.sparksweep.search.Proposal;
import org.sparksweep.search.SearchSettings;
import org.sparksweep.search.Strategies;
import org.sparksweep.search.Strategy;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Hypervolume;
import org.sparksweep.trial.Objective;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How well each strategy searches, independent of the cluster: strategies are asked and told
 * exactly as the engine does, with test functions evaluated in process (so thousands of runs take
 * seconds to minutes). For each function, strategy and budget N it prints the median regret (best
 * value found in the first N trials minus the known optimum) over seeds with a percentile-bootstrap
 * 95% interval, the mean of log10(regret), the paired win rate and sign test against Optuna's TPE
 * (seed i of ours against seed i of theirs) and against a reference strategy of ours, and the time
 * spent proposing (ask + tell) per trial.
 *
 * <p>The full comparison (about an hour on two cores, most of it gp):
 * <pre>
 * ./sparksweep bench search-benchmark --strategies random,tpe,gp --functions branin,hartmann6,ackley5,levy10,styblinski-tang4,rosenbrock4,mixed6 \
 *     --budgets 50,100,200 --seeds 50 --optuna
 * </pre>
 */
@Command(name = "search-benchmark", mixinStandardHelpOptions = true,
        description = {"Compares search strategies on test functions, in process (no Spark): median regret after N trials over seeds "
                + "with a bootstrap 95%% interval, mean log10 regret, paired win rates and sign tests against Optuna's TPE and a "
                + "reference strategy, and proposal time per trial.",
                "Use at least 50 seeds to tell a real difference from seed noise, e.g.: search-benchmark --strategies random,tpe,gp "
                        + "--functions branin,hartmann6,ackley5,levy10,styblinski-tang4,rosenbrock4,mixed6 --budgets 50,100,200 --seeds 50 --optuna"})
final class SearchBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--functions", split = ",", defaultValue = "branin,hartmann6",
            description = "test functions: branin, hartmann6, ackley5, levy10, styblinski-tang4, rosenbrock4, mixed6 (2 reals, 2 integers, "
                    + "2 categories), or the two-objective zdt1, zdt2 (default: ${DEFAULT-VALUE})")
    List<String> functions;

    @Option(names = "--strategies", split = ",", defaultValue = "random,sobol,tpe",
            description = "strategies; tpe-uv and tpe-mv are tpe with multivariate: false / true (default: ${DEFAULT-VALUE})")
    List<String> strategies;

    @Option(names = "--seeds", defaultValue = "20", description = "independent runs per strategy, seeds 0..N-1; use 50 or more to compare (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--budgets", split = ",", defaultValue = "50,100,200", description = "trial counts to report (default: ${DEFAULT-VALUE})")
    List<Integer> budgets;

    @Option(names = "--parallelism", defaultValue = "1",
            description = "trials running at once, as on that many task slots; Optuna's runs too (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--reference", defaultValue = "tpe",
            description = "our strategy every other row is paired with (added to the rows when missing); none for no such column (default: ${DEFAULT-VALUE})")
    String reference;

    @Option(names = "--optuna", description = "also run Optuna's samplers on the same functions, budgets, seeds and parallelism, "
            + "as rows optuna-<sampler> paired seed by seed with ours (needs a python3 with optuna, e.g. Debian's python3-optuna; "
            + "run from the repository root)")
    boolean optuna;

    @Option(names = "--optuna-python", defaultValue = "/usr/bin/python3",
            description = "with --optuna: the Python that runs Optuna, e.g. a virtual environment's bin/python with Optuna 4 or later and torch "
                    + "for the gp sampler (default: ${DEFAULT-VALUE})")
    String optunaPython;

    @Option(names = "--optuna-samplers", split = ",", defaultValue = "tpe",
            description = "with --optuna: Optuna samplers to run, of tpe, tpe-mv (multivariate), random, qmc, gp (GPSampler: Optuna 4 or later with "
                    + "torch, see --optuna-python); the first is the baseline of the win-rate column "
                    + "(default: ${DEFAULT-VALUE})")
    List<String> optunaSamplers;

    @Option(names = "--optuna-save", description = "with --optuna: also keep Optuna's per-seed results (TSV) in this file")
    Path optunaSave;

    @Option(names = "--optuna-from", description = "pair with Optuna's per-seed results read from a file an earlier --optuna-save wrote "
            + "(same functions, budgets and parallelism, at least as many seeds) instead of running Optuna again")
    Path optunaFrom;

    @Option(names = "--population", defaultValue = "20", description = "nsga2's population size, also given to Optuna's NSGAIISampler (default: ${DEFAULT-VALUE})")
    int population;

    @Option(names = "--per-seed", description = "also print each seed's regret after every budget (on standard error): a median "
            + "hides whether a strategy is bimodal, e.g. stuck in a local minimum on some seeds")
    boolean perSeed;

    @Option(names = "--optuna-script", defaultValue = "src/test/python/optuna_search.py", hidden = true)
    Path optunaScript;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** Hypervolume reference point for the two-objective functions (beyond every value ZDT1/ZDT2 take: f1 <= 1, f2 <= 10). */
    static final double REFERENCE1 = 1.1, REFERENCE2 = 11;
    static final Goals TWO_OBJECTIVES = new Goals(List.of(new Objective("f1", Direction.MINIMIZE), new Objective("f2", Direction.MINIMIZE)),
            null, List.of());
    static final double CONFIDENCE = 0.95;
    static final String NONE = "none";

    /** Columns of the per-function table, in order. */
    static final List<String> COLUMNS = List.of("strategy", "N", "median_regret", "ci95_low", "ci95_high", "mean_log10_regret",
            "win_vs_baseline", "p_vs_baseline", "win_vs_reference", "p_vs_reference", "ms_per_trial");

    /**
     * One row source: every seed's best value after each budget ({@code best[b][seed]}) and the mean
     * over seeds of the proposal milliseconds per trial up to each budget.
     */
    record Results(String name, double[][] best, double[] msPerTrial) {}

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (seeds < 1 || parallelism < 1 || budgets.isEmpty() || budgets.stream().anyMatch(b -> b < 1)) {
            err.println("sparksweep search-benchmark: --seeds, --parallelism and every budget must be >= 1");
            return Main.BAD_INPUT;
        }
        List<SearchProblem> problems = new ArrayList<>();
        for (String f : functions) {
            try {
                problems.add(SearchProblem.named(f));
            } catch (IllegalArgumentException e) {
                err.println("sparksweep search-benchmark: " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        for (String s : optunaSamplers) {
            if (!List.of("tpe", "tpe-mv", "random", "qmc", "gp").contains(s)) {
                err.println("sparksweep search-benchmark: --optuna-samplers: unknown sampler '" + s + "'; one of tpe, tpe-mv, random, qmc, gp");
                return Main.BAD_INPUT;
            }
        }
        List<String> ours = new ArrayList<>(strategies);
        String ref = reference == null || reference.equals(NONE) ? null : reference;
        if (ref != null && !ours.contains(ref)) ours.add(ref);

        List<SearchProblem> single = problems.stream().filter(p -> !p.multiObjective()).toList();
        List<SearchProblem> multi = problems.stream().filter(SearchProblem::multiObjective).toList();
        Map<String, Map<String, Results>> theirs = Map.of();
        String optunaVersion = null;
        if (optunaFrom != null) optuna = true;
        if (optuna && !single.isEmpty()) {
            OptunaRuns runs;
            try {
                runs = optunaFrom != null ? parseOptuna(Files.readAllLines(optunaFrom, StandardCharsets.UTF_8), budgets, seeds, parallelism)
                        : runOptunaPaired(err, single);
            } catch (IOException | IllegalArgumentException e) {
                err.println("sparksweep search-benchmark: cannot read " + optunaFrom + ": " + e.getMessage());
                return Main.ERROR;
            }
            if (runs == null) return Main.ERROR;
            theirs = runs.results();
            optunaVersion = runs.version();
        }
        int trials = budgets.stream().mapToInt(Integer::intValue).max().orElseThrow();
        out.printf(Locale.ROOT, "regret = best value in the first N trials - the known optimum; %d seeds (0..%d); %d trial(s) at a time%n",
                seeds, seeds - 1, parallelism);
        out.printf(Locale.ROOT, "median_regret with a percentile-bootstrap %.0f%% interval (%d resamples, fixed seed); mean_log10_regret counts "
                + "a regret below %.0e as %.0e;%n", 100 * CONFIDENCE, SearchStats.RESAMPLES, SearchStats.REGRET_FLOOR, SearchStats.REGRET_FLOOR);
        String baseline = optuna && !single.isEmpty() ? "optuna-" + optunaSamplers.get(0) : null;
        out.printf(Locale.ROOT, "win_vs_X: share of seeds where the row's best beats X's on the same seed (ties count half); p_vs_X: two-sided "
                + "exact sign test; baseline = %s, reference = %s; ms_per_trial: mean CPU time in ask + tell per trial up to N%s%n",
                baseline == null ? "none (no --optuna)" : baseline + (optunaVersion == null ? "" : " (Optuna " + optunaVersion + ")"),
                ref == null ? "none" : ref, optuna ? " (Optuna's measured in Python)" : "");
        for (SearchProblem problem : single) {
            List<Results> rows = new ArrayList<>();
            for (String s : ours) {
                long t0 = System.nanoTime();
                rows.add(ours(s, problem, trials));
                err.printf(Locale.ROOT, "search-benchmark: %s %s: %d seeds in %.1f s%n", problem.label(), s, seeds, (System.nanoTime() - t0) / 1e9);
                err.flush();
            }
            Map<String, Results> optunaRows = theirs.getOrDefault(problem.name(), Map.of());
            for (String s : optunaSamplers) {
                Results r = optunaRows.get("optuna-" + s);
                if (r != null) rows.add(r);
            }
            out.println();
            out.printf(Locale.ROOT, "%s (optimum %s, %d-d)%n", problem.label(), problem.optimum(), problem.space().parameters().size());
            table(out, problem.optimum(), rows, baseline, ref);
            out.flush();
        }
        for (SearchProblem problem : multi) multiObjective(out, problem);
        out.flush();
        if (optuna && !multi.isEmpty()) return runOptunaTables(out, multi);
        return Main.OK;
    }

    /** Every seed of one of our strategies on one problem. */
    Results ours(String strategy, SearchProblem problem, int trials) {
        double[][] best = new double[budgets.size()][seeds];
        double[] ms = new double[budgets.size()];
        for (int seed = 0; seed < seeds; seed++) {
            Run run = run(strategy, problem, trials, seed);
            StringBuilder line = new StringBuilder();
            for (int b = 0; b < budgets.size(); b++) {
                int n = budgets.get(b);
                best[b][seed] = run.bestSoFar()[n - 1];
                ms[b] += run.proposalNanos()[n - 1] / 1e6 / n / seeds;
                line.append(String.format(Locale.ROOT, " %d:%.3e", n, best[b][seed] - problem.optimum()));
            }
            if (perSeed) {
                PrintWriter err = command.commandLine().getErr();
                err.printf(Locale.ROOT, "search-benchmark: %s %s seed %d regret after N trials%s%n", problem.label(), strategy, seed, line);
                err.flush();
            }
        }
        return new Results(strategy, best, ms);
    }

    /** Prints one problem's table: a block of rows per budget. */
    void table(PrintWriter out, double optimum, List<Results> rows, String baseline, String ref) {
        Results base = baseline == null ? null : rows.stream().filter(r -> r.name().equals(baseline)).findFirst().orElse(null);
        Results refRow = ref == null ? null : rows.stream().filter(r -> r.name().equals(ref)).findFirst().orElse(null);
        String header = String.format(Locale.ROOT, "%-13s %5s %13s %11s %11s %17s %15s %13s %16s %14s %12s", COLUMNS.toArray());
        out.println(header);
        for (int b = 0; b < budgets.size(); b++) {
            if (b > 0) out.println();
            for (Results r : rows) {
                double[] regrets = new double[r.best()[b].length];
                for (int i = 0; i < regrets.length; i++) regrets[i] = r.best()[b][i] - optimum;
                double median = SearchStats.median(regrets);
                SearchStats.Interval ci = SearchStats.bootstrapMedian(regrets, CONFIDENCE);
                String[] vsBase = versus(r, base, b);
                String[] vsRef = versus(r, refRow, b);
                out.printf(Locale.ROOT, "%-13s %5d %13.4e %11.3e %11.3e %17.3f %15s %13s %16s %14s %12.3f%n", r.name(), budgets.get(b), median,
                        ci.lower(), ci.upper(), SearchStats.meanLog10(regrets), vsBase[0], vsBase[1], vsRef[0], vsRef[1], r.msPerTrial()[b]);
            }
        }
    }

    /** Win rate and sign-test p of a row against another on the seeds both have; dashes against itself or nothing. */
    private static String[] versus(Results row, Results other, int b) {
        if (other == null || other == row) return new String[] {"-", "-"};
        SearchStats.Paired p = SearchStats.paired(row.best()[b], other.best()[b]);
        return new String[] {String.format(Locale.ROOT, "%.2f", p.winRate()), String.format(Locale.ROOT, "%.2e", p.signTestP())};
    }

    /** Median hypervolume over seeds after each budget (larger is better), for a two-objective function. */
    private void multiObjective(PrintWriter out, SearchProblem problem) {
        out.printf(Locale.ROOT, "%n%s: median hypervolume up to (%s, %s) after N trials (best possible %.4f; gap in brackets); nsga2 population %d%n",
                problem.label(), REFERENCE1, REFERENCE2, problem.optimum(), population);
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
                double m = SearchStats.median(values);
                row.append(String.format(Locale.ROOT, " %24s", String.format(Locale.ROOT, "%.4f (%.2e)", m, problem.optimum() - m)));
            }
            row.append(String.format(Locale.ROOT, " %9.1f", (System.nanoTime() - t0) / 1e9));
            out.println(row);
        }
        out.flush();
    }

    /** Every trial's (f1, f2) of one seeded run, in the order results were told. */
    List<double[]> points(String strategyName, SearchProblem problem, int trials, long seed) {
        List<double[]> points = new ArrayList<>();
        Strategy strategy = strategy(strategyName, problem.space(), trials, seed);
        int told = drive(strategy, trials, (index, c) -> {
            double[] y = problem.objectives(c);
            points.add(y);
            return new TrialResult("t" + index, index, c, seed, TrialStatus.COMPLETED, Map.of("value", y[0], "f1", y[0], "f2", y[1]), y[0],
                    null, Instant.EPOCH, Instant.EPOCH, 0, null, null);
        }, null, null);
        if (told < trials) throw new IllegalStateException(strategyName + " stopped after " + told + " of " + trials + " trials");
        return points;
    }

    /** Optuna's per-seed results by function and row name, and its version. */
    record OptunaRuns(String version, Map<String, Map<String, Results>> results) {}

    /**
     * Runs Optuna's samplers in a child process that writes every seed's best value after each budget to a
     * TSV file (its progress goes to our stderr), and reads them back to pair with our rows.
     */
    private OptunaRuns runOptunaPaired(PrintWriter err, List<SearchProblem> problems) {
        if (!Files.isRegularFile(optunaScript)) {
            err.println("cannot find " + optunaScript.toAbsolutePath() + ": run from the repository root");
            return null;
        }
        Path tsv = null;
        try {
            tsv = Files.createTempFile("sparksweep-optuna", ".tsv");
            List<String> cmd = List.of(optunaPython, optunaScript.toString(), "--seeds", String.valueOf(seeds),
                    "--budgets", String.join(",", budgets.stream().map(String::valueOf).toList()),
                    "--functions", String.join(",", problems.stream().map(SearchProblem::name).toList()),
                    "--strategies", String.join(",", optunaSamplers), "--parallelism", String.valueOf(parallelism),
                    "--per-seed-out", tsv.toString());
            int code = child(cmd, err);
            if (code != 0) {
                err.println("optuna run exited with " + code + " (is python3-optuna installed?)");
                return null;
            }
            if (optunaSave != null) Files.copy(tsv, optunaSave, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return parseOptuna(Files.readAllLines(tsv, StandardCharsets.UTF_8), budgets, seeds, parallelism);
        } catch (IOException e) {
            err.println("cannot run " + optunaPython + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (tsv != null) {
                try {
                    Files.deleteIfExists(tsv);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    /** Reads the child's TSV: {@code function, sampler, seed, budget, best, ms_per_trial}, after a {@code # optuna VERSION} line. */
    static OptunaRuns parseOptuna(List<String> lines, List<Integer> budgets, int seeds, int parallelism) {
        String version = null;
        Map<String, Map<String, Results>> results = new LinkedHashMap<>();
        Map<Results, Integer> counts = new java.util.IdentityHashMap<>();
        for (String line : lines) {
            if (line.startsWith("# optuna ")) {
                version = line.substring("# optuna ".length()).trim();
                continue;
            }
            if (line.startsWith("# parallelism ") && Integer.parseInt(line.substring("# parallelism ".length()).trim()) != parallelism) {
                throw new IllegalArgumentException("the optuna results were run with " + line.substring(2) + ", not " + parallelism);
            }
            if (line.isBlank() || line.startsWith("#") || line.startsWith("function\t")) continue;
            String[] f = line.split("\t");
            if (f.length != 6) throw new IllegalArgumentException("bad line from the optuna run: " + line);
            int b = budgets.indexOf(Integer.parseInt(f[3]));
            int seed = Integer.parseInt(f[2]);
            if (b < 0 || seed >= seeds) continue; // a saved run with more budgets or seeds than asked for: use the common ones
            if (seed < 0) throw new IllegalArgumentException("bad seed from the optuna run: " + line);
            Results r = results.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(f[1], k -> new Results(k, new double[budgets.size()][seeds], new double[budgets.size()]));
            counts.merge(r, 1, Integer::sum);
            r.best()[b][seed] = Double.parseDouble(f[4]);
            r.msPerTrial()[b] += Double.parseDouble(f[5]) / seeds;
        }
        for (var byFunction : results.entrySet()) {
            for (Results r : byFunction.getValue().values()) {
                int n = counts.get(r);
                if (n != budgets.size() * seeds) {
                    throw new IllegalArgumentException("the optuna results for " + byFunction.getKey() + " " + r.name() + " have " + n + " of the "
                            + budgets.size() * seeds + " seed and budget rows asked for");
                }
            }
        }
        return new OptunaRuns(version, results);
    }

    /** Runs a child process, copying its output lines to {@code sink}; returns its exit code. */
    private static int child(List<String> cmd, PrintWriter sink) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                sink.println(line);
                sink.flush();
            }
        }
        return p.waitFor();
    }

    /** Optuna's own tables for the two-objective functions (NSGA-II and random; not paired), printed after ours. */
    private int runOptunaTables(PrintWriter out, List<SearchProblem> problems) {
        if (!Files.isRegularFile(optunaScript)) {
            command.commandLine().getErr().println("cannot find " + optunaScript.toAbsolutePath() + ": run from the repository root");
            return Main.ERROR;
        }
        List<String> cmd = List.of(optunaPython, optunaScript.toString(), "--seeds", String.valueOf(seeds),
                "--budgets", String.join(",", budgets.stream().map(String::valueOf).toList()),
                "--functions", String.join(",", problems.stream().map(SearchProblem::name).toList()), "--strategies", String.join(",", strategies),
                "--population", String.valueOf(population));
        out.println();
        out.flush();
        try {
            int code = child(cmd, out);
            if (code != 0) command.commandLine().getErr().println("optuna run exited with " + code + " (is python3-optuna installed?)");
            return code == 0 ? Main.OK : Main.ERROR;
        } catch (IOException e) {
            command.commandLine().getErr().println("cannot run " + optunaPython + ": " + e.getMessage());
            return Main.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.ERROR;
        }
    }

    /**
     * One seeded run: the best value after each trial, and the nanoseconds spent in the strategy's ask and
     * tell up to and including each trial's tell.
     */
    record Run(double[] bestSoFar, long[] proposalNanos) {}

    /** One seeded run, results told in the order trials were proposed (the oldest running trial finishes first). */
    Run run(String strategyName, SearchProblem problem, int trials, long seed) {
        Strategy strategy = strategy(strategyName, problem.space(), trials, seed);
        double[] bestSoFar = new double[trials];
        long[] nanos = new long[trials];
        double[] best = {Double.POSITIVE_INFINITY};
        int told = drive(strategy, trials, (index, c) -> {
            double value = problem.evaluate(c);
            best[0] = Math.min(best[0], value);
            return new TrialResult("t" + index, index, c, seed, TrialStatus.COMPLETED, Map.of("value", value), value, null,
                    Instant.EPOCH, Instant.EPOCH, 0, null, null);
        }, told1 -> bestSoFar[told1] = best[0], nanos);
        if (told < trials) throw new IllegalStateException(strategyName + " stopped after " + told + " of " + trials + " trials");
        return new Run(bestSoFar, nanos);
    }

    /** A trial evaluated in process: its index and config to its result. */
    interface Evaluation {
        TrialResult evaluate(long index, TrialConfig config);
    }

    /** Called after the n-th result (from 0) was told. */
    interface AfterTell {
        void told(int n);
    }

    /**
     * Asks and tells as the engine does, {@code parallelism} trials in flight; returns how many were told.
     * {@code nanos}, when given, gets the cumulative CPU time this thread spent inside ask and tell after
     * each tell: CPU rather than wall time, so other work on a shared machine does not inflate it.
     */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private int drive(Strategy strategy, int trials, Evaluation evaluation, AfterTell afterTell, long[] nanos) {
        Deque<Long> running = new ArrayDeque<>();
        Map<Long, TrialConfig> configs = new LinkedHashMap<>();
        int told = 0;
        long spent = 0;
        boolean done = false;
        while (told < trials) {
            while (!done && running.size() < parallelism) {
                long t0 = CPU.getCurrentThreadCpuTime();
                Proposal p = strategy.ask(parallelism - running.size());
                boolean stop = false;
                if (p instanceof Proposal.Indices range) {
                    var decoder = strategy.decoder();
                    for (long i = range.from(); i < range.to(); i++) {
                        configs.put(i, decoder.decode(i));
                        running.add(i);
                    }
                } else if (p instanceof Proposal.Done) {
                    done = true;
                } else {
                    stop = true;
                }
                spent += CPU.getCurrentThreadCpuTime() - t0;
                if (stop) break;
            }
            if (running.isEmpty()) break;
            long index = running.poll();
            TrialConfig c = configs.remove(index);
            TrialResult result = evaluation.evaluate(index, c);
            long t0 = CPU.getCurrentThreadCpuTime();
            strategy.tell(result);
            spent += CPU.getCurrentThreadCpuTime() - t0;
            if (nanos != null) nanos[told] = spent;
            if (afterTell != null) afterTell.told(told);
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
}
