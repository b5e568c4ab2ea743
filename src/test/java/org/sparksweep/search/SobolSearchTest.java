package org.sparksweep.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.Condition;
import org.sparksweep.space.CounterRandom;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;

class SobolSearchTest {
    private static final org.sparksweep.trial.Objective MINIMIZE_VALUE =
            new org.sparksweep.trial.Objective("value", org.sparksweep.trial.Direction.MINIMIZE);


    @Test
    void unscrambledPointsAreTheTextbookSobolPoints() {
        SobolSequence s = new SobolSequence(3, null);
        // point i is the XOR of the direction numbers of i's set bits (natural order, not Gray code)
        assertArrayEquals(new double[] {0, 0.5, 0.25, 0.75, 0.125, 0.625}, points(s, 0, 6), 0);
        assertArrayEquals(new double[] {0, 0.5, 0.75, 0.25, 0.625, 0.125}, points(s, 1, 6), 0);
        // dimension 3: s = 2, a = 1, m = (1, 3), so m_3 = 2*m_2 ^ 4*m_1 ^ m_1 = 3 and v_3 = 3/8
        assertArrayEquals(new double[] {0, 0.5, 0.75, 0.25, 0.375, 0.875}, points(s, 2, 6), 0);
    }

    /** The first 2^m points are the same set as another implementation's (which visits them in Gray-code order). */
    @Test
    void samePointSetAsCommonsMathsGenerator() {
        int dims = 12, n = 1 << 10;
        SobolSequence ours = new SobolSequence(dims, null);
        org.apache.commons.math3.random.SobolSequenceGenerator theirs = new org.apache.commons.math3.random.SobolSequenceGenerator(dims);
        java.util.Set<java.util.List<Double>> a = new HashSet<>(), b = new HashSet<>();
        for (int i = 0; i < n; i++) {
            java.util.List<Double> p = new java.util.ArrayList<>();
            for (int d = 0; d < dims; d++) p.add(ours.coordinate(i, d));
            a.add(p);
            b.add(java.util.Arrays.stream(theirs.nextVector()).boxed().toList());
        }
        assertEquals(n, a.size());
        assertEquals(b, a);
    }

    @Test
    void first2PowMPointsStratifyEveryDimensionScrambledOrNot() {
        int m = 8, n = 1 << m, dims = 40;
        for (Long seed : new Long[] {null, 0L, 7L, -3L}) {
            SobolSequence s = new SobolSequence(dims, seed);
            for (int d = 0; d < dims; d++) {
                Set<Integer> cells = new HashSet<>();
                for (int i = 0; i < n; i++) cells.add((int) Math.floor(s.coordinate(i, d) * n));
                assertEquals(n, cells.size(), "dimension " + d + ", seed " + seed + ": one point per cell of width 2^-" + m);
            }
        }
    }

    @Test
    void firstTwoDimensionsFormAZeroNetScrambledOrNot() {
        int m = 6, n = 1 << m;
        for (Long seed : new Long[] {null, 11L}) {
            SobolSequence s = new SobolSequence(2, seed);
            for (int a = 0; a <= m; a++) { // every elementary box 2^-a x 2^-(m-a) holds exactly one point
                Set<Long> boxes = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    long bx = (long) Math.floor(s.coordinate(i, 0) * (1 << a));
                    long by = (long) Math.floor(s.coordinate(i, 1) * (1 << (m - a)));
                    boxes.add(bx * n + by);
                }
                assertEquals(n, boxes.size(), "boxes of " + (1 << a) + " x " + (1 << (m - a)) + ", seed " + seed);
            }
        }
    }

    @Test
    void scramblingIsSeededAndChangesThePoints() {
        assertArrayEquals(points(new SobolSequence(5, 42L), 3, 64), points(new SobolSequence(5, 42L), 3, 64), 0);
        assertFalse(java.util.Arrays.equals(points(new SobolSequence(5, 42L), 3, 64), points(new SobolSequence(5, 43L), 3, 64)));
        assertFalse(java.util.Arrays.equals(points(new SobolSequence(5, null), 3, 64), points(new SobolSequence(5, 42L), 3, 64)));
    }

    /** Quasi-Monte Carlo's point: integrating a smooth function over 256 points errs far less than random points. */
    @Test
    void integratesASmoothFunctionMoreAccuratelyThanRandomPoints() {
        int dims = 5, n = 256, seeds = 20;
        double exact = Math.pow(0.5, dims); // integral of prod x_i over the unit cube
        double sobolError = 0, randomError = 0;
        for (long seed = 0; seed < seeds; seed++) {
            SobolSequence s = new SobolSequence(dims, seed);
            double sobolSum = 0, randomSum = 0;
            for (int i = 0; i < n; i++) {
                double ps = 1, pr = 1;
                for (int d = 0; d < dims; d++) {
                    ps *= s.coordinate(i, d);
                    pr *= CounterRandom.uniform(seed, i, "x" + d);
                }
                sobolSum += ps;
                randomSum += pr;
            }
            sobolError += Math.abs(sobolSum / n - exact);
            randomError += Math.abs(randomSum / n - exact);
        }
        assertTrue(sobolError * 5 < randomError, "mean error sobol " + sobolError / seeds + " vs random " + randomError / seeds);
    }

    @Test
    void strategyDecodesConfigsHonouringConditions() {
        SearchSpace space = new SearchSpace(List.of(
                new Parameter("updater", new Domain.Choice(List.of("adam", "nesterovs")), null),
                new Parameter("momentum", new Domain.Uniform(0.5, 0.99, null, null), new Condition("updater", Set.of("nesterovs"))),
                new Parameter("lr", new Domain.LogUniform(1e-4, 1e-1, null, null), null)));
        SearchSettings settings = new SearchSettings("sobol", 64L, 5L);
        StrategyFactory sobol = Strategies.get("sobol");
        assertTrue(sobol.check(settings, space).isEmpty());
        Strategy strategy = sobol.create(settings, space, MINIMIZE_VALUE);
        assertEquals(64, strategy.plannedTrials().getAsLong());
        Proposal.Indices first = (Proposal.Indices) strategy.ask(100);
        assertEquals(64, first.count());
        assertEquals(Proposal.Done.class, strategy.ask(1).getClass());
        int nesterovs = 0;
        for (long i = 0; i < 64; i++) {
            TrialConfig c = strategy.decoder().decode(i);
            boolean usesMomentum = c.get("updater").equals("nesterovs");
            assertEquals(usesMomentum, c.values().containsKey("momentum"), c.toString());
            double lr = (Double) c.get("lr");
            assertTrue(lr >= 1e-4 && lr <= 1e-1);
            if (usesMomentum) nesterovs++;
        }
        assertEquals(32, nesterovs, "the first dimension's 64 points split evenly over the two updaters");
        assertEquals(strategy.decoder().decode(17), sobol.create(settings, space, MINIMIZE_VALUE).decoder().decode(17));
        assertNotEquals(strategy.decoder().decode(17), sobol.create(new SearchSettings("sobol", 64L, 6L), space, MINIMIZE_VALUE).decoder().decode(17));
    }

    @Test
    void checkAsksForATrialCountAndPlanSuggestsPowersOfTwo() {
        SearchSpace space = new SearchSpace(List.of(new Parameter("x", new Domain.Uniform(0, 1, null, null), null)));
        StrategyFactory sobol = Strategies.get("sobol");
        assertEquals("search.trials", sobol.check(new SearchSettings("sobol", null, 0), space).get(0).field());
        assertTrue(sobol.plan(new SearchSettings("sobol", 100L, 0), space).contains("64 or 128"));
        assertFalse(sobol.plan(new SearchSettings("sobol", 128L, 0), space).contains("power"));
    }

    private static double[] points(SobolSequence s, int dimension, int n) {
        return LongStream.range(0, n).mapToDouble(i -> s.coordinate(i, dimension)).toArray();
    }
}
