package org.sparksweep.trainer.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void hartmann6MinimumAndACornerValue() {
        assertEquals(-3.32237, TestFunction.HARTMANN6.value(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573), 1e-5);
        // at the origin only the exponentials' tails remain: -sum alpha_i exp(-sum_j A_ij P_ij^2), computed by hand
        double expected = 0;
        double[][] a = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
        double[][] p = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
                {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
        double[] alpha = {1.0, 1.2, 3.0, 3.2};
        for (int i = 0; i < 4; i++) {
            double e = 0;
            for (int j = 0; j < 6; j++) e += a[i][j] * p[i][j] * p[i][j];
            expected -= alpha[i] * Math.exp(-e);
        }
        assertEquals(expected, TestFunction.HARTMANN6.value(0, 0, 0, 0, 0, 0), 1e-12);
        assertEquals(6, TestFunction.HARTMANN6.fixedDimensions());
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
        assertEquals(List.of("branin", "hartmann6", "rosenbrock", "ackley", "levy", "styblinski_tang", "rastrigin", "sphere", "zdt1", "zdt2"),
                TestFunction.names());
        for (TestFunction f : TestFunction.values()) assertEquals(f, TestFunction.named(f.label()));
        assertThrows(IllegalArgumentException.class, () -> TestFunction.named("nope"));
    }

    @Test
    void levyAndStyblinskiTangMinima() {
        assertEquals(0, TestFunction.LEVY.value(filled(10, 1)), 1e-15);
        assertTrue(TestFunction.LEVY.value(filled(10, 1.1)) > 0);
        // w = 1 + (x - 1)/4 = 1.5 at x = 3: sin^2(1.5 pi) + (0.5^2)(1 + 10 sin^2(1.5 pi + 1)) + (0.5^2)(1 + sin^2(3 pi)), by hand
        double w = 1.5;
        double expected = Math.pow(Math.sin(Math.PI * w), 2) + 0.25 * (1 + 10 * Math.pow(Math.sin(Math.PI * w + 1), 2))
                + 0.25 * (1 + Math.pow(Math.sin(2 * Math.PI * w), 2));
        assertEquals(expected, TestFunction.LEVY.value(3, 3), 1e-12);
        double x = TestFunction.STYBLINSKI_TANG_ARGMIN;
        assertEquals(-39.16616570377142 * 3, TestFunction.STYBLINSKI_TANG.value(x, x, x), 1e-9);
        assertEquals(0, TestFunction.STYBLINSKI_TANG.value(0, 0), 0.0);
    }
}
