package org.sparksweep.search.gp;

/**
 * Makes observed losses look Gaussian before the model sees them: standardise, apply the
 * Yeo-Johnson power transform whose exponent maximises the normal likelihood of the result, and
 * standardise again. A loss whose bad values span decades (a diverging learning rate, an error that
 * explodes at the edge of the box) would otherwise pull the fitted length scales and signal variance
 * toward its few extreme points; the transform compresses that tail and spreads the values near the
 * optimum, where the search needs resolution. It is monotone, so the order of losses, and with it
 * which one is best, is kept.
 */
final class OutputWarping {
    private static final double MIN_LAMBDA = -2, MAX_LAMBDA = 3;
    private final double mean, scale, lambda, warpedMean, warpedScale;

    private OutputWarping(double mean, double scale, double lambda, double warpedMean, double warpedScale) {
        this.mean = mean;
        this.scale = scale;
        this.lambda = lambda;
        this.warpedMean = warpedMean;
        this.warpedScale = warpedScale;
    }

    static OutputWarping fit(double[] y) {
        int n = y.length;
        double m = mean(y), s = sd(y, m);
        if (!(s > 0)) s = 1;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = (y[i] - m) / s;
        double lambda = n < 4 ? 1 : bestLambda(z);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = yeoJohnson(z[i], lambda);
        double wm = mean(w), ws = sd(w, wm);
        return new OutputWarping(m, s, lambda, wm, ws > 0 ? ws : 1);
    }

    double apply(double y) {
        return (yeoJohnson((y - mean) / scale, lambda) - warpedMean) / warpedScale;
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
