package org.sparksweep.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trainer.function.TestFunction;

/** The benchmark's regrets are only right if its optima are: each is reached at its argmin and never undercut. */
class SearchProblemTest {
    static final List<String> SINGLE = List.of("branin", "hartmann6", "ackley5", "levy10", "styblinski-tang4", "rosenbrock4", "mixed6");

    private static TrialConfig sample(SearchProblem p, SplittableRandom r) {
        Map<String, Object> values = new HashMap<>();
        for (Parameter parameter : p.space().parameters()) values.put(parameter.name(), parameter.domain().sample(r.nextDouble()));
        return new TrialConfig(values);
    }

    @Test
    void valueAtTheArgminIsTheOptimum() {
        for (String name : SINGLE) {
            SearchProblem p = SearchProblem.named(name);
            assertEquals(p.optimum(), p.evaluate(p.argmin()), 1e-12 * Math.max(1, Math.abs(p.optimum())), name);
            for (Parameter parameter : p.space().parameters()) {
                assertTrue(parameter.domain().contains(p.argmin().get(parameter.name())), name + ": the argmin is inside the domain");
            }
        }
    }

    @Test
    void randomPointsAreNeverBelowTheOptimum() {
        SplittableRandom r = new SplittableRandom(11);
        for (String name : SINGLE) {
            SearchProblem p = SearchProblem.named(name);
            double lowest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < 20_000; i++) lowest = Math.min(lowest, p.evaluate(sample(p, r)));
            assertTrue(lowest >= p.optimum(), name + ": " + lowest + " < optimum " + p.optimum());
        }
    }

    @Test
    void pointsNearTheArgminAreNotBelowTheOptimum() {
        SplittableRandom r = new SplittableRandom(5);
        for (String name : SINGLE) {
            SearchProblem p = SearchProblem.named(name);
            for (int i = 0; i < 5_000; i++) {
                Map<String, Object> values = new HashMap<>(p.argmin().values());
                for (Parameter parameter : p.space().parameters()) {
                    if (values.get(parameter.name()) instanceof Double x) values.put(parameter.name(), x + 1e-3 * (2 * r.nextDouble() - 1));
                }
                double v = p.evaluate(new TrialConfig(values));
                assertTrue(v >= p.optimum() - 1e-12 * Math.max(1, Math.abs(p.optimum())), name + ": " + v + " below the optimum near its argmin");
            }
        }
    }

    @Test
    void mixed6IsSmallestOnlyAtItsArgmin() {
        // for every discrete combination the reals' best is known in closed form: x1 = s(c2), x2 = -0.5
        SearchProblem p = SearchProblem.named("mixed6");
        int zeros = 0;
        for (String c1 : List.of("a", "b", "c", "d")) {
            for (String c2 : List.of("red", "green", "blue")) {
                for (long n1 = 0; n1 <= 10; n1++) {
                    for (long n2 = 0; n2 <= 20; n2++) {
                        double v = p.evaluate(new TrialConfig(Map.of("x1", SearchProblem.Mixed6.S.get(c2), "x2", -0.5, "n1", n1, "n2", n2,
                                "c1", c1, "c2", c2)));
                        assertTrue(v >= 0);
                        if (v == 0) zeros++;
                    }
                }
            }
        }
        assertEquals(1, zeros, "one global minimum");
        assertEquals(0, p.evaluate(p.argmin()));
    }

    @Test
    void styblinskiTangArgminIsAStationaryPointAndTheLowerOfTheTwoMinima() {
        double x = TestFunction.STYBLINSKI_TANG_ARGMIN;
        assertEquals(0, 4 * x * x * x - 32 * x + 5, 1e-12);
        assertEquals(-2.903534, x, 1e-6);
        assertEquals(-39.16617, TestFunction.STYBLINSKI_TANG_1D, 1e-5);
        assertTrue(TestFunction.STYBLINSKI_TANG.value(2.7468) > TestFunction.STYBLINSKI_TANG_1D, "the other local minimum is higher");
    }

    @Test
    void optimaAreTheLiteraturesValues() {
        assertEquals(0.397887, SearchProblem.named("branin").optimum(), 1e-6);
        assertEquals(-3.32237, SearchProblem.named("hartmann6").optimum(), 1e-5);
        assertEquals(-39.16617 * 4, SearchProblem.named("styblinski-tang4").optimum(), 1e-4);
        assertEquals(0, SearchProblem.named("levy10").optimum());
        assertEquals(0, SearchProblem.named("ackley5").evaluate(SearchProblem.named("ackley5").argmin()), 1e-15);
    }

    /** The Python side (Optuna's runs) must search the very same functions: compare values at random points. */
    @Test
    void pythonDefinesTheSameProblems() throws Exception {
        Path script = Path.of("src/test/python/optuna_search.py");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && Files.isRegularFile(script), "needs /usr/bin/python3");
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder program = new StringBuilder("import sys; sys.path.insert(0, 'src/test/python')\n");
        program.append("import optuna_search as o\n");
        List<Double> expected = new java.util.ArrayList<>();
        for (String name : SINGLE) {
            SearchProblem p = SearchProblem.named(name);
            for (int i = 0; i < 3; i++) {
                TrialConfig c = sample(p, r);
                StringBuilder params = new StringBuilder("{");
                for (var e : c.values().entrySet()) {
                    Object v = e.getValue();
                    params.append('"').append(e.getKey()).append("\": ").append(v instanceof String s ? "\"" + s + "\"" : v).append(", ");
                }
                params.append('}');
                program.append("print(repr(o.paired_problem('").append(name).append("')[1](").append(params).append(")))\n");
                expected.add(p.evaluate(c));
            }
            program.append("print(repr(o.paired_problem('").append(name).append("')[2]))\n");
            expected.add(p.optimum());
        }
        Path file = Files.createTempFile("problems", ".py");
        Files.writeString(file, program);
        Process proc = new ProcessBuilder("/usr/bin/python3", file.toString()).redirectErrorStream(true).start();
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = proc.waitFor();
        Files.delete(file);
        Assumptions.assumeFalse(output.contains("No module named 'optuna'"), "needs python3-optuna");
        assertEquals(0, code, output);
        List<String> lines = output.lines().toList();
        assertEquals(expected.size(), lines.size(), output);
        for (int i = 0; i < expected.size(); i++) {
            double py = Double.parseDouble(lines.get(i));
            assertEquals(expected.get(i), py, 1e-9 * Math.max(1, Math.abs(py)), "value " + i + ": " + program);
        }
    }
}
