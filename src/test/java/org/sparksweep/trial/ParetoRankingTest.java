package org.sparksweep.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pareto ranks against a brute-force definition on random point sets with many ties; crowding distance by hand. */
class ParetoRankingTest {

    /** Front k = the points no remaining point dominates, peeled off one front at a time (O(n^3), obviously right). */
    static int[] bruteForce(double[][] p) {
        int n = p.length;
        int[] rank = new int[n];
        int assigned = 0;
        for (int front = 1; assigned < n; front++) {
            int[] now = new int[n];
            for (int i = 0; i < n; i++) {
                if (rank[i] != 0) continue;
                int dominatedBy = 0;
                for (int j = 0; j < n; j++) if (rank[j] == 0 && j != i && ParetoRanking.dominates(p[j], p[i])) dominatedBy++;
                if (dominatedBy == 0) now[i] = front;
            }
            for (int i = 0; i < n; i++) {
                if (now[i] != 0) {
                    rank[i] = now[i];
                    assigned++;
                }
            }
        }
        return rank;
    }

    @Test
    void ranksMatchBruteForceOnRandomPointsWithTies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 400; trial++) {
            int m = 1 + trial % 4, n = 1 + random.nextInt(60), levels = 1 + random.nextInt(6); // few levels: many ties and duplicates
            double[][] p = new double[n][m];
            for (double[] row : p) for (int j = 0; j < m; j++) row[j] = trial % 3 == 0 ? random.nextDouble() : random.nextInt(levels);
            assertArrayEquals(bruteForce(p), ParetoRanking.ranks(p), "set " + trial + " (" + n + " points, " + m + " objectives): " + Arrays.deepToString(p));
        }
    }

    @Test
    void negativeZeroIsZero() {
        double[][] p = {{-0.0, 1}, {0.0, 0}};
        assertArrayEquals(new int[] {2, 1}, ParetoRanking.ranks(p), "(0, 0) dominates (-0, 1): -0 = 0 and 0 < 1");
        double[][] q = {{0.0, 1}, {-0.0, 0}};
        assertArrayEquals(new int[] {2, 1}, ParetoRanking.ranks(q));
    }

    @Test
    void crowdingGivesEndsInfinityAndDuplicatesOneDistance() {
        // one front of 4 distinct points (and a duplicate of the second), two objectives
        double[][] p = {{0, 4}, {1, 2}, {1, 2}, {2, 1}, {4, 0}};
        int[] ranks = ParetoRanking.ranks(p);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, ranks);
        double[] d = ParetoRanking.crowding(p, ranks);
        assertEquals(Double.POSITIVE_INFINITY, d[0]);
        assertEquals(Double.POSITIVE_INFINITY, d[4]);
        assertEquals((2 - 0) / 4.0 + (4 - 1) / 4.0, d[1], 1e-12);
        assertEquals(d[1], d[2], "identical points share a distance");
        assertEquals((4 - 1) / 4.0 + (2 - 0) / 4.0, d[3], 1e-12);
        double[][] two = {{0, 1}, {1, 0}, {1, 0}};
        assertTrue(Arrays.stream(ParetoRanking.crowding(two, ParetoRanking.ranks(two))).allMatch(x -> x == Double.POSITIVE_INFINITY));
    }

    @Test
    void maximisedObjectivesAreNegatedBeforeRanking() {
        Goals goals = new Goals(java.util.List.of(new org.sparksweep.trial.Objective("accuracy", org.sparksweep.trial.Direction.MAXIMIZE),
                new org.sparksweep.trial.Objective("param_count", org.sparksweep.trial.Direction.MINIMIZE)), null, java.util.List.of());
        double[][] p = {goals.losses(new double[] {0.9, 100}), goals.losses(new double[] {0.8, 100}), goals.losses(new double[] {0.8, 50})};
        assertArrayEquals(new int[] {1, 2, 1}, ParetoRanking.ranks(p), "higher accuracy at equal size dominates; smaller size at lower accuracy does not");
    }
}
