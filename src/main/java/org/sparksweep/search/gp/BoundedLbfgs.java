package org.sparksweep.search.gp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimises a smooth function inside a box with a projected limited-memory BFGS: the quasi-Newton
 * direction from the last few steps, with coordinates held at a bound when the direction pushes
 * out of the box, a projected backtracking (Armijo) line search, and a stop when the projected
 * gradient or the improvement becomes negligible. Used both to fit the model's hyperparameters
 * and to refine the acquisition function's best candidates.
 */
final class BoundedLbfgs {
    /** A function value and its gradient at a point. */
    interface Objective {
        /** Returns f(x) and writes the gradient into {@code gradient}; may return +infinity where f is undefined. */
        double evaluate(double[] x, double[] gradient);
    }

    /** Where the search ended and how many function evaluations it took. */
    record Result(double[] x, double value, int evaluations) {}

    private static final int MEMORY = 8;

    private BoundedLbfgs() {}

    static Result minimize(Objective f, double[] start, double[] lower, double[] upper, int maxIterations, double tolerance) {
        int d = start.length;
        double[] x = start.clone();
        clamp(x, lower, upper);
        double[] g = new double[d];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) return new Result(x, fx, evaluations);
        Deque<double[][]> memory = new ArrayDeque<>();
        double[] xNew = new double[d], gNew = new double[d], dir = new double[d];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (projectedGradientNorm(x, g, lower, upper) < tolerance) break;
            direction(g, memory, dir);
            holdAtBounds(x, dir, lower, upper);
            double slope = dot(g, dir);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                memory.clear();
                for (int i = 0; i < d; i++) dir[i] = -g[i];
                holdAtBounds(x, dir, lower, upper);
                slope = dot(g, dir);
                if (slope >= 0) break;
            }
            double step = memory.isEmpty() ? Math.min(1, 1 / Math.sqrt(dot(dir, dir))) : 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int tries = 0; tries < 30; tries++) {
                for (int i = 0; i < d; i++) xNew[i] = x[i] + step * dir[i];
                clamp(xNew, lower, upper);
                fNew = f.evaluate(xNew, gNew);
                evaluations++;
                double moved = 0;
                for (int i = 0; i < d; i++) moved += g[i] * (xNew[i] - x[i]);
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * moved) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) break;
            double[] s = new double[d], y = new double[d];
            for (int i = 0; i < d; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            if (dot(s, y) > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                memory.addLast(new double[][] {s, y});
                if (memory.size() > MEMORY) memory.removeFirst();
            }
            double improvement = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, d);
            System.arraycopy(gNew, 0, g, 0, d);
            fx = fNew;
            if (improvement <= tolerance * 1e-3 * Math.max(1, Math.abs(fx))) break;
        }
        return new Result(x, fx, evaluations);
    }

    /** The two-loop recursion: dir = -H g with H the inverse Hessian estimate from the remembered steps. */
    private static void direction(double[] g, Deque<double[][]> memory, double[] dir) {
        int d = g.length;
        for (int i = 0; i < d; i++) dir[i] = -g[i];
        if (memory.isEmpty()) return;
        double[] alpha = new double[memory.size()];
        int k = memory.size() - 1;
        for (var it = memory.descendingIterator(); it.hasNext(); k--) {
            double[][] sy = it.next();
            alpha[k] = dot(sy[0], dir) / dot(sy[1], sy[0]);
            for (int i = 0; i < d; i++) dir[i] -= alpha[k] * sy[1][i];
        }
        double[][] last = memory.getLast();
        double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
        for (int i = 0; i < d; i++) dir[i] *= gamma;
        k = 0;
        for (double[][] sy : memory) {
            double beta = dot(sy[1], dir) / dot(sy[1], sy[0]);
            for (int i = 0; i < d; i++) dir[i] += (alpha[k] - beta) * sy[0][i];
            k++;
        }
    }

    private static void holdAtBounds(double[] x, double[] dir, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            if ((x[i] <= lower[i] && dir[i] < 0) || (x[i] >= upper[i] && dir[i] > 0)) dir[i] = 0;
        }
    }

    private static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            double moved = Math.max(lower[i], Math.min(upper[i], x[i] - g[i])) - x[i];
            max = Math.max(max, Math.abs(moved));
        }
        return max;
    }

    private static void clamp(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) x[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
