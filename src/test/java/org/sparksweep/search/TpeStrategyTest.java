package org.sparksweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.Condition;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

class TpeStrategyTest {
    private static final SearchSpace MIXED = new SearchSpace(List.of(
            new Parameter("updater", new Domain.Choice(List.of("adam", "sgd", "nesterovs")), null),
            new Parameter("momentum", new Domain.Uniform(0.5, 0.99, null, null), new Condition("updater", Set.of("nesterovs"))),
            new Parameter("lr", new Domain.LogUniform(1e-5, 1, null, null), null),
            new Parameter("layers", new Domain.IntRange(1, 8, 1), null),
            new Parameter("width", new Domain.Uniform(8, 256, 8.0, null), null)));

    /** Best when updater = nesterovs, momentum near 0.9, lr near 1e-2, 3 layers, width 64. */
    private static double loss(TrialConfig c) {
        double l = c.get("updater").equals("nesterovs") ? 0 : 1;
        if (c.has("momentum")) l += Math.abs((Double) c.get("momentum") - 0.9);
        l += Math.abs(Math.log10((Double) c.get("lr")) + 2);
        l += Math.abs((Long) c.get("layers") - 3) * 0.3;
        l += Math.abs((Double) c.get("width") - 64) / 64;
        return l;
    }

    @Test
    void sameSeedAndResultsGiveTheSameProposals() {
        List<TrialConfig> a = runSequential(7, 40, TpeStrategyTest::loss);
        List<TrialConfig> b = runSequential(7, 40, TpeStrategyTest::loss);
        assertEquals(a, b);
        assertNotEquals(a, runSequential(8, 40, TpeStrategyTest::loss));
    }

    @Test
    void proposalsRespectEveryDomainAndCondition() {
        for (TrialConfig c : runSequential(3, 60, TpeStrategyTest::loss)) {
            assertEquals(c.get("updater").equals("nesterovs"), c.has("momentum"), c.toString());
            double lr = (Double) c.get("lr");
            assertTrue(lr >= 1e-5 && lr <= 1, c.toString());
            long layers = (Long) c.get("layers");
            assertTrue(layers >= 1 && layers <= 8, c.toString());
            double width = (Double) c.get("width");
            assertTrue(width >= 8 && width <= 256 && Math.abs(width / 8 - Math.rint(width / 8)) < 1e-9, "width on the q=8 grid: " + c);
            if (c.has("momentum")) assertTrue((Double) c.get("momentum") >= 0.5 && (Double) c.get("momentum") <= 0.99);
        }
    }

    /** After the random start, TPE should concentrate on the good region: its later trials beat random ones by far. */
    @Test
    void learnsWhereToLookOnAConditionalMixedSpace() {
        int wins = 0;
        for (long seed = 0; seed < 10; seed++) {
            double tpe = best(runSequential(seed, 80, TpeStrategyTest::loss));
            double random = Double.POSITIVE_INFINITY;
            for (long i = 0; i < 80; i++) random = Math.min(random, loss(MIXED.sample(seed, i)));
            if (tpe < random) wins++;
        }
        assertTrue(wins >= 9, "TPE beat random search in " + wins + " of 10 seeds");
    }

    @Test
    void keepsAtMostParallelismTrialsPendingAndWaitsForResults() {
        TpeStrategy tpe = new TpeStrategy(MIXED, TpeStrategy.Settings.of(20, 1, true, 3));
        Proposal.Indices first = assertInstanceOf(Proposal.Indices.class, tpe.ask(100));
        assertEquals(3, first.count());
        assertInstanceOf(Proposal.Wait.class, tpe.ask(100));
        TrialConfig c = tpe.decoder().decode(1);
        tpe.tell(result(1, c, loss(c)));
        assertEquals(new Proposal.Indices(3, 4), tpe.ask(100));
    }

    private static final SearchSpace LINE = new SearchSpace(List.of(new Parameter("x", new Domain.Uniform(0, 1, null, null), null)));

    /**
     * 30 finished trials, then 8 proposals in a row with no result in between. With many candidates
     * each proposal lands on the maximum of l/g; were running trials ignored, all eight would see the
     * same l/g and pile up within 0.01 of each other. Counted as bad, each one pushes the next away.
     */
    @Test
    void runningTrialsCountAsBadSoParallelProposalsSpreadOut() {
        for (long seed = 0; seed < 5; seed++) {
            TpeStrategy tpe = new TpeStrategy(LINE, new TpeStrategy.Settings(100, seed, true, 10, 200, 8, false));
            for (int i = 0; i < 30; i++) {
                Proposal.Indices p = (Proposal.Indices) tpe.ask(1);
                TrialConfig c = tpe.decoder().decode(p.from());
                double x = (Double) c.get("x");
                tpe.tell(result(p.from(), c, (x - 0.37) * (x - 0.37)));
            }
            Proposal.Indices batch = (Proposal.Indices) tpe.ask(8);
            assertEquals(8, batch.count());
            double low = 1, high = 0;
            for (long i = batch.from(); i < batch.to(); i++) {
                double x = (Double) tpe.decoder().decode(i).get("x");
                low = Math.min(low, x);
                high = Math.max(high, x);
            }
            assertTrue(high - low > 0.1, "seed " + seed + ": eight proposals in flight span only [" + low + ", " + high + "]");
        }
    }

    /**
     * Trials that broke a constraint are bad observations: TPE learns to avoid the infeasible region
     * right next to the best feasible values (x &lt; 0.2 here, with the loss falling towards it). Told
     * as failed instead (which TPE ignores), the same trials leave l/g highest just inside that region.
     */
    @Test
    void infeasibleTrialsCountAsBadSoProposalsAvoidThem() {
        int asInfeasible = infeasibleProposals(TrialStatus.SKIPPED_CONSTRAINT), asFailed = infeasibleProposals(TrialStatus.FAILED);
        assertTrue(asInfeasible < 0.75 * asFailed, "model-based proposals in the infeasible region: " + asInfeasible
                + " when told as infeasible, " + asFailed + " when told as failed (of 400)");
    }

    private static int infeasibleProposals(TrialStatus status) {
        int infeasible = 0;
        for (long seed = 0; seed < 10; seed++) {
            TpeStrategy tpe = new TpeStrategy(LINE, TpeStrategy.Settings.of(60, seed, true, 1));
            for (int i = 0; i < 60; i++) {
                Proposal.Indices p = (Proposal.Indices) tpe.ask(1);
                TrialConfig c = tpe.decoder().decode(p.from());
                double x = (Double) c.get("x");
                if (x < 0.2) {
                    tpe.tell(new TrialResult("t", p.from(), c, 0, status, Map.of(), null, "breaks a constraint", Instant.EPOCH,
                            Instant.EPOCH, 0, null, null));
                    if (i >= 20) infeasible++;
                } else {
                    tpe.tell(result(p.from(), c, x));
                }
            }
        }
        return infeasible;
    }

    @Test
    void infeasibleTrialsCountTowardsTheRandomStart() {
        TpeStrategy tpe = new TpeStrategy(LINE, TpeStrategy.Settings.of(20, 3, true, 1));
        for (int i = 0; i < 10; i++) {
            Proposal.Indices p = (Proposal.Indices) tpe.ask(1);
            TrialConfig c = tpe.decoder().decode(p.from());
            assertEquals(LINE.sample(3, p.from()), c, "random start");
            tpe.tell(new TrialResult("t", p.from(), c, 0, TrialStatus.SKIPPED_CONSTRAINT, Map.of(), null, "breaks a constraint",
                    Instant.EPOCH, Instant.EPOCH, 0, null, null));
        }
        Proposal.Indices p = (Proposal.Indices) tpe.ask(1);
        assertNotEquals(LINE.sample(3, p.from()), tpe.decoder().decode(p.from()), "model-based after ten told trials");
    }

    private static final SearchSpace SQUARE = new SearchSpace(List.of(
            new Parameter("x", new Domain.Uniform(0, 1, null, null), null), new Parameter("y", new Domain.Uniform(0, 1, null, null), null)));

    /**
     * Good trials lie along the diagonal x = y, where each parameter on its own looks uniform: only
     * joint kernels see it, so multivariate proposals hug the diagonal and univariate ones do not.
     */
    @Test
    void multivariateModelsHowParametersGoTogether() {
        double joint = 0, separate = 0;
        for (long seed = 0; seed < 10; seed++) {
            joint += lateDistanceFromDiagonal(seed, true);
            separate += lateDistanceFromDiagonal(seed, false);
        }
        assertTrue(joint < 0.75 * separate, "mean |x - y| of trials 30-60: multivariate " + joint / 10 + ", univariate " + separate / 10);
    }

    private static double lateDistanceFromDiagonal(long seed, boolean multivariate) {
        TpeStrategy tpe = new TpeStrategy(SQUARE, TpeStrategy.Settings.of(60, seed, true, 1).withMultivariate(multivariate));
        double late = 0;
        for (int i = 0; i < 60; i++) {
            Proposal.Indices p = (Proposal.Indices) tpe.ask(1);
            TrialConfig c = tpe.decoder().decode(p.from());
            double d = Math.abs((Double) c.get("x") - (Double) c.get("y"));
            tpe.tell(result(p.from(), c, d));
            if (i >= 30) late += d / 30;
        }
        return late;
    }

    @Test
    void multivariateProposalsRespectEveryDomainAndConditionAndLearn() {
        int wins = 0;
        for (long seed = 0; seed < 10; seed++) {
            List<TrialConfig> configs = runSequential(seed, 80, TpeStrategyTest::loss, true);
            for (TrialConfig c : configs) {
                assertEquals(c.get("updater").equals("nesterovs"), c.has("momentum"), c.toString());
                assertEquals(c, MIXED.config(c.values()), "every value in its domain: " + c); // throws otherwise
            }
            double random = Double.POSITIVE_INFINITY;
            for (long i = 0; i < 80; i++) random = Math.min(random, loss(MIXED.sample(seed, i)));
            if (best(configs) < random) wins++;
        }
        assertTrue(wins >= 9, "multivariate TPE beat random search in " + wins + " of 10 seeds");
    }

    @Test
    void theMultivariateOptionReachesTheStrategy() {
        SearchSettings plain = new SearchSettings("tpe", 50L, 1);
        assertTrue(TpeSearch.settings(plain, org.sparksweep.trial.Direction.MINIMIZE).multivariate(), "multivariate by default");
        assertTrue(TpeSearch.settings(plain.withOption("multivariate", true), org.sparksweep.trial.Direction.MINIMIZE).multivariate());
        assertEquals(false, TpeSearch.settings(plain.withOption("multivariate", false), org.sparksweep.trial.Direction.MINIMIZE).multivariate());
        assertEquals(List.of(), new TpeSearch().check(plain.withOption("multivariate", true), MIXED));
        assertEquals(1, new TpeSearch().check(plain.withOption("multivariate", "yes"), MIXED).size());
    }

    @Test
    void failedTrialsAreNotLearnedFromAndMaximizeFlipsTheSign() {
        TpeStrategy maximize = new TpeStrategy(MIXED, TpeStrategy.Settings.of(60, 2, false, 1));
        List<TrialConfig> seen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Proposal.Indices p = (Proposal.Indices) maximize.ask(1);
            TrialConfig c = maximize.decoder().decode(p.from());
            seen.add(c);
            if (i % 5 == 4) {
                maximize.tell(new TrialResult("t", p.from(), c, 2, TrialStatus.FAILED, Map.of(), null, "boom",
                        Instant.EPOCH, Instant.EPOCH, 0, null, null));
            } else {
                maximize.tell(result(p.from(), c, -loss(c))); // maximizing -loss is minimizing loss
            }
        }
        double late = seen.subList(40, 60).stream().mapToDouble(TpeStrategyTest::loss).average().orElseThrow();
        double early = seen.subList(0, 10).stream().mapToDouble(TpeStrategyTest::loss).average().orElseThrow();
        assertTrue(late < early, "late trials average loss " + late + " vs random start " + early);
        assertInstanceOf(Proposal.Done.class, maximize.ask(1));
    }

    @Test
    void aResumedRunLearnsFromTheRecordsAndSpendsOnlyTheRestOfTheBudget() {
        List<TrialConfig> first = runSequential(5, 20, TpeStrategyTest::loss);
        List<TrialResult> recorded = new ArrayList<>();
        for (int i = 0; i < 12; i++) recorded.add(result(i * 2L, first.get(i), loss(first.get(i)))); // with gaps: trials lost in flight
        TpeStrategy resumed = new TpeStrategy(MIXED, TpeStrategy.Settings.of(20, 5, true, 4));
        resumed.resume(recorded);

        Proposal.Indices next = (Proposal.Indices) resumed.ask(4);
        assertEquals(23, next.from(), "numbered after the highest recorded index (22)");
        assertEquals(4, next.count());
        for (long i = next.from(); i < next.to(); i++) resumed.tell(result(i, resumed.decoder().decode(i), 1.0));
        Proposal.Indices last = (Proposal.Indices) resumed.ask(8);
        assertEquals(4, last.count(), "20 trials in all: 12 recorded + 4 + 4");
        assertInstanceOf(Proposal.Done.class, resumed.ask(8), "the budget is spent");
        assertThrows(IllegalStateException.class, () -> resumed.resume(recorded), "only before the first proposal");
    }

    private static List<TrialConfig> runSequential(long seed, int trials, ToDoubleFunction<TrialConfig> loss) {
        return runSequential(seed, trials, loss, false);
    }

    private static List<TrialConfig> runSequential(long seed, int trials, ToDoubleFunction<TrialConfig> loss, boolean multivariate) {
        TpeStrategy tpe = new TpeStrategy(MIXED, TpeStrategy.Settings.of(trials, seed, true, 1).withMultivariate(multivariate));
        List<TrialConfig> out = new ArrayList<>();
        Proposal p;
        while ((p = tpe.ask(1)) instanceof Proposal.Indices range) {
            TrialConfig c = tpe.decoder().decode(range.from());
            out.add(c);
            tpe.tell(result(range.from(), c, loss.applyAsDouble(c)));
        }
        assertEquals(trials, out.size());
        return out;
    }

    private static double best(List<TrialConfig> configs) {
        return configs.stream().mapToDouble(TpeStrategyTest::loss).min().orElseThrow();
    }

    private static TrialResult result(long index, TrialConfig c, double objective) {
        return new TrialResult("t" + index, index, c, 0, TrialStatus.COMPLETED, Map.of("loss", objective), objective, null,
                Instant.EPOCH, Instant.EPOCH, 0, null, null);
    }
}
