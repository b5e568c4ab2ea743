package org.sparksweep.trial;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The area a set of two-objective points (both minimised) dominates up to a reference point: the
 * usual single number for how good a Pareto front is (larger is better), used to compare
 * multi-objective search strategies.
 */
public final class Hypervolume {
    private Hypervolume() {}

    /** Points beyond the reference in either objective add nothing. */
    public static double of2d(List<double[]> points, double reference1, double reference2) {
        double[][] inside = points.stream().filter(p -> p[0] < reference1 && p[1] < reference2).toArray(double[][]::new);
        Arrays.sort(inside, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double area = 0, lowest = reference2;
        for (double[] p : inside) {
            if (p[1] >= lowest) continue; // dominated by a point with smaller f1
            area += (reference1 - p[0]) * (lowest - p[1]);
            lowest = p[1];
        }
        return area;
    }
}
