package org.sparksweep.spec;

import org.sparksweep.trial.Direction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The spec's stop: and budget: blocks, and what counts as the search (resume) content. */
class SweepLimitsSpecTest {
    private static final String BASE = """
            name: limits
            model: {trainer: function, function: sphere, dimensions: 1}
            objective: {metric: value, direction: minimize}
            search: {strategy: random, trials: 5}
            space:
              x1: {uniform: [-1, 1]}
            """;

    private static SweepSpec parse(String extra) throws SpecException {
        return SpecReader.parse(BASE + extra, "limits.yaml", false);
    }

    @Test
    void limitsAreReadWithDurationsInAnyUnit() throws Exception {
        SweepSpec spec = parse("""
                stop: {objective: 0.01}
                budget: {wallClock: 1.5h, trialTimeout: 90s, maxFailedTrials: 3}
                """);
        assertEquals(new SweepLimits(0.01, 5400.0, 3L, 90.0), spec.limits());
        assertEquals(0.25, parse("budget: {trialTimeout: 250ms}").limits().trialTimeoutSeconds(), 1e-12);
        assertEquals(600.0, parse("budget: {trialTimeout: 600}").limits().trialTimeoutSeconds());
        assertEquals(SweepLimits.NONE, parse("").limits());
        assertTrue(spec.limits().goodEnough(0.005, Direction.MINIMIZE));
        assertTrue(!spec.limits().goodEnough(0.02, Direction.MINIMIZE));
    }

    @Test
    void badLimitsAreReportedWithTheirFieldPath() {
        SpecException e = assertThrows(SpecException.class, () -> parse("""
                stop: {objective: high, metric: x}
                budget: {wallClock: 2 weeks, trialTimeout: -1, maxFailedTrials: 1.5, retries: 2}
                """));
        String m = e.getMessage();
        assertTrue(m.contains("limits.yaml: stop.objective: must be a number"), m);
        assertTrue(m.contains("stop.metric: unknown key 'metric'"), m);
        assertTrue(m.contains("budget.wallClock: must be a positive duration"), m);
        assertTrue(m.contains("got '2 weeks'"), m);
        assertTrue(m.contains("budget.trialTimeout: must be a positive duration"), m);
        assertTrue(m.contains("budget.maxFailedTrials: must be an integer >= 0, got 1.5"), m);
        assertTrue(m.contains("budget.retries: unknown key 'retries'"), m);
    }

    @Test
    void theSearchContentIgnoresLimitsDescriptionAndOutput() throws Exception {
        SweepSpec plain = parse("");
        SweepSpec other = parse("description: again\noutput: /elsewhere\nstop: {objective: 0.5}\nbudget: {wallClock: 10m}\n");
        assertEquals(plain.content(), other.content());
        SweepSpec seeded = SpecReader.parse(BASE.replace("trials: 5", "trials: 5, seed: 3"), "limits.yaml", false);
        assertTrue(!plain.content().equals(seeded.content()));
    }
}
