package org.sparksweep.trainer.function;

import java.util.Arrays;
import java.util.List;

/** Test functions with known minima (see e.g. Surjanovic &amp; Bingham's Virtual Library of Simulation Experiments). */
public enum TestFunction {
    /** 2-D, three global minima of 0.397887 (e.g. at (pi, 2.275)); usual domain x1 in [-5, 10], x2 in [0, 15]. */
    BRANIN(2) {
        double evaluate(double[] x) {
            double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
            double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
        }
    },
    /**
     * 6-D Hartmann function on [0, 1]^6, six local minima; global minimum -3.32237 at
     * (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573).
     */
    HARTMANN6(6) {
        private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
        private static final double[][] A = {
                {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
        private static final double[][] P = {
                {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
                {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

        double evaluate(double[] x) {
            double f = 0;
            for (int i = 0; i < 4; i++) {
                double e = 0;
                for (int j = 0; j < 6; j++) e += A[i][j] * (x[j] - P[i][j]) * (x[j] - P[i][j]);
                f -= ALPHA[i] * Math.exp(-e);
            }
            return f;
        }
    },
    /** Minimum 0 at (1, ..., 1). */
    ROSENBROCK(0) {
        double evaluate(double[] x) {
            double s = 0;
            for (int i = 0; i + 1 < x.length; i++) {
                double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
                s += 100 * a * a + b * b;
            }
            return s;
        }
    },
    /** Minimum 0 at the origin; many local minima. */
    ACKLEY(0) {
        double evaluate(double[] x) {
            double sq = 0, cos = 0;
            for (double v : x) {
                sq += v * v;
                cos += Math.cos(2 * Math.PI * v);
            }
            int n = x.length;
            return -20 * Math.exp(-0.2 * Math.sqrt(sq / n)) - Math.exp(cos / n) + 20 + Math.E;
        }
    },
    /**
     * Levy function: minimum 0 at (1, ..., 1); usual domain [-10, 10]^d. With w = 1 + (x - 1)/4:
     * sin^2(pi w1) + sum_{i<d} (wi - 1)^2 (1 + 10 sin^2(pi wi + 1)) + (wd - 1)^2 (1 + sin^2(2 pi wd)).
     */
    LEVY(0) {
        double evaluate(double[] x) {
            int d = x.length;
            double w1 = 1 + (x[0] - 1) / 4, wd = 1 + (x[d - 1] - 1) / 4;
            double s = Math.pow(Math.sin(Math.PI * w1), 2);
            for (int i = 0; i + 1 < d; i++) {
                double w = 1 + (x[i] - 1) / 4;
                s += (w - 1) * (w - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w + 1), 2));
            }
            return s + (wd - 1) * (wd - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * wd), 2));
        }
    },
    /**
     * Styblinski-Tang function 0.5 sum(xi^4 - 16 xi^2 + 5 xi), usual domain [-5, 5]^d: separable, its
     * minimum d * {@link #STYBLINSKI_TANG_1D} at xi = {@link #STYBLINSKI_TANG_ARGMIN} (the smaller root of
     * 4x^3 - 32x + 5 = 0), a local minimum near 2.747 in each coordinate too.
     */
    STYBLINSKI_TANG(0) {
        double evaluate(double[] x) {
            double s = 0;
            for (double v : x) s += v * v * v * v - 16 * v * v + 5 * v;
            return s / 2;
        }
    },
    /** Minimum 0 at the origin; many regularly spaced local minima. */
    RASTRIGIN(0) {
        double evaluate(double[] x) {
            double s = 10 * x.length;
            for (double v : x) s += v * v - 10 * Math.cos(2 * Math.PI * v);
            return s;
        }
    },
    /** Minimum 0 at the origin. */
    SPHERE(0) {
        double evaluate(double[] x) {
            double s = 0;
            for (double v : x) s += v * v;
            return s;
        }
    },
    /**
     * Zitzler-Deb-Thiele 1, two objectives f1, f2 to minimise on [0, 1]^n: a convex Pareto front
     * f2 = 1 - sqrt(f1), reached where x2..xn = 0. {@code value} is f1.
     */
    ZDT1(0) {
        double[] objectives(double[] x) {
            double g = zdtG(x), f1 = x[0];
            return new double[] {f1, g * (1 - Math.sqrt(f1 / g))};
        }
    },
    /** Zitzler-Deb-Thiele 2: as ZDT1 with a non-convex front f2 = 1 - f1^2. */
    ZDT2(0) {
        double[] objectives(double[] x) {
            double g = zdtG(x), f1 = x[0];
            return new double[] {f1, g * (1 - (f1 / g) * (f1 / g))};
        }
    };

    /** Where each coordinate of Styblinski-Tang is smallest: the root of 4x^3 - 32x + 5 near -2.9035. */
    public static final double STYBLINSKI_TANG_ARGMIN = styblinskiTangArgmin();
    /** Styblinski-Tang's minimum per dimension, 0.5 (x^4 - 16 x^2 + 5 x) at that root (about -39.16617). */
    public static final double STYBLINSKI_TANG_1D = styblinskiTang1d(STYBLINSKI_TANG_ARGMIN);

    private static double styblinskiTangArgmin() {
        double x = -2.9; // Newton on the derivative 2x^3 - 16x + 2.5, from a start in the global basin
        for (int i = 0; i < 50; i++) x -= (2 * x * x * x - 16 * x + 2.5) / (6 * x * x - 16);
        return x;
    }

    private static double styblinskiTang1d(double x) {
        return (x * x * x * x - 16 * x * x + 5 * x) / 2;
    }

    /** The ZDT functions' distance term g = 1 + 9 * mean(x2..xn). */
    private static double zdtG(double[] x) {
        if (x.length < 2) throw new IllegalArgumentException("ZDT functions need at least 2 dimensions, got " + x.length);
        double s = 0;
        for (int i = 1; i < x.length; i++) s += x[i];
        return 1 + 9 * s / (x.length - 1);
    }

    private final int fixedDimensions;

    TestFunction(int fixedDimensions) {
        this.fixedDimensions = fixedDimensions;
    }

    /** The number of inputs, or 0 when any number works. */
    public int fixedDimensions() {
        return fixedDimensions;
    }

    /** The single value; for a function with several objectives, the first. */
    double evaluate(double[] x) {
        return objectives(x)[0];
    }

    /** Every objective, to minimise; one for most functions, f1 and f2 for the ZDT functions. */
    double[] objectives(double[] x) {
        return new double[] {evaluate(x)};
    }

    /** How many objectives {@link #objectives(double...)} gives. */
    public int objectiveCount() {
        return this == ZDT1 || this == ZDT2 ? 2 : 1;
    }

    public double[] objectivesAt(double... x) {
        return objectives(x);
    }

    public double value(double... x) {
        return evaluate(x);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static List<Object> names() {
        return Arrays.stream(values()).map(f -> (Object) f.label()).toList();
    }

    public static TestFunction named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
