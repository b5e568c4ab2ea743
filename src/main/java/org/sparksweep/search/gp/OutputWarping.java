package org.sparksweep.search.gp;

import java.util.Arrays;

/**
 * Makes observed losses look Gaussian before the model sees them: standardise, apply the
 * Yeo-Johnson power transform whose exponent maximises the normal likelihood of the result, and
 * standardise again. A loss whose bad values span decades (a diverging learning rate, an error that
 * explodes at the edge of the box) would otherwise pull the fitted length scales and signal variance
 * toward its few extreme points; the transform compresses that tail and spreads the values near the
 * optimum, where the search needs resolution. It is monotone, so the order of losses, and with it
 * which one is best, is kept.
 * <p>
 * When the objective has a perfect value that every loss respects (an accuracy or F1 score cannot
 * pass 1), the first step takes each loss's gap to it on a log scale: log(gap + c), with c half the
 * smallest positive gap seen (so a perfect score is finite and the offset follows the scale of the
 * metric). Standardising alone forgets where perfect lies: a classifier at 2% error against one at 3%
 * is then the same small step as one at 60% against 61%, while on the log scale it is as large as
 * 20% against 30%, and the model resolves the region where the best trials are. Should a loss lie
 * beyond the perfect value (a trainer reporting accuracy in percent), that step is left out.
 */
final class OutputWarping {
    private static final double MIN_LAMBDA = -2, MAX_LAMBDA = 3;
    private final double perfect, offset, mean, scale, lambda, warpedMean, warpedScale;

    private OutputWarping(double perfect, double offset, double mean, double scale, double lambda, double warpedMean, double warpedScale) {
        this.perfect = perfect;
        this.offset = offset;
        this.mean = mean;
        this.scale = scale;
        this.lambda = lambda;
        this.warpedMean = warpedMean;
        this.warpedScale = warpedScale;
    }

    static OutputWarping fit(double[] y) {
        return fit(y, Double.NaN);
    }

    /** @param perfect the loss no result can beat, NaN when there is none */
    static OutputWarping fit(double[] y, double perfect) {
        int n = y.length;
        double offset = Double.NaN;
        if (!Double.isNaN(perfect) && Arrays.stream(y).allMatch(v -> v >= perfect)) {
            offset = Double.POSITIVE_INFINITY;
            for (double v : y) if (v > perfect) offset = Math.min(offset, (v - perfect) / 2);
            if (offset == Double.POSITIVE_INFINITY) offset = 1;
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = gap(y[i], perfect, offset);
        double m = mean(g), s = sd(g, m);
        if (!(s > 0)) s = 1;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = (g[i] - m) / s;
        double lambda = n < 4 ? 1 : bestLambda(z);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = yeoJohnson(z[i], lambda);
        double wm = mean(w), ws = sd(w, wm);
        return new OutputWarping(perfect, offset, m, s, lambda, wm, ws > 0 ? ws : 1);
    }

    /** The loss on the log-gap scale when the offset is set, else itself. */
    private static double gap(double y, double perfect, double offset) {
        return Double.isNaN(offset) ? y : Math.log(Math.max(0, y - perfect) + offset);
    }

    double apply(double y) {
        return (yeoJohnson((gap(y, perfect, offset) - mean) / scale, lambda) - warpedMean) / warpedScale;
    }

    /** True when losses are modelled by their log gap to the perfect value. */
    boolean logGap() {
        return !Double.isNaN(offset);
    }

    double lambda() {
        return lambda;
    }

    /** Golden-section search of the profile log-likelihood over the exponent. */
    private static double bestLambda(double[] z) {
        double a = MIN_LAMBDA, b = MAX_LAMBDA, ratio = (Math.sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a), d = a + ratio * (b - a);
        double fc = logLikelihood(z, c), fd = logLikelihood(z, d);
        for (int i = 0; i < 60 && b - a > 1e-4; i++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = logLikelihood(z, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = logLikelihood(z, d);
            }
        }
        double best = (a + b) / 2;
        return logLikelihood(z, best) >= logLikelihood(z, 1) ? best : 1;
    }

    /** Normal log-likelihood of the transformed values, with the transform's log-Jacobian. */
    private static double logLikelihood(double[] z, double lambda) {
        int n = z.length;
        double[] w = new double[n];
        double jacobian = 0;
        for (int i = 0; i < n; i++) {
            w[i] = yeoJohnson(z[i], lambda);
            jacobian += Math.signum(z[i]) * Math.log1p(Math.abs(z[i]));
        }
        double m = mean(w), s = sd(w, m);
        if (!(s > 0) || !Double.isFinite(s)) return Double.NEGATIVE_INFINITY;
        return -n * Math.log(s) + (lambda - 1) * jacobian;
    }

    static double yeoJohnson(double z, double lambda) {
        if (z >= 0) return Math.abs(lambda) < 1e-9 ? Math.log1p(z) : (Math.pow(z + 1, lambda) - 1) / lambda;
        return Math.abs(lambda - 2) < 1e-9 ? -Math.log1p(-z) : -(Math.pow(1 - z, 2 - lambda) - 1) / (2 - lambda);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double sd(double[] v, double m) {
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }
}
