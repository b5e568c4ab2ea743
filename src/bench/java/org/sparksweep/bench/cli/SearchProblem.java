package org.sparksweep.bench.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trainer.function.TestFunction;

/**
 * A problem of the search benchmark: a test function, the space it is searched over, its known
 * minimum and a point where the minimum is reached. The same problems, with the same names, are
 * defined in {@code src/test/python/optuna_search.py} so Optuna's samplers search exactly the same thing.
 *
 * @param function the test function for the numeric problems; null for {@code mixed6}
 * @param argmin   a config where {@code optimum} is reached (for the two-objective ones: null)
 */
record SearchProblem(String name, TestFunction function, SearchSpace space, double optimum, ToDoubleFunction<TrialConfig> value,
        TrialConfig argmin) {

    /** Names accepted by {@link #named}, in the order the help lists them. */
    static final List<String> NAMES = List.of("branin", "hartmann6", "ackley5", "levy10", "styblinski-tang4", "rosenbrock4", "mixed6",
            "zdt1", "zdt2");

    /** Branin's minimum 5/(4 pi), reached at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475). */
    static final double BRANIN_MINIMUM = 5 / (4 * Math.PI);
    /** Hartmann6's minimum, found by local minimisation from the published argmin (the usual -3.32237 is rounded below it). */
    static final double HARTMANN6_MINIMUM = -3.3223680114155147;
    static final double[] HARTMANN6_ARGMIN = {0.20168951067422813, 0.15001069619697321, 0.47687397414963617, 0.2753324271227949,
            0.31165161711794254, 0.6573005350276446};

    static SearchProblem named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "branin" -> numeric(name, TestFunction.BRANIN, new double[] {-5, 0}, new double[] {10, 15}, BRANIN_MINIMUM,
                    new double[] {Math.PI, 2.275});
            case "hartmann6" -> numeric(name, TestFunction.HARTMANN6, filled(6, 0), filled(6, 1), HARTMANN6_MINIMUM, HARTMANN6_ARGMIN);
            case "ackley5" -> numeric(name, TestFunction.ACKLEY, filled(5, -32.768), filled(5, 32.768), 0, filled(5, 0));
            case "levy10" -> numeric(name, TestFunction.LEVY, filled(10, -10), filled(10, 10), 0, filled(10, 1));
            case "styblinski-tang4" -> numeric(name, TestFunction.STYBLINSKI_TANG, filled(4, -5), filled(4, 5),
                    4 * TestFunction.STYBLINSKI_TANG_1D, filled(4, TestFunction.STYBLINSKI_TANG_ARGMIN));
            case "rosenbrock4" -> numeric(name, TestFunction.ROSENBROCK, filled(4, -5), filled(4, 10), 0, filled(4, 1));
            case "mixed6" -> Mixed6.PROBLEM;
            // two objectives on [0, 1]^30; "optimum" is the hypervolume of the true front up to the reference point
            case "zdt1" -> new SearchProblem(name, TestFunction.ZDT1, box(filled(30, 0), filled(30, 1)), 1.1 * 11 - 1.0 / 3, null, null);
            case "zdt2" -> new SearchProblem(name, TestFunction.ZDT2, box(filled(30, 0), filled(30, 1)), 1.1 * 11 - 2.0 / 3, null, null);
            default -> throw new IllegalArgumentException("unknown function '" + name + "': use one of " + String.join(", ", NAMES));
        };
    }

    private static SearchProblem numeric(String name, TestFunction f, double[] lower, double[] upper, double optimum, double[] argmin) {
        int d = lower.length;
        return new SearchProblem(name, f, box(lower, upper), optimum, c -> f.value(inputs(c, d)), point(argmin));
    }

    static SearchSpace box(double[] lower, double[] upper) {
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < lower.length; i++) ps.add(new Parameter("x" + (i + 1), new Domain.Uniform(lower[i], upper[i], null, null), null));
        return new SearchSpace(ps);
    }

    static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static TrialConfig point(double[] x) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) values.put("x" + (i + 1), x[i]);
        return new TrialConfig(values);
    }

    static double[] inputs(TrialConfig c, int d) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) x[i] = ((Number) c.get("x" + (i + 1))).doubleValue();
        return x;
    }

    double evaluate(TrialConfig c) {
        return value.applyAsDouble(c);
    }

    double[] objectives(TrialConfig c) {
        return function.objectivesAt(inputs(c, space.parameters().size()));
    }

    boolean multiObjective() {
        return function != null && function.objectiveCount() > 1;
    }

    /** Its label in tables. */
    String label() {
        return name;
    }

    /**
     * A mixed space of six parameters: x1, x2 reals in [-5, 5], n1 an integer in [0, 10], n2 an integer
     * in [0, 20], c1 one of a, b, c, d and c2 one of red, green, blue, with
     * <pre>
     * f = (x1 - s(c2))^2 + h(c2) + 2 (x2 + 0.5)^2 + 0.5 (n1 - t(c1))^2 + p(c1) + 0.1 (n2 - 7)^2
     * s = {red: -2, green: 1.5, blue: 3}   h = {red: 0.5, green: 0, blue: 0.2}
     * t = {a: 8, b: 3, c: 5, d: 0}         p = {a: 1, b: 0, c: 0.5, d: 2}
     * </pre>
     * Every term is at least 0 (squares; h and p are non-negative), and all of them are 0 at once only at
     * c2 = green (h = 0), x1 = s(green) = 1.5, x2 = -0.5, c1 = b (p = 0), n1 = t(b) = 3, n2 = 7 (all inside
     * the domains): the minimum is 0 there and nowhere else. The categories move where the numeric
     * parameters are best, so a search must learn them together; each wrong category costs a fixed amount.
     */
    static final class Mixed6 {
        static final Map<String, Double> S = Map.of("red", -2.0, "green", 1.5, "blue", 3.0);
        static final Map<String, Double> H = Map.of("red", 0.5, "green", 0.0, "blue", 0.2);
        static final Map<String, Double> T = Map.of("a", 8.0, "b", 3.0, "c", 5.0, "d", 0.0);
        static final Map<String, Double> P = Map.of("a", 1.0, "b", 0.0, "c", 0.5, "d", 2.0);

        static final SearchSpace SPACE = new SearchSpace(List.of(
                new Parameter("x1", new Domain.Uniform(-5, 5, null, null), null),
                new Parameter("x2", new Domain.Uniform(-5, 5, null, null), null),
                new Parameter("n1", new Domain.IntRange(0, 10, 1), null),
                new Parameter("n2", new Domain.IntRange(0, 20, 1), null),
                new Parameter("c1", new Domain.Choice(List.of("a", "b", "c", "d")), null),
                new Parameter("c2", new Domain.Choice(List.of("red", "green", "blue")), null)));

        static final TrialConfig ARGMIN = new TrialConfig(new LinkedHashMap<>(Map.of(
                "x1", 1.5, "x2", -0.5, "n1", 3L, "n2", 7L, "c1", "b", "c2", "green")));

        static final SearchProblem PROBLEM = new SearchProblem("mixed6", null, SPACE, 0, Mixed6::value, ARGMIN);

        static double value(TrialConfig c) {
            double x1 = ((Number) c.get("x1")).doubleValue(), x2 = ((Number) c.get("x2")).doubleValue();
            double n1 = ((Number) c.get("n1")).doubleValue(), n2 = ((Number) c.get("n2")).doubleValue();
            String c1 = String.valueOf(c.get("c1")), c2 = String.valueOf(c.get("c2"));
            double a = x1 - S.get(c2), b = x2 + 0.5, m = n1 - T.get(c1), k = n2 - 7;
            return a * a + H.get(c2) + 2 * b * b + 0.5 * m * m + P.get(c1) + 0.1 * k * k;
        }
    }
}
