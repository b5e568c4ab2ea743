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

    @Test
    void runningTrialsCountAsBadSoParallelProposalsSpreadOut() {
        // 30 finished trials, then 8 proposals in a row with no result in between
        TpeStrategy tpe = new TpeStrategy(MIXED, TpeStrategy.Settings.of(100, 5, true, 8));
        for (int i = 0; i < 30; i++) {
            Proposal.Indices p = (Proposal.Indices) tpe.ask(1);
            TrialConfig c = tpe.decoder().decode(p.from());
            tpe.tell(result(p.from(), c, loss(c)));
        }
        Proposal.Indices batch = (Proposal.Indices) tpe.ask(8);
        assertEquals(8, batch.count());
        IndexDecoder decoder = tpe.decoder();
        List<TrialConfig> proposals = new ArrayList<>();
        for (long i = batch.from(); i < batch.to(); i++) proposals.add(decoder.decode(i));
        assertEquals(8, proposals.stream().distinct().count(), "eight different configs: " + proposals);
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
        TpeStrategy tpe = new TpeStrategy(MIXED, TpeStrategy.Settings.of(trials, seed, true, 1));
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
