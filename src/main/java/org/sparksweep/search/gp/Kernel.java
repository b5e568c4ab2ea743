package org.sparksweep.search.gp;

/**
 * A Matérn-5/2 kernel with one length scale per dimension (automatic relevance determination).
 * Continuous dimensions add rho_j (x_j - y_j)^2 to the squared distance; categorical dimensions add
 * rho_j when the two categories differ (a weighted Hamming distance), so each category is equally
 * far from every other and the model learns how much the choice matters. Both are squared
 * Euclidean distances of an embedding, so the kernel stays positive definite.
 *
 * @param inverseSquaredLengthScales rho_j = 1 / l_j^2 per dimension
 * @param signalVariance             the prior variance of the function
 * @param noiseVariance              the variance of observation noise
 */
record Kernel(double[] inverseSquaredLengthScales, double signalVariance, double noiseVariance) {
    static final double SQRT5 = Math.sqrt(5);

    double squaredDistance(double[] a, double[] b, boolean[] categorical) {
        double r2 = 0;
        for (int j = 0; j < a.length; j++) {
            double d = categorical[j] ? (a[j] == b[j] ? 0 : 1) : a[j] - b[j];
            r2 += inverseSquaredLengthScales[j] * d * d;
        }
        return r2;
    }

    /** The covariance at squared distance r2 (without noise). */
    double covariance(double r2) {
        double r = Math.sqrt(r2);
        return signalVariance * (1 + SQRT5 * r + 5.0 / 3 * r2) * Math.exp(-SQRT5 * r);
    }

    /**
     * d covariance / d r2 = -signal * 5/6 * (1 + sqrt5 r) exp(-sqrt5 r): finite at r = 0, so
     * gradients need no special case where points coincide.
     */
    double covarianceSlope(double r2) {
        double r = Math.sqrt(r2);
        return -signalVariance * 5.0 / 6 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }
}
