package org.sparksweep.search.gp;

/**
 * The standard normal functions that log expected improvement and TPE's Parzen estimator need, accurate to near double
 * precision far into the tails: a log-density, a CDF from an all-positive series (no cancellation
 * for moderate arguments) and, for the far left tail, the Mills ratio as a continued fraction, so
 * that logarithms never go through a value that underflowed.
 */
public final class NormalMath {
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private NormalMath() {}

    public static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    static double pdf(double z) {
        return Math.exp(logPdf(z));
    }

    /** Standard normal CDF, with relative error near 1e-14 down to z = -37 (below it the value underflows). */
    public static double cdf(double z) {
        if (z < -3) return pdf(z) * millsRatio(-z);
        return 0.5 * erfc(-z / SQRT2);
    }

    /** Log of the standard normal CDF, without underflow far into the left tail. */
    public static double logCdf(double z) {
        if (z < -3) return logPdf(z) - Math.log(z * z) / 2 - Math.log1p(millsTail(-z) / -z);
        return Math.log(cdf(z));
    }

    /**
     * Log of the standard normal's probability of [a, b], a &lt;= b, to near double precision also when
     * the interval lies far in a tail (worked on the left side, where the CDF has no cancellation).
     */
    public static double logMass(double a, double b) {
        if (b <= 0) {
            double la = logCdf(a), lb = logCdf(b);
            return lb + Math.log1p(-Math.exp(la - lb));
        }
        if (a > 0) return logMass(-b, -a);
        return Math.log1p(-cdf(a) - cdf(-b));
    }

    /** Complementary error function: 1 - erf from an all-positive series up to x = 2.2, the Mills ratio beyond. */
    static double erfc(double x) {
        if (x < 0) return 2 - erfc(-x);
        if (x > 2.2) return Math.sqrt(2 / Math.PI) * Math.exp(-x * x) * millsRatio(x * SQRT2);
        // erf(x) = 2 / sqrt(pi) * exp(-x^2) * sum_n 2^n x^(2n+1) / (1 * 3 * ... * (2n+1))
        double term = x, sum = x, x2 = 2 * x * x;
        for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
            term *= x2 / (2 * n + 1);
            sum += term;
        }
        return 1 - TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
    }

    /**
     * The Mills ratio R(t) = (1 - Phi(t)) / phi(t) for t >= 3, from Laplace's continued fraction
     * 1 / (t + 1 / (t + 2 / (t + 3 / ...))) evaluated backwards.
     */
    static double millsRatio(double t) {
        return 1 / (t + millsTail(t));
    }

    /** The tail 1 / (t + 2 / (t + 3 / ...)) of the continued fraction: c in R = 1 / (t + c). */
    static double millsTail(double t) {
        double tail = 0;
        int terms = t > 10 ? 40 : t > 5 ? 90 : 200;
        for (int k = terms; k >= 1; k--) tail = k / (t + tail);
        return tail;
    }
}
