package org.sparksweep.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A mixture of truncated normals on [0, 1]: one wide "prior" component centred at 0.5 plus one
 * component per observation, each as wide as the larger gap to its neighbours (clipped), so dense
 * regions get narrow bumps and isolated points wide ones. This is the density TPE fits to the good
 * and to the bad observations of one numeric parameter.
 */
final class ParzenEstimator {
    static final double PRIOR_WEIGHT = 1.0;
    /** The most recent observations keep full weight; older ones fade linearly from 1/n. */
    static final int RECENT = 25;
    private final double[] mu;
    private final double[] sigma;
    private final double[] weight;
    private final double[] mass; // probability of each component's normal inside [0, 1]
    private final double totalWeight;

    /** @param observations values in [0, 1], oldest first; with more than 25, older ones weigh less */
    ParzenEstimator(double[] observations) {
        int n = observations.length;
        mu = new double[n + 1];
        sigma = new double[n + 1];
        weight = new double[n + 1];
        mass = new double[n + 1];
        // Each observation's bump is as wide as the larger gap to its neighbours among the observations
        // and the prior's centre (the outermost use their one inner gap), clipped to [1 / min(100, n + 1), 1].
        Integer[] order = new Integer[n + 1];
        double[] centre = new double[n + 1];
        for (int i = 0; i < n; i++) centre[i] = observations[i];
        centre[n] = 0.5;
        for (int i = 0; i <= n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(centre[a], centre[b]));
        double minSigma = 1.0 / Math.min(100, n + 1);
        for (int r = 0; r <= n; r++) {
            int i = order[r];
            double left = r == 0 ? 0 : centre[i] - centre[order[r - 1]];
            double right = r == n ? 0 : centre[order[r + 1]] - centre[i];
            mu[i] = centre[i];
            sigma[i] = Math.max(minSigma, Math.min(1.0, Math.max(left, right)));
        }
        sigma[n] = 1.0;
        int older = Math.max(0, n - RECENT);
        for (int i = 0; i < n; i++) {
            weight[i] = i >= older ? 1 : older == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (older - 1.0);
        }
        weight[n] = PRIOR_WEIGHT;
        double total = 0;
        for (int i = 0; i <= n; i++) {
            mass[i] = Normal.cdf((1 - mu[i]) / sigma[i]) - Normal.cdf((0 - mu[i]) / sigma[i]);
            total += weight[i];
        }
        totalWeight = total;
    }

    /** Log of the mixture's density at x in [0, 1]. */
    double logDensity(double x) {
        double p = 0;
        for (int i = 0; i < mu.length; i++) {
            double z = (x - mu[i]) / sigma[i];
            p += weight[i] * Math.exp(-0.5 * z * z) / (Normal.SQRT_2PI * sigma[i] * mass[i]);
        }
        return Math.log(p / totalWeight);
    }

    /** A draw from the mixture: pick a component by weight, then its normal truncated to [0, 1). */
    double sample(SplittableRandom random) {
        double r = random.nextDouble() * totalWeight;
        int c = 0;
        while (c < mu.length - 1 && (r -= weight[c]) >= 0) c++;
        for (int attempt = 0; attempt < 1000; attempt++) { // each component keeps >= 34% of its mass in [0, 1]
            double x = mu[c] + sigma[c] * Normal.gaussian(random);
            if (x >= 0 && x < 1) return x;
        }
        return Math.max(0, Math.min(Math.nextDown(1.0), mu[c]));
    }

    /** The few normal-distribution functions the estimator needs. */
    static final class Normal {
        static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

        private Normal() {}

        /** Standard normal CDF. */
        static double cdf(double z) {
            return 0.5 * erfc(-z / Math.sqrt(2));
        }

        /** Complementary error function, the Chebyshev fit given in Numerical Recipes (fractional error < 1.2e-7). */
        static double erfc(double x) {
            double z = Math.abs(x);
            double t = 1 / (1 + 0.5 * z);
            double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                    + t * (-0.82215223 + t * 0.17087277)))))))));
            return x >= 0 ? r : 2 - r;
        }

        /** A standard normal draw (Marsaglia's polar method). */
        static double gaussian(SplittableRandom random) {
            double u, v, s;
            do {
                u = 2 * random.nextDouble() - 1;
                v = 2 * random.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            return u * Math.sqrt(-2 * Math.log(s) / s);
        }
    }
}
