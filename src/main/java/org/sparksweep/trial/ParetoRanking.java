package org.sparksweep.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Non-dominated sorting and crowding distance of points given as losses (every objective minimised;
 * a maximised objective is negated first, see {@link Goals#losses}). Rank 1 is the Pareto front: no
 * other point is at least as good in every objective and better in one. Identical points do not
 * dominate each other, so they share a rank and a crowding distance.
 * <p>
 * Points are visited in lexicographic order, so any point that dominates another comes before it
 * and each point is placed by comparing it with the fronts found so far (Zhang et al.'s efficient
 * non-dominated sort). With two objectives only the last point of each front needs checking and the
 * fronts are binary-searched: O(n log n). With more, each front is scanned: O(m n^2) at worst, far
 * less in practice. The leaderboard and NSGA-II both rank with this class.
 */
public final class ParetoRanking {
    private ParetoRanking() {}

    /** The Pareto rank of each point (1 = non-dominated). All points must have the same number of finite objectives. */
    public static int[] ranks(double[][] losses) {
        int n = losses.length;
        int[] rank = new int[n];
        if (n == 0) return rank;
        int m = losses[0].length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (losses[i].length != m) throw new IllegalArgumentException("point " + i + " has " + losses[i].length + " objectives, not " + m);
            order[i] = i;
        }
        Arrays.sort(order, lexicographic(losses));
        if (m == 1) {
            int r = 0;
            double last = Double.NaN;
            for (int idx : order) {
                if (r == 0 || losses[idx][0] != last) r++;
                last = losses[idx][0];
                rank[idx] = r;
            }
        } else if (m == 2) {
            List<Integer> lastOfFront = new ArrayList<>();
            for (int p : order) {
                int lo = 0, hi = lastOfFront.size(); // first front whose last point does not dominate p
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (dominates(losses[lastOfFront.get(mid)], losses[p])) lo = mid + 1;
                    else hi = mid;
                }
                if (lo == lastOfFront.size()) lastOfFront.add(p);
                else lastOfFront.set(lo, p);
                rank[p] = lo + 1;
            }
        } else {
            List<List<Integer>> fronts = new ArrayList<>();
            for (int p : order) {
                int k = 0;
                while (k < fronts.size() && dominatedByAny(fronts.get(k), losses, p)) k++;
                if (k == fronts.size()) fronts.add(new ArrayList<>());
                fronts.get(k).add(p);
                rank[p] = k + 1;
            }
        }
        return rank;
    }

    private static boolean dominatedByAny(List<Integer> front, double[][] losses, int p) {
        for (int i = front.size() - 1; i >= 0; i--) if (dominates(losses[front.get(i)], losses[p])) return true;
        return false;
    }

    /** True when a is no worse than b in every objective and better in at least one. */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) return false;
            if (a[i] < b[i]) better = true;
        }
        return better;
    }

    /**
     * Each point's crowding distance within its front (Deb et al.): the sum over objectives of the
     * normalised gap between its neighbours; a front's extreme points get infinity, and so does every
     * point of a front with at most two distinct points. Identical points get the same distance.
     */
    public static double[] crowding(double[][] losses, int[] ranks) {
        int n = losses.length;
        double[] distance = new double[n];
        Map<Integer, List<Integer>> byFront = new HashMap<>();
        for (int i = 0; i < n; i++) byFront.computeIfAbsent(ranks[i], k -> new ArrayList<>()).add(i);
        for (List<Integer> front : byFront.values()) crowdFront(losses, front, distance);
        return distance;
    }

    private static void crowdFront(double[][] losses, List<Integer> front, double[] distance) {
        // distinct points first, so duplicates neither shield each other nor get different distances
        Map<List<Double>, List<Integer>> same = new java.util.LinkedHashMap<>();
        for (int i : front) {
            List<Double> key = new ArrayList<>(losses[i].length);
            for (double v : losses[i]) key.add(v == 0.0 ? 0.0 : v); // -0.0 and 0.0 are one point
            same.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(same.values());
        int u = groups.size();
        double[] d = new double[u];
        if (u <= 2) {
            Arrays.fill(d, Double.POSITIVE_INFINITY);
        } else {
            int m = losses[front.get(0)].length;
            Integer[] order = new Integer[u];
            for (int j = 0; j < m; j++) {
                final int obj = j;
                for (int g = 0; g < u; g++) order[g] = g;
                Arrays.sort(order, Comparator.comparingDouble(g -> losses[groups.get(g).get(0)][obj]));
                double min = losses[groups.get(order[0]).get(0)][obj], max = losses[groups.get(order[u - 1]).get(0)][obj];
                d[order[0]] = Double.POSITIVE_INFINITY;
                d[order[u - 1]] = Double.POSITIVE_INFINITY;
                if (max == min) continue;
                for (int k = 1; k < u - 1; k++) {
                    double gap = losses[groups.get(order[k + 1]).get(0)][obj] - losses[groups.get(order[k - 1]).get(0)][obj];
                    d[order[k]] += gap / (max - min);
                }
            }
        }
        for (int g = 0; g < u; g++) for (int i : groups.get(g)) distance[i] = d[g];
    }

    private static Comparator<Integer> lexicographic(double[][] losses) {
        return (a, b) -> {
            double[] x = losses[a], y = losses[b];
            for (int i = 0; i < x.length; i++) {
                if (x[i] < y[i]) return -1; // not Double.compare: -0.0 and 0.0 are equal here, as in dominance
                if (x[i] > y[i]) return 1;
            }
            return Integer.compare(a, b);
        };
    }
}
