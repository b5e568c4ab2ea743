package org.sparksweep.train.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test functions are used to check that searches find known optima, so the optima themselves must be right. */
class TestFunctionTest {

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    @Test
    void braninHasThreeGlobalMinima() {
        assertEquals(0.397887, TestFunction.BRANIN.value(Math.PI, 2.275), 1e-5);
        assertEquals(0.397887, TestFunction.BRANIN.value(-Math.PI, 12.275), 1e-5);
        assertEquals(0.397887, TestFunction.BRANIN.value(9.42478, 2.475), 1e-5);
        // (0, 0): (-6)^2 + 10 (1 - 1/(8 pi)) + 10 = 55.602113
        assertEquals(55.602113, TestFunction.BRANIN.value(0, 0), 1e-5);
        assertEquals(2, TestFunction.BRANIN.fixedDimensions());
    }

    @Test
    void rosenbrockIsZeroAtAllOnes() {
        for (int n : new int[] {2, 3, 5, 10}) assertEquals(0.0, TestFunction.ROSENBROCK.value(filled(n, 1.0)), 0.0);
        // (0, 0): 100 (0 - 0)^2 + (1 - 0)^2
        assertEquals(1.0, TestFunction.ROSENBROCK.value(0, 0), 0.0);
        // (-1, 1, 1): 100 (1 - 1)^2 + 2^2 + 0
        assertEquals(4.0, TestFunction.ROSENBROCK.value(-1, 1, 1), 0.0);
    }

    @Test
    void ackleyIsZeroAtTheOrigin() {
        for (int n : new int[] {1, 2, 10}) assertEquals(0.0, TestFunction.ACKLEY.value(new double[n]), 1e-12);
        // (1, 1): -20 e^-0.2 - e^1 + 20 + e = 20 - 20 e^-0.2 = 3.625385
        assertEquals(3.625385, TestFunction.ACKLEY.value(1, 1), 1e-6);
    }

    @Test
    void rastriginAndSphereAreZeroAtTheOrigin() {
        for (int n : new int[] {1, 2, 10}) {
            assertEquals(0.0, TestFunction.RASTRIGIN.value(new double[n]), 0.0);
            assertEquals(0.0, TestFunction.SPHERE.value(new double[n]), 0.0);
        }
        // each coordinate at 1 adds 1 - 10 cos(2 pi) + 10 = 1
        assertEquals(2.0, TestFunction.RASTRIGIN.value(1, 1), 1e-12);
        assertEquals(14.0, TestFunction.SPHERE.value(1, 2, 3), 0.0);
    }

    @Test
    void functionsAreFoundByLowerCaseName() {
        assertEquals(List.of("branin", "rosenbrock", "ackley", "rastrigin", "sphere"), TestFunction.names());
        for (TestFunction f : TestFunction.values()) assertEquals(f, TestFunction.named(f.label()));
        assertThrows(IllegalArgumentException.class, () -> TestFunction.named("nope"));
    }
}
