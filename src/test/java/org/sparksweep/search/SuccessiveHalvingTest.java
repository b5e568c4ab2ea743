package org.sparksweep.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialId;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialSchedule;
import org.sparksweep.trial.TrialStatus;

/** The promotion rules of asynchronous successive halving and Hyperband's brackets, told results by hand. */
class SuccessiveHalvingTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new Parameter("x", new Domain.Uniform(0, 1, null, null), null),
            new Parameter("lr", new Domain.LogUniform(1e-4, 1, null, null), null)));

    private static SuccessiveHalving asha(long configs, long seed) {
        return new SuccessiveHalving(SPACE, new SuccessiveHalving.Settings(configs, seed, true, "epochs", 1, 9, 3, false));
    }

    /** One proposed trial as the executor would see it. */
    private record Trial(long index, TrialConfig config, TrialSchedule schedule) {
        String id() {
            return TrialId.of("t", config, 0);
        }
    }

    private static Trial askOne(Strategy s) {
        Proposal p = s.ask(1);
        Proposal.Indices range = assertInstanceOf(Proposal.Indices.class, p);
        assertEquals(1, range.count());
        IndexDecoder d = s.decoder();
        return new Trial(range.from(), d.decode(range.from()), d.schedule(range.from()));
    }

    private static TrialResult result(Trial t, TrialStatus status, Double objective) {
        Instant now = Instant.now();
        return new TrialResult(t.id(), t.index(), t.config(), 0, status, objective == null ? Map.of() : Map.of("loss", objective),
                status == TrialStatus.COMPLETED ? objective : null, status == TrialStatus.COMPLETED ? null : "boom", now, now, 1, "h", "e");
    }

    private static void tell(Strategy s, Trial t, double loss) {
        s.tell(result(t, TrialStatus.COMPLETED, loss));
    }

    @Test
    void aResumedSweepRebuildsItsRungsFromTheRecordsAndPromotesAsTheFirstRunWould() {
        SuccessiveHalving first = asha(20, 1);
        List<TrialResult> recorded = new ArrayList<>();
        // seven trials at rung 0 and the promotions they earn, told one by one
        for (int i = 0; i < 9; i++) {
            Trial t = askOne(first);
            double loss = 0.1 * ((i * 7) % 10) + (t.schedule().rung() == 0 ? 0 : -0.05);
            TrialResult r = result(t, TrialStatus.COMPLETED, loss);
            first.tell(r);
            recorded.add(new TrialResult(r.trialId(), r.index(), r.config(), 0, r.status(), r.metrics(), r.objective(), null,
                    r.startedAt(), r.finishedAt(), 1, null, null, List.of(), null, org.sparksweep.trial.TrialCourse.of(t.schedule())));
        }
        SuccessiveHalving resumed = asha(20, 1);
        resumed.resume(recorded);
        assertArrayEquals(first.trialsPerRung(), resumed.trialsPerRung(), "the same trials in the same rungs");
        Trial expected = askOne(first), got = askOne(resumed);
        assertEquals(9, got.index(), "numbered after the records");
        assertEquals(expected.schedule(), got.schedule(), "the same decision: " + expected.schedule());
        if (expected.schedule().parentTrialId() != null) assertEquals(expected.config(), got.config());
        // a parent promoted in the first run is not promoted again after the resume
        List<String> parents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Trial t = askOne(resumed);
            if (t.schedule().parentTrialId() != null) parents.add(t.schedule().parentTrialId());
            tell(resumed, t, 0.9);
        }
        for (TrialResult r : recorded) {
            if (r.course().parentTrialId() != null) assertFalse(parents.contains(r.course().parentTrialId()), "promoted twice: " + parents);
        }
    }

    @Test
    void rungBudgetsGrowByEtaUpToTheMaximum() {
        assertArrayEquals(new long[] {1, 3, 9, 27}, SuccessiveHalving.budgets(1, 27, 3));
        assertArrayEquals(new long[] {1, 3, 9, 20}, SuccessiveHalving.budgets(1, 20, 3));
        assertArrayEquals(new long[] {2, 4, 8}, SuccessiveHalving.budgets(2, 8, 2));
    }

    @Test
    void theBestOfEveryEtaTrialsAtARungIsPromotedToContinueFromItsCheckpoint() {
        SuccessiveHalving s = asha(20, 1);
        Trial a = askOne(s), b = askOne(s), c = askOne(s);
        for (Trial t : List.of(a, b, c)) {
            assertEquals(0, t.schedule().rung());
            assertEquals(1L, t.schedule().budget());
            assertEquals(1L, t.config().get("epochs"), "the budget goes to the trainer's setting");
            assertNull(t.schedule().parentTrialId(), "a new config starts from scratch");
            assertTrue(t.schedule().checkpoint(), "below the top rung a trial keeps a checkpoint for its promotion");
        }
        tell(s, a, 0.5);
        tell(s, b, 0.2);
        Trial d = askOne(s);
        assertEquals(0, d.schedule().rung(), "two of three results: a third of 2 is 0, no promotion yet");
        tell(s, c, 0.9);

        Trial promoted = askOne(s);
        assertEquals(1, promoted.schedule().rung());
        assertEquals(3L, promoted.schedule().budget());
        assertEquals(b.id(), promoted.schedule().parentTrialId(), "the best of the rung continues");
        assertEquals(b.config().get("x"), promoted.config().get("x"));
        assertEquals(b.config().get("lr"), promoted.config().get("lr"));
        assertEquals(3L, promoted.config().get("epochs"));
        assertNotEquals(b.id(), promoted.id(), "a promotion is a trial of its own");

        Trial e = askOne(s);
        assertEquals(0, e.schedule().rung(), "one promotion per three trials: the next slot samples a new config");
        assertNull(e.schedule().parentTrialId());
    }

    @Test
    void aFailedTrialIsNeverPromotedAndCountsAsTheWorst() {
        SuccessiveHalving s = asha(20, 2);
        Trial a = askOne(s), b = askOne(s), c = askOne(s);
        s.tell(result(a, TrialStatus.FAILED, null));
        s.tell(result(b, TrialStatus.DIVERGED, null));
        tell(s, c, 5.0);
        Trial next = askOne(s);
        assertEquals(1, next.schedule().rung());
        assertEquals(c.id(), next.schedule().parentTrialId(), "the only scored trial is the best of the three");
        Trial f = askOne(s), g = askOne(s), h = askOne(s);
        s.tell(result(f, TrialStatus.FAILED, null));
        s.tell(result(g, TrialStatus.FAILED, null));
        s.tell(result(h, TrialStatus.FAILED, null));
        assertEquals(0, askOne(s).schedule().rung(), "six at rung 0: quota 2, but the second best failed");
    }

    @Test
    void theTopRungNeedsNoCheckpointAndTheSearchEndsWhenNothingCanBePromoted() {
        SuccessiveHalving s = asha(9, 3);
        List<Trial> running = new ArrayList<>();
        List<Trial> all = new ArrayList<>();
        while (true) {
            Proposal p = s.ask(4);
            if (p instanceof Proposal.Done) break;
            if (p instanceof Proposal.Indices r) {
                for (long i = r.from(); i < r.to(); i++) running.add(new Trial(i, s.decoder().decode(i), s.decoder().schedule(i)));
            } else {
                assertFalse(running.isEmpty(), "waits only while trials run");
            }
            Trial t = running.remove(0); // one result per ask, oldest first
            all.add(t);
            tell(s, t, (Double) t.config().get("x") + 1.0 / (Long) t.config().get("epochs"));
        }
        assertTrue(running.isEmpty());
        long top = all.stream().filter(t -> t.schedule().rung() == 2).count();
        assertTrue(top >= 1, "9 configs, eta 3: at least one reaches the top rung");
        all.stream().filter(t -> t.schedule().rung() == 2).forEach(t -> assertFalse(t.schedule().checkpoint()));
        assertEquals(9, all.stream().filter(t -> t.schedule().rung() == 0).count());
        assertArrayEquals(s.trialsPerRung(), new long[] {9, all.stream().filter(t -> t.schedule().rung() == 1).count(), top});
    }

    @Test
    void theSameSeedAndResultsGiveTheSameTrials() {
        assertEquals(sequential(7), sequential(7));
        assertNotEquals(sequential(7), sequential(8));
    }

    private static List<String> sequential(long seed) {
        SuccessiveHalving s = asha(27, seed);
        List<String> trials = new ArrayList<>();
        while (s.ask(1) instanceof Proposal.Indices r) {
            Trial t = new Trial(r.from(), s.decoder().decode(r.from()), s.decoder().schedule(r.from()));
            trials.add(t.config().canonicalJson() + " parent=" + t.schedule().parentTrialId());
            tell(s, t, Math.abs((Double) t.config().get("x") - 0.3) + 0.5 / (Long) t.config().get("epochs"));
        }
        return trials;
    }

    @Test
    void hyperbandStartsNewConfigsAtEachBracketsRungInHyperbandsProportions() {
        SuccessiveHalving s = new SuccessiveHalving(SPACE, new SuccessiveHalving.Settings(17, 0, true, "epochs", 1, 9, 3, true));
        Proposal.Indices r = assertInstanceOf(Proposal.Indices.class, s.ask(100));
        assertEquals(17, r.count(), "nothing to promote yet: all 17 configs start");
        long[] starts = new long[3];
        for (long i = r.from(); i < r.to(); i++) starts[s.decoder().schedule(i).rung()]++;
        // brackets of max/min = 9, eta 3: 9 configs at budget 1, ceil(3/2 * 3) = 5 at budget 3, 3 at budget 9
        assertArrayEquals(new long[] {9, 5, 3}, starts);
        assertInstanceOf(Proposal.Wait.class, s.ask(1), "every config started, none finished: wait");
    }
}
