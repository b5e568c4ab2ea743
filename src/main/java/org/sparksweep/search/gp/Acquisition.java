package org.sparksweep.search.gp;

/**
 * What the {@code gp} strategy maximises: log expected improvement of the objective model over the
 * best feasible loss, plus, when some trials broke a constraint, the log probability that the point
 * is feasible under a second model fitted to feasible (+1) and infeasible (-1) labels — constrained
 * expected improvement (Gardner et al., 2014) in log form. With no feasible trial yet, only the
 * probability of feasibility counts.
 */
final class Acquisition {
    private final GaussianProcess objective;
    private final double best;
    private final GaussianProcess feasibility;

    /**
     * @param objective   the model of the (warped) loss, or null when no trial has a loss yet
     * @param best        the lowest warped loss of a feasible trial; NaN when there is none
     * @param feasibility the feasibility model, or null when every trial kept the constraints
     */
    Acquisition(GaussianProcess objective, double best, GaussianProcess feasibility) {
        this.objective = objective;
        this.best = best;
        this.feasibility = feasibility;
    }

    boolean informative() {
        return (objective != null && !Double.isNaN(best)) || feasibility != null;
    }

    double value(double[] u) {
        return value(u, null);
    }

    /** The acquisition at u; when {@code gradient} is given, also its gradient in the continuous dimensions. */
    double value(double[] u, double[] gradient) {
        int d = u.length;
        double[] dm = gradient == null ? null : new double[d], ds = gradient == null ? null : new double[d];
        if (gradient != null) java.util.Arrays.fill(gradient, 0);
        double v = 0;
        if (objective != null && !Double.isNaN(best)) {
            double[] p = objective.predict(u, dm, ds);
            double mean = p[0], sd = p[1], z = (best - mean) / sd;
            v += Math.log(sd) + LogExpectedImprovement.logH(z);
            if (gradient != null) {
                double slope = LogExpectedImprovement.dLogH(z);
                for (int j = 0; j < d; j++) gradient[j] += ds[j] / sd + slope * (-dm[j] / sd - z * ds[j] / sd);
            }
        }
        if (feasibility != null) {
            double[] p = feasibility.predict(u, dm, ds);
            double sd = p[1], w = p[0] / sd;
            v += logCdf(w);
            if (gradient != null) {
                double ratio = w < -3 ? 1 / NormalMath.millsRatio(-w) : NormalMath.pdf(w) / NormalMath.cdf(w);
                for (int j = 0; j < d; j++) gradient[j] += ratio * (dm[j] / sd - w * ds[j] / sd);
            }
        }
        return v;
    }

    private static double logCdf(double w) {
        return w < -3 ? NormalMath.logPdf(w) + Math.log(NormalMath.millsRatio(-w)) : Math.log(NormalMath.cdf(w));
    }
}
