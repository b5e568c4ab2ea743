package org.sparksweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The benchmark's statistics: the bootstrap interval, the log regret, win rates with ties and the sign test. */
class SearchStatsTest {

    private static double[] lognormal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = r.nextDouble(), u2 = r.nextDouble();
            v[i] = Math.exp(Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2, SearchStats.median(new double[] {3, 1, 2}));
        assertEquals(2.5, SearchStats.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void bootstrapIntervalContainsTheMedianAndIsReproducible() {
        for (long seed = 0; seed < 20; seed++) {
            double[] v = lognormal(25, seed);
            SearchStats.Interval ci = SearchStats.bootstrapMedian(v, 0.95);
            assertTrue(ci.contains(SearchStats.median(v)), ci + " must contain the median " + SearchStats.median(v));
            assertTrue(ci.lower() >= min(v) && ci.upper() <= max(v), "inside the data's range");
            assertEquals(ci, SearchStats.bootstrapMedian(v, 0.95), "fixed seed: the same values give the same interval");
        }
    }

    @Test
    void bootstrapIntervalNarrowsWithMoreSeeds() {
        double[] widths = new double[3];
        int[] sizes = {20, 80, 320};
        for (int k = 0; k < sizes.length; k++) {
            double w = 0;
            for (long rep = 0; rep < 10; rep++) w += SearchStats.bootstrapMedian(lognormal(sizes[k], 100 + rep), 0.95).width();
            widths[k] = w / 10;
        }
        // the width shrinks like 1/sqrt(n): a quarter of the seeds' count, about half the width
        assertTrue(widths[1] < 0.75 * widths[0] && widths[2] < 0.75 * widths[1], java.util.Arrays.toString(widths));
        assertTrue(SearchStats.bootstrapMedian(lognormal(50, 1), 0.5).width() < SearchStats.bootstrapMedian(lognormal(50, 1), 0.95).width());
    }

    @Test
    void bootstrapOfTheMeanContainsTheMean() {
        double[] v = lognormal(30, 7);
        assertTrue(SearchStats.bootstrapMean(v, 0.95).contains(SearchStats.mean(v)));
        SearchStats.Interval one = SearchStats.bootstrapMean(new double[] {0.9}, 0.95);
        assertEquals(0.9, one.lower());
        assertEquals(0.9, one.upper());
    }

    @Test
    void meanLog10GuardsZeroRegret() {
        assertEquals(-2, SearchStats.meanLog10(new double[] {0.1, 0.001}), 1e-12);
        assertEquals((-12 + 0) / 2.0, SearchStats.meanLog10(new double[] {0, 1}), 1e-12);
        assertEquals(-12, SearchStats.meanLog10(new double[] {-1e-15}), 1e-12, "a rounding error below the optimum counts as the floor");
    }

    @Test
    void signTestAgainstExactBinomialValues() {
        assertEquals(1, SearchStats.signTestP(0, 0));
        assertEquals(1, SearchStats.signTestP(10, 10));
        assertEquals(1, SearchStats.signTestP(2, 1)); // 2 * (1 + 3) / 8 capped at 1
        assertEquals(2.0 / 32, SearchStats.signTestP(5, 0), 1e-15);
        assertEquals(2.0 / 64, SearchStats.signTestP(0, 6), 1e-15);
        assertEquals(2 * 56.0 / 1024, SearchStats.signTestP(8, 2), 1e-15); // P(X <= 2), X ~ Bin(10, 1/2) = 56/1024
        assertEquals(2 * 21700.0 / 1048576, SearchStats.signTestP(15, 5), 1e-14); // 1+20+190+1140+4845+15504 = 21700
        assertEquals(SearchStats.signTestP(5, 15), SearchStats.signTestP(15, 5), "two-sided: symmetric");
        // 50 seeds, 35 against 15 (scipy.stats.binomtest(35, 50).pvalue = 0.006600448)
        assertEquals(0.006600448, SearchStats.signTestP(35, 15), 1e-9);
        assertTrue(SearchStats.signTestP(500, 500) > 0.97);
    }

    @Test
    void winRateCountsTiesHalfAndTheSignTestLeavesThemOut() {
        SearchStats.Paired p = SearchStats.paired(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 5});
        assertEquals(new SearchStats.Paired(2, 1, 1), p);
        assertEquals(2.5 / 4, p.winRate(), 1e-15);
        assertEquals(SearchStats.signTestP(2, 1), p.signTestP());
        SearchStats.Paired allTies = SearchStats.paired(new double[] {0.5, 0.5}, new double[] {0.5, 0.5 + 1e-15});
        assertEquals(0.5, allTies.winRate());
        assertEquals(1, allTies.signTestP());
        assertEquals(0, SearchStats.paired(new double[] {2, 2}, new double[] {1, 1}).winRate());
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }
}
