package org.sparksweep.search.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A Gaussian process conditioned on observations: the posterior mean and standard deviation of the
 * latent function (observation noise excluded) at any point, with their gradients in the
 * continuous dimensions for gradient-based search. Conditioning costs one Cholesky factorisation;
 * a prediction costs O(n d) for the mean and one triangular solve, O(n^2), for the variance.
 */
final class GaussianProcess {
    private final double[][] x;
    private final boolean[] categorical;
    private final Kernel kernel;
    private final DMatrixRMaj lower;
    private final double[] alpha;

    private GaussianProcess(double[][] x, boolean[] categorical, Kernel kernel, DMatrixRMaj lower, double[] alpha) {
        this.x = x;
        this.categorical = categorical;
        this.kernel = kernel;
        this.lower = lower;
        this.alpha = alpha;
    }

    /** The posterior given observations y at points x; a little jitter is added when the kernel matrix is numerically singular. */
    static GaussianProcess condition(double[][] x, double[] y, boolean[] categorical, Kernel kernel) {
        int n = x.length;
        DMatrixRMaj l = factor(covarianceMatrix(x, categorical, kernel));
        if (l == null) throw new IllegalStateException("the kernel matrix is not positive definite even with jitter");
        double[] alpha = y.clone();
        TriangularSolver_DDRM.solveL(l.data, alpha, n);
        TriangularSolver_DDRM.solveTranL(l.data, alpha, n);
        return new GaussianProcess(x, categorical, kernel, l, alpha);
    }

    /** K = k(x, x) + noise I. */
    static DMatrixRMaj covarianceMatrix(double[][] x, boolean[] categorical, Kernel kernel) {
        int n = x.length;
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int a = 0; a < n; a++) {
            k.unsafe_set(a, a, kernel.signalVariance() + kernel.noiseVariance());
            for (int b = 0; b < a; b++) {
                double v = kernel.covariance(kernel.squaredDistance(x[a], x[b], categorical));
                k.unsafe_set(a, b, v);
                k.unsafe_set(b, a, v);
            }
        }
        return k;
    }

    /** The lower Cholesky factor of k, adding jitter from 1e-9 to 1e-3 of the diagonal as needed; null when even that fails. */
    static DMatrixRMaj factor(DMatrixRMaj k) {
        int n = k.numRows;
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, k.unsafe_get(i, i));
        for (double jitter = 1e-9; jitter <= 1e-3; jitter *= 10) {
            DMatrixRMaj copy = k.copy();
            for (int i = 0; i < n; i++) copy.unsafe_set(i, i, copy.unsafe_get(i, i) + jitter * scale);
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
            if (chol.decompose(copy)) {
                DMatrixRMaj l = chol.getT(null);
                boolean finite = true;
                for (int i = 0; i < n && finite; i++) finite = l.unsafe_get(i, i) > 0 && Double.isFinite(l.unsafe_get(i, i));
                if (finite) return l;
            }
        }
        return null;
    }

    int size() {
        return x.length;
    }

    Kernel kernel() {
        return kernel;
    }

    /** Posterior mean and standard deviation at a point. */
    double[] predict(double[] point) {
        return predict(point, null, null);
    }

    /**
     * Posterior mean and standard deviation at a point; when the gradient arrays are given, also
     * d mean / d x_j and d sd / d x_j for the continuous dimensions (0 for categorical ones).
     */
    double[] predict(double[] point, double[] meanGradient, double[] sdGradient) {
        int n = x.length, d = point.length;
        double[] k = new double[n];
        double[] slope = meanGradient == null ? null : new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double r2 = kernel.squaredDistance(point, x[i], categorical);
            k[i] = kernel.covariance(r2);
            if (slope != null) slope[i] = kernel.covarianceSlope(r2);
            mean += k[i] * alpha[i];
        }
        double[] v = k.clone();
        TriangularSolver_DDRM.solveL(lower.data, v, n);
        double variance = kernel.signalVariance() - BoundedLbfgs.dot(v, v);
        double floor = 1e-12 * kernel.signalVariance();
        double sd = Math.sqrt(Math.max(variance, floor));
        if (meanGradient != null) {
            double[] w = v; // K^-1 k, reusing v
            TriangularSolver_DDRM.solveTranL(lower.data, w, n);
            double[] rho = kernel.inverseSquaredLengthScales();
            for (int j = 0; j < d; j++) {
                if (categorical[j]) {
                    meanGradient[j] = 0;
                    sdGradient[j] = 0;
                    continue;
                }
                double dm = 0, dv = 0;
                for (int i = 0; i < n; i++) {
                    double dk = slope[i] * 2 * rho[j] * (point[j] - x[i][j]);
                    dm += dk * alpha[i];
                    dv -= 2 * dk * w[i];
                }
                meanGradient[j] = dm;
                sdGradient[j] = variance > floor ? dv / (2 * sd) : 0;
            }
        }
        return new double[] {mean, sd};
    }
}
