package org.sparksweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.spec.SpecException;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.trial.TrialSchedule;

/** The spec side of asha, hyperband and median: their settings and errors with field paths. */
class EarlyStoppingSpecTest {
    private static final String HEAD = """
            name: es
            data: {source: iris}
            model: {trainer: dl4j-mlp}
            objective: {metric: accuracy, direction: maximize}
            space:
              learningRate: {logUniform: [0.001, 0.1]}
              updater: {choice: [adam, sgd]}
            """;

    private static SweepSpec parse(String search) throws SpecException {
        return SpecReader.parse(HEAD + "search: " + search + "\n", "es.yaml", false);
    }

    private static List<String> problems(String search) {
        return assertThrows(SpecException.class, () -> parse(search)).problems();
    }

    @Test
    void ashaTakesItsBudgetAndEtaFromTheSearchBlockAndKeepsItsSchedulesBehindAWarmStart() throws Exception {
        SweepSpec spec = parse("{strategy: asha, trials: 5, seed: 3, eta: 2, budget: {setting: epochs, min: 2, max: 8},"
                + " startWith: [{learningRate: 0.01, updater: sgd}]}");
        StrategyFactory f = Strategies.get("asha");
        assertTrue(f.plan(spec.search(), spec.space()).contains("epochs per rung [2, 4, 8]"), f.plan(spec.search(), spec.space()));
        Strategy s = SweepRunner.newStrategy(spec, List.of());
        Proposal.Indices first = (Proposal.Indices) s.ask(2);
        IndexDecoder d = s.decoder();
        assertEquals(0.01, d.decode(first.from()).get("learningRate"), "the start config runs first");
        assertEquals(TrialSchedule.FULL, d.schedule(first.from()), "as a full trial, at the trainer's own epochs");
        Proposal.Indices next = (Proposal.Indices) s.ask(1);
        d = s.decoder();
        assertEquals(2L, d.decode(next.from()).get("epochs"), "then asha's own configs at the first rung's budget");
        assertEquals(0, d.schedule(next.from()).rung());
        assertTrue(d.schedule(next.from()).checkpoint());
    }

    @Test
    void badBudgetsSayWhereAndHowToFixThem() {
        List<String> p = problems("{strategy: asha, trials: 5, budget: {setting: epochs, min: 9, max: 3, step: 2}, eta: 1}");
        assertTrue(p.stream().anyMatch(m -> m.contains("search.budget.max") && m.contains("larger than min (9)")), p.toString());
        assertTrue(p.stream().anyMatch(m -> m.contains("search.budget.step") && m.contains("unknown key")), p.toString());
        assertTrue(p.stream().anyMatch(m -> m.contains("search.eta") && m.contains(">= 2")), p.toString());
        List<String> typo = problems("{strategy: asha, trials: 5, budget: {setting: epochs, mn: 1, max: 3}}");
        assertTrue(typo.contains("search.budget.mn: unknown key 'mn'; did you mean 'min'?; allowed: [setting, min, max]"),
                "told like an unknown key of any spec block: " + typo);
        List<String> unknown = problems("{strategy: asha, trials: 5, budget: {setting: epochs, min: 1, max: 3}, bogus: 2}");
        assertTrue(unknown.stream().anyMatch(m -> m.contains("search.bogus") && m.contains("unknown key") && m.contains("eta")), unknown.toString());
        List<String> missing = problems("{strategy: hyperband, trials: 5}");
        assertTrue(missing.stream().anyMatch(m -> m.contains("search.budget") && m.contains("budget: {setting: epochs, min: 1, max: 27}")), missing.toString());
        List<String> searched = problems("{strategy: asha, trials: 5, budget: {setting: learningRate, min: 1, max: 9}}");
        assertTrue(searched.stream().anyMatch(m -> m.contains("space.learningRate") && m.contains("remove it from space")), searched.toString());
    }

    @Test
    void medianSettingsAreChecked() {
        List<String> p = problems("{strategy: median, trials: 5, minTrials: 0, warmupSteps: 1.5}");
        assertTrue(p.stream().anyMatch(m -> m.contains("search.minTrials") && m.contains(">= 1")), p.toString());
        assertTrue(p.stream().anyMatch(m -> m.contains("search.warmupSteps") && m.contains("integer")), p.toString());
    }
}
