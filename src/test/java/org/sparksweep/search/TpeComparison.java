package org.sparksweep.search;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * A measuring harness (not a test): univariate vs multivariate TPE on the benchmark functions and on
 * functions outside the benchmark set, paired seeds, one trial at a time. Prints per function, mode
 * and budget the median regret with a bootstrap 90% interval and the mean of log10(regret); with a
 * file argument also appends function,strategy,seed,budget,best rows in optuna_search.py's --dump
 * format.
 * <p>
 * Run after {@code mvn test-compile}: {@code java -cp target/classes:target/test-classes:$(cat
 * target/launcher.classpath) org.sparksweep.search.TpeComparison 50 100,200 branin,hartmann6,rastrigin4 [dump.csv]}
 */
final class TpeComparison {
    private TpeComparison() {}

    record Problem(SearchSpace space, ToDoubleFunction<double[]> f, double optimum) {}

    static Problem problem(String name) {
        return switch (name) {
            case "branin" -> new Problem(box(new double[] {-5, 0}, new double[] {10, 15}), x -> {
                double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
                double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
                return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
            }, 0.397887);
            case "hartmann6" -> new Problem(box(new double[6], filled(6, 1)), TpeComparison::hartmann6, -3.32237);
            case "rastrigin4" -> new Problem(box(filled(4, -5.12), filled(4, 5.12)), x -> {
                double s = 10 * x.length;
                for (double v : x) s += v * v - 10 * Math.cos(2 * Math.PI * v);
                return s;
            }, 0);
            case "rosenbrock4" -> new Problem(box(filled(4, -2.048), filled(4, 2.048)), x -> {
                double s = 0;
                for (int i = 0; i + 1 < x.length; i++) s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
                return s;
            }, 0);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    private static double hartmann6(double[] x) {
        double f = 0;
        for (int i = 0; i < 4; i++) {
            double e = 0;
            for (int j = 0; j < 6; j++) e += A[i][j] * (x[j] - P[i][j]) * (x[j] - P[i][j]);
            f -= ALPHA[i] * Math.exp(-e);
        }
        return f;
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

    /** Best value after each trial of one sequential run. */
    static double[] run(Problem problem, boolean multivariate, long seed, int trials) {
        TpeStrategy tpe = new TpeStrategy(problem.space(), TpeStrategy.Settings.of(trials, seed, true, 1).withMultivariate(multivariate));
        double[] curve = new double[trials];
        double best = Double.POSITIVE_INFINITY;
        int dims = problem.space().parameters().size();
        for (int i = 0; i < trials; i++) {
            Proposal.Indices p = (Proposal.Indices) tpe.ask(1);
            TrialConfig c = tpe.decoder().decode(p.from());
            double[] x = new double[dims];
            for (int d = 0; d < dims; d++) x[d] = (Double) c.get("x" + (d + 1));
            double y = problem.f().applyAsDouble(x);
            best = Math.min(best, y);
            curve[i] = best;
            tpe.tell(new TrialResult("t" + p.from(), p.from(), c, seed, TrialStatus.COMPLETED, Map.of("value", y), y, null, Instant.EPOCH,
                    Instant.EPOCH, 0, null, null));
        }
        return curve;
    }

    public static void main(String[] args) throws IOException {
        int seeds = Integer.parseInt(args[0]);
        int[] budgets = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        String[] functions = args[2].split(",");
        Path dump = args.length > 3 ? Path.of(args[3]) : null;
        int trials = Arrays.stream(budgets).max().orElseThrow();
        PrintWriter out = new PrintWriter(System.out, true);
        out.printf(Locale.ROOT, "%-12s %-7s %6s %10s %23s %12s%n", "function", "mode", "N", "median", "90% interval of median", "mean log10");
        for (String name : functions) {
            Problem problem = problem(name);
            for (boolean mv : new boolean[] {false, true}) {
                double[][] regret = new double[budgets.length][seeds];
                StringBuilder rows = new StringBuilder();
                for (int s = 0; s < seeds; s++) {
                    double[] curve = run(problem, mv, s, trials);
                    for (int b = 0; b < budgets.length; b++) {
                        regret[b][s] = curve[budgets[b] - 1] - problem.optimum();
                        rows.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s%n", name, mv ? "tpe-mv" : "tpe-uv", s, budgets[b], curve[budgets[b] - 1]));
                    }
                }
                if (dump != null) Files.writeString(dump, rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                for (int b = 0; b < budgets.length; b++) {
                    double[] r = regret[b];
                    double[] ci = bootstrapMedian(r, new SplittableRandom(1));
                    double meanLog = Arrays.stream(r).map(v -> Math.log10(Math.max(v, 1e-12))).average().orElseThrow();
                    out.printf(Locale.ROOT, "%-12s %-7s %6d %10.4g %11.4g-%-11.4g %12.3f%n", name, mv ? "tpe-mv" : "tpe-uv", budgets[b], median(r), ci[0],
                            ci[1], meanLog);
                }
            }
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The 5th and 95th percentiles of the median over 2000 bootstrap resamples. */
    static double[] bootstrapMedian(double[] values, SplittableRandom random) {
        double[] medians = new double[2000];
        double[] sample = new double[values.length];
        for (int k = 0; k < medians.length; k++) {
            for (int i = 0; i < values.length; i++) sample[i] = values[random.nextInt(values.length)];
            medians[k] = median(sample);
        }
        Arrays.sort(medians);
        return new double[] {medians[100], medians[1899]};
    }
}
