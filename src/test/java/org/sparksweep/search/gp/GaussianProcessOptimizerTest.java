package org.sparksweep.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparksweep.search.SobolSequence;
import org.sparksweep.search.gp.GaussianProcessOptimizer.Observation;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;

class GaussianProcessOptimizerTest {
    private static final SearchSpace SQUARE = new SearchSpace(List.of(
            new Parameter("x", new Domain.Uniform(0, 1, null, null), null),
            new Parameter("y", new Domain.Uniform(0, 1, null, null), null)));

    private static TrialConfig at(double x, double y) {
        return new TrialConfig(Map.of("x", x, "y", y));
    }

    private static List<Observation> losses(double... losses) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) out.add(new Observation(at(i / 100.0, 0.5), losses[i], true));
        return out;
    }

    private static boolean stalled(List<Observation> observations) {
        return GaussianProcessOptimizer.stalled(observations, GaussianProcessOptimizer.STALL_WINDOW);
    }

    @Test
    void theSearchHasStalledWhenTheBestHasNotMovedOverTheLastTenResults() {
        double[] improving = new double[25], flat = new double[25];
        for (int i = 0; i < 25; i++) {
            improving[i] = 10 - i;
            flat[i] = i == 12 ? -1 : 10 - Math.min(i, 12) * 0.1;
        }
        assertFalse(stalled(losses(improving)), "a new best in each result");
        assertTrue(stalled(losses(flat)), "the best was found 12 results ago");
        assertFalse(stalled(losses(java.util.Arrays.copyOf(flat, 19))), "fewer than 20 results never count as stalled");

        // median - best = 10.2 - (-1) = 11.2 here; 0.1% of it is 0.0112
        double[] tiny = flat.clone(), small = flat.clone();
        tiny[24] = -1 - 0.005;
        small[24] = -1 - 0.05;
        assertTrue(stalled(losses(tiny)), "an improvement of 0.005 is within 0.1% of median - best");
        assertFalse(stalled(losses(small)), "an improvement of 0.05 is not");

        List<Observation> infeasibleBest = losses(tiny);
        infeasibleBest.set(24, new Observation(at(0.9, 0.9), -100.0, false));
        assertTrue(stalled(infeasibleBest), "a trial that broke a constraint is no new best");
    }

    /** A wide well at (0.8, 0.8), found first, and a narrow deeper one at (0.2, 0.25). */
    private static double twoWells(double x, double y) {
        double wide = Math.exp(-((x - 0.8) * (x - 0.8) + (y - 0.8) * (y - 0.8)) / 0.08);
        double narrow = Math.exp(-((x - 0.2) * (x - 0.2) + (y - 0.25) * (y - 0.25)) / 0.005);
        return -wide - 1.3 * narrow;
    }

    /**
     * Twelve quasi-random results, one of them on the narrow well's flank, then the wide well's centre
     * and {@code around} results around it: the search has stalled in the wide well.
     */
    private static List<Observation> stalledInTheWideWell(int around, boolean newBestLast) {
        List<Observation> out = new ArrayList<>();
        SobolSequence design = new SobolSequence(2, 3L);
        for (long i = 0; i < 11; i++) {
            TrialConfig c = SQUARE.sample(i, design);
            out.add(new Observation(c, twoWells((Double) c.get("x"), (Double) c.get("y")), true));
        }
        out.add(new Observation(at(0.24, 0.29), twoWells(0.24, 0.29), true));
        out.add(new Observation(at(0.8, 0.8), twoWells(0.8, 0.8), true));
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < around; i++) {
            double x = 0.8 + 0.08 * (r.nextDouble() - 0.5), y = 0.8 + 0.08 * (r.nextDouble() - 0.5);
            out.add(new Observation(at(x, y), twoWells(x, y), true));
        }
        if (newBestLast) out.add(new Observation(at(0.2, 0.25), twoWells(0.2, 0.25), true));
        return out;
    }

    private static GaussianProcessOptimizer optimizer() {
        return new GaussianProcessOptimizer(SQUARE, GaussianProcessOptimizer.Settings.defaults(), 11, seed -> new SobolSequence(2, seed));
    }

    @Test
    void aStallOfTenResultsIsStalledAndOfTwentyIsLong() {
        assertEquals(GaussianProcessOptimizer.Stall.STALLED, GaussianProcessOptimizer.stall(stalledInTheWideWell(19, false)));
        assertEquals(GaussianProcessOptimizer.Stall.STALLED, GaussianProcessOptimizer.stall(stalledInTheWideWell(26, false)),
                "the best 27 results ago, but fewer than 40 results");
        assertEquals(GaussianProcessOptimizer.Stall.LONG, GaussianProcessOptimizer.stall(stalledInTheWideWell(27, false)));
        assertEquals(GaussianProcessOptimizer.Stall.NONE, GaussianProcessOptimizer.stall(stalledInTheWideWell(27, true)),
                "a new best in the narrow well ends the stall");
    }

    @Test
    void everyFourProposalsOneOrTwoLeaveForTheSecondBasinAndOneExplores() {
        for (long number = 0; number < 8; number++) {
            int phase = (int) (number % 4);
            assertEquals(GaussianProcessOptimizer.Leave.NO, GaussianProcessOptimizer.leave(GaussianProcessOptimizer.Stall.NONE, number));
            assertEquals(phase == 1 ? GaussianProcessOptimizer.Leave.EXPLORE : phase == 3 ? GaussianProcessOptimizer.Leave.SECOND_BASIN
                    : GaussianProcessOptimizer.Leave.NO, GaussianProcessOptimizer.leave(GaussianProcessOptimizer.Stall.STALLED, number));
            assertEquals(phase == 1 ? GaussianProcessOptimizer.Leave.EXPLORE : phase == 0 ? GaussianProcessOptimizer.Leave.NO
                    : GaussianProcessOptimizer.Leave.SECOND_BASIN, GaussianProcessOptimizer.leave(GaussianProcessOptimizer.Stall.LONG, number));
        }
    }

    @Test
    void onceStalledEveryFourthProposalSearchesTheBestOtherBasin() {
        proposalsLeaveTheWideWell(19);
    }

    @Test
    void onceLongStalledTwoOfEveryFourProposalsSearchTheBestOtherBasin() {
        proposalsLeaveTheWideWell(29);
    }

    /**
     * Sixteen proposals after the wide well's centre and {@code around} results around it: those the
     * stall sends to the second basin lie within its half-width of the narrow well's flank point, and
     * of the others only those left to expected improvement may stay in the wide well.
     */
    private static void proposalsLeaveTheWideWell(int around) {
        List<Observation> stalled = stalledInTheWideWell(around, false);
        GaussianProcessOptimizer.Stall stall = GaussianProcessOptimizer.stall(stalled);
        assertNotEquals(GaussianProcessOptimizer.Stall.NONE, stall);
        GaussianProcessOptimizer gp = optimizer();
        int nearWideWell = 0, staying = 0;
        for (long number = 32; number < 48; number++) {
            TrialConfig c = gp.propose(stalled, List.of(), number);
            assertNotNull(c);
            double x = (Double) c.get("x"), y = (Double) c.get("y");
            GaussianProcessOptimizer.Leave leave = GaussianProcessOptimizer.leave(stall, number);
            if (leave == GaussianProcessOptimizer.Leave.SECOND_BASIN) {
                assertTrue(Math.abs(x - 0.24) <= 0.15 + 1e-9 && Math.abs(y - 0.29) <= 0.15 + 1e-9,
                        "proposal " + number + " searches around the best result outside the wide well (0.24, 0.29): " + c);
            }
            if (leave == GaussianProcessOptimizer.Leave.NO) staying++;
            if (leave != GaussianProcessOptimizer.Leave.EXPLORE && Math.hypot(x - 0.8, y - 0.8) < 0.15) nearWideWell++;
        }
        assertEquals(stall == GaussianProcessOptimizer.Stall.LONG ? 4 : 8, staying);
        assertTrue(nearWideWell <= staying, "at most the " + staying + " proposals left to expected improvement stay in the wide well: "
                + nearWideWell + " of 16");
    }
}
