package org.sparksweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Objective;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/** Known configs first, then the strategy, renumbered; the budget and the learning are shared. */
class WarmStartTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new Parameter("x1", new Domain.Uniform(-5, 10, null, null), null),
            new Parameter("x2", new Domain.Uniform(0, 15, null, null), null)));
    private static final Objective MINIMIZE = new Objective("value", Direction.MINIMIZE);

    private static SearchSettings settings(String strategy, Long trials) {
        return new SearchSettings(strategy, trials, 3).withOption(SearchSettings.START_WITH,
                List.of(Map.of("x1", 3.14159, "x2", 2.275), Map.of("x1", -3.14159, "x2", 12.275)));
    }

    @Test
    void warmConfigsRunFirstAndCountAgainstTheBudget() {
        Strategy s = WarmStart.create(settings("random", 10L), SPACE, Goals.of(MINIMIZE), List.of(new TrialConfig(Map.of("x1", 9.42478, "x2", 2.475))));
        assertEquals(10, s.plannedTrials().getAsLong());
        Proposal.Indices first = (Proposal.Indices) s.ask(2);
        assertEquals(new Proposal.Indices(0, 2), first);
        assertEquals(3.14159, s.decoder().decode(0).get("x1"));
        Proposal.Indices second = (Proposal.Indices) s.ask(100);
        assertEquals(new Proposal.Indices(2, 3), second, "the earlier sweep's config after the spec's");
        assertEquals(9.42478, s.decoder().decode(2).get("x1"));
        Proposal.Indices rest = (Proposal.Indices) s.ask(100);
        assertEquals(new Proposal.Indices(3, 10), rest, "random's 7 samples, renumbered after the 3 warm configs");
        Strategy plain = Strategies.get("random").create(new SearchSettings("random", 7L, 3), SPACE, MINIMIZE);
        assertEquals(plain.decoder().decode(0), s.decoder().decode(3), "random's own sample 0 is trial 3");
        assertInstanceOf(Proposal.Done.class, s.ask(100));
    }

    @Test
    void anAdaptiveStrategyLearnsFromTheWarmStartTrials() {
        // tpe proposes at random until it has startupTrials results; two warm-start results are enough here
        TrialConfig learned = firstTpeProposal(TrialStatus.COMPLETED);
        TrialConfig notLearned = firstTpeProposal(TrialStatus.FAILED);
        assertEquals(SPACE.sample(3, 0), notLearned, "failed warm-start trials teach nothing: tpe's first proposal is its random sample 0");
        assertTrue(!learned.equals(notLearned), "two completed warm-start trials make tpe's first proposal model-based: " + learned);
    }

    private static TrialConfig firstTpeProposal(TrialStatus warmOutcome) {
        Strategy tpe = WarmStart.create(settings("tpe", 30L).withOption("startupTrials", 2), SPACE, Goals.of(MINIMIZE), List.of());
        assertTrue(tpe.adaptive());
        Proposal.Indices warm = (Proposal.Indices) tpe.ask(2);
        for (long i = warm.from(); i < warm.to(); i++) {
            TrialConfig c = tpe.decoder().decode(i);
            double v = branin(c);
            boolean ok = warmOutcome == TrialStatus.COMPLETED;
            tpe.tell(new TrialResult("t" + i, i, c, 3, warmOutcome, ok ? Map.of("value", v) : Map.of(), ok ? v : null, ok ? null : "boom",
                    Instant.EPOCH, Instant.EPOCH, 0, null, null));
        }
        Proposal.Indices first = (Proposal.Indices) tpe.ask(1);
        assertEquals(2, first.from());
        return tpe.decoder().decode(first.from());
    }

    private static double branin(TrialConfig c) {
        double x1 = (Double) c.get("x1"), x2 = (Double) c.get("x2");
        double b = 5.1 / (4 * Math.PI * Math.PI), cc = 5 / Math.PI, t = 1 / (8 * Math.PI);
        return Math.pow(x2 - b * x1 * x1 + cc * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
    }
}
