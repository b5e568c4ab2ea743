package org.sparksweep.search.gp;

/**
 * Log expected improvement for minimisation, computed without losing precision far from the
 * incumbent. With z = (best - mean) / sd, EI = sd * h(z) where h(z) = phi(z) + z Phi(z). For
 * z > -4, h is summed directly; below, h(z) = phi(z) * (1 - t R(t)) with t = -z and R the Mills
 * ratio, and writing R = 1 / (t + c) from its continued fraction turns 1 - t R into c R, a product
 * of positive terms, so log h stays exact where EI itself underflows (z far below -40). Far from
 * the incumbent plain EI is zero everywhere and gives an optimiser nothing to climb; log EI keeps
 * a slope that points back toward promising regions.
 */
final class LogExpectedImprovement {
    private LogExpectedImprovement() {}

    /** log h(z). */
    static double logH(double z) {
        if (z > -4) return Math.log(NormalMath.pdf(z) + z * NormalMath.cdf(z));
        double t = -z, c = NormalMath.millsTail(t);
        return NormalMath.logPdf(z) + Math.log(c) - Math.log(t + c);
    }

    /** d log h / dz = Phi(z) / h(z), also exact in the far tail (where it equals 1 / c). */
    static double dLogH(double z) {
        if (z > -4) return NormalMath.cdf(z) / (NormalMath.pdf(z) + z * NormalMath.cdf(z));
        return 1 / NormalMath.millsTail(-z);
    }

    /** log EI for a posterior with this mean and standard deviation, against the best (lowest) value so far. */
    static double logEi(double mean, double sd, double best) {
        return Math.log(sd) + logH((best - mean) / sd);
    }
}
