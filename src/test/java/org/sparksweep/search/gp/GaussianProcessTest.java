package org.sparksweep.search.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {
    private static final boolean[] MIXED = {false, false, true};

    /** Points in [0,1]^2 plus a categorical third dimension with 3 values, and a smooth function of them. */
    private static double[][] points(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextInt(3)};
        return x;
    }

    private static double f(double[] x) {
        return Math.sin(5 * x[0]) + (x[1] - 0.3) * (x[1] - 0.3) * 4 + (x[2] == 1 ? 0.8 : 0);
    }

    private static double[] values(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = f(x[i]);
        return y;
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferences() {
        double[][] x = points(25, 1);
        double[] y = values(x);
        HyperparameterFit fit = fitFor(x, y);
        double[] theta = {Math.log(4), Math.log(0.5), Math.log(2), Math.log(1.3), Math.log(1e-3)};
        double[] gradient = new double[theta.length];
        fit.negativeLogPosterior(theta, gradient);
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-6;
            double[] up = theta.clone(), down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (fit.negativeLogPosterior(up, new double[theta.length]) - fit.negativeLogPosterior(down, new double[theta.length])) / (2 * h);
            assertEquals(numeric, gradient[i], 1e-4 * Math.max(1, Math.abs(numeric)), "d/dtheta_" + i);
        }
    }

    private static HyperparameterFit fitFor(double[][] x, double[] y) {
        try {
            var c = HyperparameterFit.class.getDeclaredConstructor(double[][].class, double[].class, boolean[].class);
            c.setAccessible(true);
            return c.newInstance(x, y, MIXED);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void posteriorGradientsMatchFiniteDifferences() {
        double[][] x = points(30, 2);
        GaussianProcess gp = GaussianProcess.condition(x, values(x), MIXED, new Kernel(new double[] {6, 3, 1}, 1.2, 1e-4));
        double[] at = {0.37, 0.61, 2};
        double[] dm = new double[3], ds = new double[3];
        gp.predict(at, dm, ds);
        for (int j = 0; j < 2; j++) {
            double h = 1e-6;
            double[] up = at.clone(), down = at.clone();
            up[j] += h;
            down[j] -= h;
            double[] pu = gp.predict(up), pd = gp.predict(down);
            assertEquals((pu[0] - pd[0]) / (2 * h), dm[j], 1e-5, "mean slope in dimension " + j);
            assertEquals((pu[1] - pd[1]) / (2 * h), ds[j], 1e-5, "sd slope in dimension " + j);
        }
        assertEquals(0, dm[2], "no gradient along a categorical dimension");
    }

    @Test
    void aFittedModelInterpolatesAndIsUncertainOnlyAwayFromTheData() {
        double[][] x = points(40, 3);
        double[] y = values(x);
        Kernel k = HyperparameterFit.fit(x, y, MIXED, null, true, 60);
        GaussianProcess gp = GaussianProcess.condition(x, y, MIXED, k);
        for (int i = 0; i < 5; i++) {
            double[] p = gp.predict(x[i]);
            assertEquals(y[i], p[0], 0.05, "mean at an observed point");
            assertTrue(p[1] < 0.1, "sd at an observed point: " + p[1]);
        }
        double[] far = gp.predict(new double[] {0.5, 0.5, 1});
        double[] near = gp.predict(x[0]);
        assertTrue(far[1] > near[1], "less certain between points than at one");
        // held-out accuracy: the model predicts unseen points of a smooth function well
        double[][] test = points(50, 99);
        double error = 0;
        for (double[] t : test) error += Math.abs(gp.predict(t)[0] - f(t));
        assertTrue(error / test.length < 0.15, "mean absolute error on held-out points " + error / test.length);
        assertTrue(k.inverseSquaredLengthScales()[0] > k.inverseSquaredLengthScales()[1],
                "x1 (a sine of period 1.26) varies faster than x2 (a gentle parabola): " + java.util.Arrays.toString(k.inverseSquaredLengthScales()));
    }

    @Test
    void aParameterThatDoesNotMatterInTheDataIsNotWrittenOffEverywhere() {
        // y depends on x1 only: the likelihood alone would push x2's and x3's length scales to their bound (100)
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[30][];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            y[i] = Math.sin(5 * x[i][0]);
        }
        Kernel k = HyperparameterFit.fit(x, y, new boolean[3], null, true, 60);
        double[] rho = k.inverseSquaredLengthScales();
        for (int j = 1; j < 3; j++) {
            double lengthScale = 1 / Math.sqrt(rho[j]);
            assertTrue(lengthScale < 10, "x" + (j + 1) + "'s length scale stays below 10 box widths: " + lengthScale);
            assertTrue(lengthScale > 1 / Math.sqrt(rho[0]), "and above x1's, which does matter: " + java.util.Arrays.toString(rho));
        }
    }

    @Test
    void boundedLbfgsFindsAMinimumOnABound() {
        // Rosenbrock's minimum (1, 1) lies outside the box [-2, 0.5] x [-2, 2]: the constrained minimum is on x = 0.5
        BoundedLbfgs.Objective rosenbrock = (p, g) -> {
            double a = p[1] - p[0] * p[0], b = 1 - p[0];
            g[0] = -400 * p[0] * a - 2 * b;
            g[1] = 200 * a;
            return 100 * a * a + b * b;
        };
        BoundedLbfgs.Result r = BoundedLbfgs.minimize(rosenbrock, new double[] {-1.5, 1.5}, new double[] {-2, -2}, new double[] {0.5, 2}, 500, 1e-10);
        assertArrayEquals(new double[] {0.5, 0.25}, r.x(), 1e-4);
        BoundedLbfgs.Result free = BoundedLbfgs.minimize(rosenbrock, new double[] {-1.5, 1.5}, new double[] {-2, -2}, new double[] {2, 2}, 500, 1e-10);
        assertArrayEquals(new double[] {1, 1}, free.x(), 1e-4);
    }

    @Test
    void outputWarpingKeepsTheOrderAndTamesAHeavyTail() {
        double[] y = new double[60];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < y.length; i++) y[i] = Math.exp(6 * r.nextDouble()); // values spanning 2.6 decades
        OutputWarping w = OutputWarping.fit(y);
        assertTrue(w.lambda() < 1, "a right-skewed sample is compressed: lambda " + w.lambda());
        double[] sorted = y.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) assertTrue(w.apply(sorted[i]) > w.apply(sorted[i - 1]), "monotone");
        double max = w.apply(sorted[sorted.length - 1]);
        assertTrue(max < 3, "the largest value is no longer an outlier: " + max + " sd");
    }

    @Test
    void aBoundedScoreIsModelledByItsLogGapToPerfect() {
        // losses of maximised accuracies: -accuracy, perfect at -1; most classifiers near the top, a few collapsed
        double[] y = {-0.98, -0.97, -0.96, -0.95, -0.93, -0.90, -0.85, -0.40, -0.39, -0.10};
        OutputWarping gap = OutputWarping.fit(y, -1), plain = OutputWarping.fit(y);
        assertTrue(gap.logGap());
        assertFalse(plain.logGap());
        for (int i = 1; i < y.length; i++) assertTrue(gap.apply(y[i]) > gap.apply(y[i - 1]), "monotone at " + y[i]);
        // 2% against 3% error is a far larger step than 60% against 61% on the log-gap scale (about 45 times;
        // Yeo-Johnson alone makes it about 10), and a larger step than without the log gap (both standardised)
        double top = gap.apply(-0.97) - gap.apply(-0.98), bottom = gap.apply(-0.39) - gap.apply(-0.40);
        assertTrue(top > 20 * bottom, "top step " + top + " against " + bottom);
        double plainTop = plain.apply(-0.97) - plain.apply(-0.98);
        assertTrue(top > 2 * plainTop, "top step " + top + " against " + plainTop + " without the log gap");
        assertTrue(Double.isFinite(OutputWarping.fit(new double[] {-1, -0.9, -0.5}, -1).apply(-1)), "a perfect score stays finite");
        // a loss past the bound (a score reported in percent) turns the log-gap step off
        OutputWarping percent = OutputWarping.fit(new double[] {-98, -97, -60, -10}, -1);
        assertFalse(percent.logGap());
        assertTrue(percent.apply(-98) < percent.apply(-97));
    }
}
