package org.sparksweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The estimator against Optuna 3.1's own TPE estimator on fixed observations (the checked-in file
 * src/test/resources/tpe/parzen-golden.txt, written by src/test/python/tpe_golden.py): mixture
 * weights, centres, widths, category probabilities and log-densities must agree to 1e-9.
 */
class ParzenEstimatorGoldenTest {
    private static final double TOLERANCE = 1e-9;

    /** One case of the golden file. */
    record Case(String name, boolean multivariate, ParzenEstimator.Kind[] kinds, double[][] observations, double[] weights,
            Map<Integer, double[]> mus, Map<Integer, double[]> sigmas, Map<Integer, double[]> categoryProbabilities,
            List<double[]> points, List<Double> logDensities) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        var in = ParzenEstimatorGoldenTest.class.getResourceAsStream("/tpe/parzen-golden.txt");
        if (in == null) throw new IllegalStateException("missing test resource tpe/parzen-golden.txt");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = null;
            boolean multivariate = false;
            ParzenEstimator.Kind[] kinds = null;
            double[][] observations = null;
            double[] weights = null;
            Map<Integer, double[]> mus = new TreeMap<>(), sigmas = new TreeMap<>(), probabilities = new TreeMap<>();
            List<double[]> points = new ArrayList<>();
            List<Double> densities = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split("\\s+");
                switch (f[0]) {
                    case "case" -> {
                        name = f[1];
                        mus = new TreeMap<>();
                        sigmas = new TreeMap<>();
                        probabilities = new TreeMap<>();
                        points = new ArrayList<>();
                        densities = new ArrayList<>();
                    }
                    case "multivariate" -> multivariate = Boolean.parseBoolean(f[1]);
                    case "dims" -> {
                        kinds = new ParzenEstimator.Kind[Integer.parseInt(f[1])];
                        observations = new double[kinds.length][];
                    }
                    case "dim" -> kinds[Integer.parseInt(f[1])] = f[2].equals("categorical")
                            ? new ParzenEstimator.Categorical(Integer.parseInt(f[3]))
                            : new ParzenEstimator.Numeric(Double.parseDouble(f[3]));
                    case "obs" -> observations[Integer.parseInt(f[1])] = numbers(f, 2);
                    case "weights" -> weights = numbers(f, 1);
                    case "mus" -> mus.put(Integer.parseInt(f[1]), numbers(f, 2));
                    case "sigmas" -> sigmas.put(Integer.parseInt(f[1]), numbers(f, 2));
                    case "catprobs" -> probabilities.put(Integer.parseInt(f[1]), numbers(f, 2));
                    case "point" -> {
                        double[] v = numbers(f, 1);
                        points.add(Arrays.copyOf(v, v.length - 1));
                        densities.add(v[v.length - 1]);
                    }
                    case "end" -> cases.add(new Case(name, multivariate, kinds, observations, weights, mus, sigmas, probabilities,
                            points, densities));
                    default -> throw new IllegalStateException("unexpected line in the golden file: " + line);
                }
            }
        }
        return cases.stream();
    }

    private static double[] numbers(String[] fields, int from) {
        return Arrays.stream(fields, from, fields.length).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void theGoldenFileCoversEveryKindOfDimension() throws IOException {
        List<Case> all = cases().toList();
        assertTrue(all.size() >= 10, "cases: " + all);
        assertTrue(all.stream().anyMatch(c -> c.multivariate() && c.kinds().length >= 5));
        assertTrue(all.stream().anyMatch(c -> c.observations()[0].length > ParzenEstimator.RECENT), "older observations fading");
        assertTrue(all.stream().anyMatch(c -> c.observations()[0].length == 0), "the prior alone");
        assertTrue(all.stream().mapToInt(c -> c.points().size()).sum() > 50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithOptunasEstimator(Case c) {
        // Optuna's multivariate estimator: Scott's-rule widths
        ParzenEstimator estimator = new ParzenEstimator(c.kinds(), c.observations(), c.multivariate());
        assertClose(c.weights(), estimator.weights(), "weights");
        c.mus().forEach((d, expected) -> assertClose(expected, estimator.centres(d), "centres of dimension " + d));
        c.sigmas().forEach((d, expected) -> assertClose(expected, estimator.widths(d), "widths of dimension " + d));
        c.categoryProbabilities().forEach((d, expected) -> {
            double[] flat = Arrays.stream(estimator.categoryProbabilities(d)).flatMapToDouble(Arrays::stream).toArray();
            assertClose(expected, flat, "category probabilities of dimension " + d);
        });
        assertEquals(c.kinds().length, c.mus().size() + c.categoryProbabilities().size(), "every dimension checked");
        for (int i = 0; i < c.points().size(); i++) {
            double[] x = c.points().get(i);
            assertEquals(c.logDensities().get(i), estimator.logDensity(x), TOLERANCE, "log-density at " + Arrays.toString(x));
        }
    }

    /** The numbers the issue gives for [a, a, b] over four categories. */
    @Test
    void choicesAreSmoothedPerObservationAsOptunaDoes() {
        ParzenEstimator e = new ParzenEstimator(new ParzenEstimator.Kind[] {new ParzenEstimator.Categorical(4)},
                new double[][] {{0, 0, 1}}, false);
        double[] p = new double[4];
        for (int j = 0; j < 4; j++) p[j] = Math.exp(e.logDensity(new double[] {j}));
        assertClose(new double[] {0.40625, 0.28125, 0.15625, 0.15625}, p, "probabilities");
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1, Math.abs(expected[i])),
                    what + "[" + i + "]: expected " + Arrays.toString(expected) + " but was " + Arrays.toString(actual));
        }
    }
}
